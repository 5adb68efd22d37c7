"""Countries as rows, so that pages and members can be filtered and counted by country and region."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cms import geography


class Country(models.Model):
    """An ISO 3166-1 country with its UN M49 region; names come from CLDR in the reader's language."""

    code = models.CharField(_("ISO 3166-1 code"), max_length=2, primary_key=True)
    region = models.CharField(_("UN M49 region"), max_length=3, db_index=True)
    subregion = models.CharField(_("UN M49 sub-region"), max_length=3)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return geography.country_name(self.code, get_language() or "en")

    @property
    def region_name(self) -> str:
        return geography.region_name(self.region, get_language() or "en")
