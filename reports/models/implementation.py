"""Recommendations put into practice: editors link a report's or a brief's recommendation to the
practices that implement it, and both ends show the link (the recommendation lists its practices,
the practice page the recommendations it implements).

A recommendation is a block of its page, named by its identifier ("R3"), which is synchronised
across the page's translations; the link is kept between the source pages and shown in every
language (matched by translation key).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

PUBLICATION_TYPES = ("reportpage", "policybriefpage")


class RecommendationPractice(models.Model):
    publication = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("report or brief"),
        help_text=_("The report or policy brief that makes the recommendation."),
    )
    identifier = models.CharField(
        _("recommendation"), max_length=20, help_text=_("The recommendation's identifier on that page, e.g. “R3”.")
    )
    practice = models.ForeignKey(
        "practices.PracticePage",
        on_delete=models.CASCADE,
        related_name="implemented_recommendations",
        verbose_name=_("practice"),
        help_text=_("A practice that puts the recommendation into practice."),
    )

    class Meta:
        verbose_name = _("recommendation put into practice")
        verbose_name_plural = _("recommendations put into practice")
        ordering = ["publication_id", "identifier", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["publication", "identifier", "practice"], name="one_link_per_practice")
        ]

    def __str__(self) -> str:
        return f"{self.identifier} → {self.practice_id}"

    def recommendation(self):
        """The recommendation block named by `identifier` on the publication, or None."""
        page = self.publication.specific
        for block in getattr(page, "recommendations", []):
            if block.value["identifier"] == self.identifier:
                return block.value
        return None

    def clean(self) -> None:
        if not self.publication_id:
            return
        if self.publication.specific_class._meta.model_name not in PUBLICATION_TYPES:
            raise ValidationError({"publication": _("Choose a report or a policy brief.")})
        if self.recommendation() is None:
            raise ValidationError({"identifier": _("This page has no recommendation with this identifier.")})
