""" "I want to adapt this" and "I can help": members engaging with a practice."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EngagementKind(models.TextChoices):
    ADAPT = "adapt", _("I want to adapt this")
    HELP = "help", _("I can help")


class EngagementQuerySet(models.QuerySet):
    def for_practice(self, practice):
        """Engagements with this practice in any of its languages."""
        return self.filter(practice_key=practice.translation_key)

    def member_count(self) -> int:
        """How many distinct members (accounts that still exist) are engaged: one aggregate, which
        leaves out engagements whose account was deleted (no user)."""
        return self.aggregate(members=models.Count("user", distinct=True))["members"]


class Engagement(models.Model):
    """Counted per practice across its translations (`practice_key` is the practice's translation key)."""

    practice = models.ForeignKey(
        "practices.PracticePage", on_delete=models.CASCADE, related_name="engagements", verbose_name=_("practice")
    )
    practice_key = models.UUIDField(db_index=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="practice_engagements"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=EngagementKind.choices)
    message = models.TextField(_("message"), max_length=3000)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = EngagementQuerySet.as_manager()

    class Meta:
        verbose_name = _("engagement with a practice")
        verbose_name_plural = _("engagements with practices")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["practice_key", "user", "kind"], name="one_engagement_per_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.practice_id}"

    def save(self, *args, **kwargs):
        if not self.practice_key:
            self.practice_key = self.practice.translation_key
        super().save(*args, **kwargs)
