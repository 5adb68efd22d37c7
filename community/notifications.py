"""E-mail notifications to participants and staff, sent as background tasks (django-tasks).

Every notification is rendered in the recipient's language from two templates,
`<template>.txt` (the text body, first line is the subject) and optionally `<template>.html`,
and queued after the surrounding transaction commits, so a rolled-back action sends nothing.
Development uses Django's console backend; production sets EMAIL_* from the environment.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from cms import links
from cms.tasks import retrying_task


def _language_for(language: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


@retrying_task()
def send_notification(
    template: str, recipients: list[str], context: dict, language: str | None = None, reply_to: list[str] | None = None
) -> int:
    """Render `template` in `language` and send it to each recipient separately (no shared To: line)."""
    language = _language_for(language)
    with translation.override(language):
        context = {**context, "LANGUAGE_CODE": language, "site_url": links.base_url()}
        text = render_to_string(f"{template}.txt", context, using="text").strip()
        subject, _sep, body = text.partition("\n")
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html = None
    sent = 0
    for recipient in recipients:
        message = EmailMultiAlternatives(
            subject.strip(), body.strip() + "\n", settings.DEFAULT_FROM_EMAIL, [recipient], reply_to=reply_to
        )
        if html:
            message.attach_alternative(html, "text/html")
        sent += message.send()
    return sent


def notify(
    template: str,
    recipients: Iterable[str],
    context: dict,
    language: str | None = None,
    reply_to: list[str] | None = None,
) -> None:
    """Queue a notification once the current transaction commits. `context` must be JSON-serialisable."""
    addresses = sorted({address for address in recipients if address})
    if not addresses:
        return
    transaction.on_commit(
        lambda: send_notification.enqueue(template, addresses, context, language=language, reply_to=reply_to)
    )


def notify_user(template: str, user, context: dict, reply_to: list[str] | None = None) -> None:
    """Notify one account in its preferred language."""
    if user is None or not user.email or not user.is_active:
        return
    notify(template, [user.email], context, language=user.preferred_language or None, reply_to=reply_to)
