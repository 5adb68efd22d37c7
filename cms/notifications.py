"""The one way the site sends e-mail to people: participants, submitters, subscribers and staff.

Every message is rendered in its recipient's language from templates beside the app that sends it:
`<template>.txt`, the text body, whose first line is the subject unless a `<template>_subject.txt`
gives it, and optionally `<template>.html`. Each recipient gets a message of their own (never a
shared To: line that shows everyone's address).

* `notify(...)` / `notify_user(...)` queue the sending once the surrounding transaction commits,
  as a background task (django-tasks, retried by `cms.tasks.retrying_task`), so a rolled-back
  action sends nothing. Their `context` must be JSON-serialisable.
* `deliver(...)` sends at once; it is for code that already runs in a task after the commit (the
  submission, nomination and registration tasks), whose context may hold model instances.
* `deliver_to_staff(...)` sends to every active member of a group, each in their own language.
* `may_send_confirmation(...)` caps the confirmation links a public form sends to one mailbox.

Development uses Django's console backend; production sets EMAIL_* from the environment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from cms import links, ratelimit
from cms.tasks import retrying_task

if TYPE_CHECKING:
    from cms.models import User

# However many visitors ask, one mailbox gets at most this many confirmation links a day per subject.
CONFIRMATIONS_PER_ADDRESS_PER_DAY = 3

Language = str | None  # a code of settings.LANGUAGES; None or another: the site's default
ReplyTo = list[str] | None


def _language_for(language: str | None) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def render_message(template: str, context: dict, language: str | None = None) -> tuple[str, str, str | None]:
    """(subject, text body, HTML body or None) of `template` in `language`."""
    language = _language_for(language)
    with translation.override(language):
        context = {"LANGUAGE_CODE": language, "site_url": links.base_url(), **context}
        text: str = render_to_string(f"{template}.txt", context, using="text").strip()
        subject: str
        try:
            subject, body = render_to_string(f"{template}_subject.txt", context, using="text"), text
        except TemplateDoesNotExist:
            subject, _sep, body = text.partition("\n")
        try:
            html = render_to_string(f"{template}.html", context)
        except TemplateDoesNotExist:
            html = None
    return " ".join(subject.split()), body.strip() + "\n", html


def _addresses(recipients: Iterable[str]) -> list[str]:
    """Each address once, the empty ones left out."""
    return sorted({address for address in recipients if address})


def deliver(
    template: str, recipients: Iterable[str], context: dict, language: Language = None, reply_to: ReplyTo = None
) -> int:
    """Render `template` in `language` and send it now to each recipient separately."""
    addresses = _addresses(recipients)
    if not addresses:
        return 0
    subject, body, html = render_message(template, context, language)
    sent = 0
    for recipient in addresses:
        message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient], reply_to=reply_to)
        if html:
            message.attach_alternative(html, "text/html")
        sent += message.send()
    return sent


def deliver_to_staff(template: str, group: str, context: dict) -> int:
    """Send `template` now to every active member of `group` with an address, each in their language."""
    by_language: dict[str, set[str]] = defaultdict(set)
    members = get_user_model().objects.filter(groups__name=group, is_active=True).exclude(email="")
    for email, language in members.values_list("email", "preferred_language").distinct():
        by_language[_language_for(language)].add(email)
    return sum(deliver(template, emails, context, language) for language, emails in sorted(by_language.items()))


@retrying_task()
def send_notification(
    template: str, recipients: list[str], context: dict, language: str | None = None, reply_to: list[str] | None = None
) -> int:
    """The task behind `notify`: `deliver` in the worker."""
    return deliver(template, recipients, context, language, reply_to)


def notify(
    template: str,
    recipients: Iterable[str],
    context: dict,
    language: str | None = None,
    reply_to: list[str] | None = None,
) -> None:
    """Queue a notification once the current transaction commits. `context` must be JSON-serialisable."""
    addresses = _addresses(recipients)
    if not addresses:
        return
    transaction.on_commit(
        lambda: send_notification.enqueue(template, addresses, context, language=language, reply_to=reply_to)
    )


def notify_user(template: str, user: User | None, context: dict, reply_to: list[str] | None = None) -> None:
    """Notify one account in its preferred language."""
    if user is None or not user.email or not user.is_active:
        return
    notify(template, [user.email], context, language=user.preferred_language or None, reply_to=reply_to)


def may_send_confirmation(email: str, subject: object) -> bool:
    """Whether a public form may e-mail `email` another confirmation link about `subject` (a
    newsletter language, a declaration) today: at most a few, so the form cannot flood a mailbox
    from many client addresses. Counted when asked. Silent: the visitor sees the same answer either way."""
    key = f"confirmations:{ratelimit.account_key(f'{email}|{subject}')}"
    return ratelimit.count(key, 24 * 3600) <= CONFIRMATIONS_PER_ADDRESS_PER_DAY
