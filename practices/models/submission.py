"""What a visitor sent through "Share a practice", kept as they typed it, beside the draft it became."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PracticeSubmission(models.Model):
    page = models.ForeignKey(
        "practices.PracticePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="submissions"
    )
    language = models.CharField(_("language"), max_length=10)
    submitter_name = models.CharField(_("name"), max_length=200)
    submitter_email = models.EmailField(_("e-mail"))
    data = models.JSONField(_("submitted data"), help_text=_("Everything the visitor typed, unchanged."))
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("practice submission")
        verbose_name_plural = _("practice submissions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.data.get('title', '')} ({self.submitter_name})"
