"""Comments on consultations (a section or the main question), on topic proposals and in the
discussion space of a community of practice.

One level of threading: a reply's parent is always a top-level comment. A comment keeps the
author's region and language at the time of writing, so the figures by region survive the
author deleting their account (the comment then shows "former member").
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Published")
    HIDDEN = "hidden", _("Hidden by a moderator")


class CommentQuerySet(models.QuerySet):
    def visible(self):
        """What the public may read: approved comments only, never pending or hidden ones."""
        return self.filter(status=CommentStatus.APPROVED)


class Comment(models.Model):
    # Set on the comments community.comments.services.build_threads returns (not stored).
    visible_replies: list[Comment]
    reply_key: str

    # Exactly one target: a consultation (optionally one of its sections), a topic proposal or a
    # community of practice (its discussion space).
    consultation = models.ForeignKey(
        "community.ConsultationPage", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    section = models.ForeignKey(
        "community.ConsultationSection", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    proposal = models.ForeignKey(
        "community.TopicProposal", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    community = models.ForeignKey(
        "community.Community", null=True, blank=True, on_delete=models.CASCADE, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies", verbose_name=_("reply to")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="community_comments"
    )
    author_region = models.CharField(_("author's region"), max_length=3, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    body = models.TextField(_("comment"), max_length=5000)

    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    flag_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at"]
        permissions = [("moderate_comment", _("Can approve, hide and restore comments"))]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consultation__isnull=False, proposal__isnull=True, community__isnull=True)
                | models.Q(
                    consultation__isnull=True, proposal__isnull=False, section__isnull=True, community__isnull=True
                )
                | models.Q(
                    consultation__isnull=True, proposal__isnull=True, section__isnull=True, community__isnull=False
                ),
                name="comment_has_one_target",
            )
        ]

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def is_visible(self) -> bool:
        return self.status == CommentStatus.APPROVED

    @property
    def body_html(self) -> str:
        """The body as safe HTML (plain text escaped; see community.comments.text)."""
        from community.comments.text import render_body

        return render_body(self.body)

    @property
    def author_display(self) -> str:
        """The author's public name, or "former member" once the account is deleted."""
        if self.author_id is None:
            return str(_("former member"))
        profile = getattr(self.author, "member_profile", None)
        if profile is not None:
            return profile.name
        return self.author.get_full_name() or str(_("member"))


class CommentFlag(models.Model):
    """A participant reports a comment to the moderators (once per participant and comment)."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("flag")
        unique_together = [("comment", "user")]

    def __str__(self) -> str:
        return f"{self.comment_id}: {self.reason}"
