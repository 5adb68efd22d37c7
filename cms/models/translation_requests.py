"""Readers asking for an item in their language: one vote per visitor, item and language."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationRequest(models.Model):
    """A reader asked for an item (every language of a page shares its `translation_key`) to be
    translated into a language. The visitor is kept only as a one-way hash, enough to count them
    once; translators see the demand in the translation status report and on their dashboard."""

    translation_key = models.UUIDField(db_index=True, editable=False)
    language_code = models.CharField(_("language"), max_length=20, choices=settings.LANGUAGES)
    visitor = models.CharField(max_length=64, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language_code", "visitor"], name="one_translation_request_per_visitor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.translation_key} → {self.language_code}"
