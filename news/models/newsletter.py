"""The weekly digest by e-mail: who asked for it (double opt-in, per language) and what was sent.

Subscribing, confirming, unsubscribing, building and sending live in `news.newsletter`; these
models only hold the state.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


class NewsletterSubscriptionQuerySet(models.QuerySet):
    def confirmed(self) -> NewsletterSubscriptionQuerySet:
        """Confirmed by the subscriber and not cancelled since: the digest's recipients."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)


class NewsletterSubscription(models.Model):
    """One address's subscription to the digest in one language.

    Double opt-in: a subscription receives nothing until its owner confirms it through the link
    e-mailed to them. The same secret token is in the confirmation link and in every digest's
    unsubscribe link, so the mailbox owner, and only they, can do both without an account.
    """

    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=10, db_index=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    consented_at = models.DateTimeField(
        _("consent given"), default=timezone.now, help_text=_("When the form with the consent box was last sent.")
    )
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = NewsletterSubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        constraints = [
            models.UniqueConstraint(Lower("email"), "language", name="one_newsletter_subscription_per_address_language")
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.language})"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None

    @property
    def is_unsubscribed(self) -> bool:
        return self.unsubscribed_at is not None


class NewsletterIssue(models.Model):
    """One digest sent in one language: who sent it, when, to how many, and the HTML as sent."""

    language = models.CharField(_("language"), max_length=10, db_index=True)
    subject = models.CharField(_("subject"), max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, help_text=_("Empty while sending."))
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    # Progress of the batches (news.newsletter.deliver_issue): shown as "sent / recipients".
    batch_count = models.PositiveIntegerField(default=0, editable=False)
    batches_done = models.PositiveIntegerField(default=0, editable=False)
    sent_count = models.PositiveIntegerField(default=0, editable=False)
    failed_count = models.PositiveIntegerField(default=0, editable=False)
    html = models.TextField(_("HTML as sent"), blank=True)
    text = models.TextField(_("plain text as sent"), blank=True)

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at", "-id"]
        permissions = [("send_newsletterissue", _("Can send the newsletter"))]

    def __str__(self) -> str:
        return self.subject
