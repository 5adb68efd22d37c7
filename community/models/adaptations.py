""" "Adapted elsewhere": members report that they adapted a practice, who they are, where, and what changed.

Moderated like comments (the same statuses and the same permission, `community.moderate_comment`):
a report is public only once a moderator has approved it. Counted per practice across its
translations (`practice_key`, the practice's translation key).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from community.models.comments import CommentStatus


class AdaptationQuerySet(models.QuerySet):
    def for_practice(self, practice):
        return self.filter(practice_key=practice.translation_key)

    def visible(self):
        """What the public may read: approved reports only."""
        return self.filter(status=CommentStatus.APPROVED)


class Adaptation(models.Model):
    practice = models.ForeignKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="adaptations", verbose_name=_("practice")
    )
    practice_key = models.UUIDField(db_index=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_adaptations",
        verbose_name=_("member"),
    )
    organisation = models.CharField(
        _("who adapted it"), max_length=200, help_text=_("Your organisation, or your own name.")
    )
    country = models.CharField(_("country"), max_length=2)
    what_changed = models.TextField(_("what changed"), max_length=3000)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("reported on"), auto_now_add=True, db_index=True)

    objects = AdaptationQuerySet.as_manager()

    class Meta:
        verbose_name = _("adaptation report")
        verbose_name_plural = _("adaptation reports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.country})"

    def save(self, *args, **kwargs):
        if not self.practice_key:
            self.practice_key = self.practice.translation_key
        super().save(*args, **kwargs)
