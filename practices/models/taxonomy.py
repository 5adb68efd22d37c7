"""The UN Sustainable Development Goals as a translatable taxonomy (created in all ten languages by a migration)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from cms.translation import synchronised, translated


class SustainableDevelopmentGoal(TranslatableMixin, models.Model):
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=120)

    panels = [FieldPanel("number"), FieldPanel("title")]
    override_translatable_fields = translated("title") + synchronised("number")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]
        unique_together = [("translation_key", "locale"), ("number", "locale")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"
