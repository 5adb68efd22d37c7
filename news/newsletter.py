"""The weekly digest by e-mail, per language: subscriptions with double opt-in, building and sending.

- `subscribe()` stores an unconfirmed subscription (or re-arms an existing one) and e-mails the
  confirmation link; the visitor sees the same answer whether the address was known or not.
- `confirm()` / `unsubscribe()` act on the secret token of the links (POST only: see the views).
- `build_digest()` collects the latest items of one language; `render_digest()` turns them into the
  HTML and plain-text e-mail; `send_issue()` records a `NewsletterIssue` and sends one message per
  confirmed subscriber, each with its own unsubscribe link and RFC 8058 one-click headers.

The e-mails go out as django-tasks, enqueued once the transaction commits: an issue is split into
batches of `BATCH_SIZE` subscribers (one task each, retried from where it stopped when the mail
server drops the connection), and the admin's list of issues shows how many were sent so far.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
from dataclasses import dataclass, field

from babel.dates import format_date
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Min, OuterRef, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from cms.geography import to_babel
from cms.links import absolute_url, base_url
from cms.models import ExpertReview
from cms.models.reviews import approved_review_exists
from cms.notifications import deliver, may_send_confirmation
from cms.tasks import TRANSIENT_ERRORS, RetryFrom, retrying_task
from news.models import NewsIndexPage, NewsletterIssue, NewsletterSubscription, NewsPage
from practices.models import PracticeIndexPage, PracticePage

logger = logging.getLogger(__name__)

WINDOW = datetime.timedelta(days=7)
MINIMUM_ITEMS = 5  # a quiet week still shows the five latest items of each section
MAXIMUM_ITEMS = 10  # a busy week links to the section for the rest
# Rendered in place of each subscriber's own unsubscribe token, then replaced per recipient, so that
# every subscriber gets the very HTML that is stored on the issue and shown in the preview.
TOKEN_PLACEHOLDER = "subscriber-token"  # noqa: S105 (not a secret: a marker)


# --- Subscriptions -----------------------------------------------------------------------------


def newsletter_url(name: str, language: str, token: str | None = None) -> str:
    """An absolute URL of the newsletter pages in `language` (/<lang>/newsletter/...)."""
    with translation.override(language):
        path = reverse(name, args=[token] if token is not None else [])
    return absolute_url(path)


@transaction.atomic
def subscribe(email: str, language: str) -> NewsletterSubscription:
    """Store (or re-arm) the subscription of `email` in `language` and e-mail the confirmation link.

    A confirmed subscription stays confirmed (its owner simply gets the link again); a cancelled one
    becomes unconfirmed, so nothing is sent before its owner confirms again.
    """
    email = BaseUserManager.normalize_email(email)
    subscription = (
        NewsletterSubscription.objects.select_for_update().filter(email__iexact=email, language=language).first()
    )
    now = timezone.now()
    if subscription is None:
        try:
            with transaction.atomic():
                subscription = NewsletterSubscription.objects.create(email=email, language=language, consented_at=now)
        except IntegrityError:  # the same address sent twice at once: the other request created it
            subscription = NewsletterSubscription.objects.get(email__iexact=email, language=language)
    else:
        subscription.consented_at = now
        if subscription.unsubscribed_at is not None:
            subscription.unsubscribed_at = None
            subscription.confirmed_at = None
        subscription.save(update_fields=["consented_at", "unsubscribed_at", "confirmed_at"])
    if may_send_confirmation(email, f"newsletter|{language}"):
        subscription_id = subscription.pk
        transaction.on_commit(lambda: send_confirmation.enqueue(subscription_id))
    return subscription


def confirm(subscription: NewsletterSubscription) -> bool:
    """Confirm a pending subscription; False when it was cancelled (its owner must subscribe again)."""
    if subscription.is_unsubscribed:
        return False
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return True


def unsubscribe(subscription: NewsletterSubscription) -> None:
    """Stop every digest to this subscription at once. The row stays so the link keeps answering."""
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at"])


@retrying_task()
def send_confirmation(subscription_id: int) -> None:
    subscription = NewsletterSubscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.is_unsubscribed:
        return
    context = {
        "confirm_url": newsletter_url("newsletter_confirm", subscription.language, subscription.token),
        "subscribe_url": newsletter_url("newsletter_subscribe", subscription.language),
        "already_confirmed": subscription.is_confirmed,
    }
    deliver("news/email/confirmation", [subscription.email], context, subscription.language)


# --- The digest --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DigestItem:
    title: str
    url: str
    summary: str
    date: str  # already formatted in the digest's language
    label: str = ""  # the kind of news item, or a short note


@dataclass(frozen=True)
class DigestSection:
    key: str
    heading: str
    items: list[DigestItem]
    more_url: str = ""
    more_label: str = ""


@dataclass
class Digest:
    language: str
    day: datetime.date
    subject: str
    sections: list[DigestSection] = field(default_factory=list)

    @property
    def direction(self) -> str:
        return "rtl" if self.language in settings.RTL_LANGUAGES else "ltr"

    @property
    def align(self) -> str:
        """The start side, for the `align` attributes e-mail clients still need."""
        return "right" if self.direction == "rtl" else "left"

    @property
    def is_empty(self) -> bool:
        return not any(section.items for section in self.sections)

    @property
    def item_count(self) -> int:
        return sum(len(section.items) for section in self.sections)


def _long_date(day: datetime.date, language: str) -> str:
    return format_date(day, format="long", locale=to_babel(language))


def _absolute(url: str | None) -> str:
    if not url:
        return ""
    return absolute_url(url)


def _latest(queryset, recent_filter: dict) -> list:
    """Everything of the window (up to `MAXIMUM_ITEMS`), or the last `MINIMUM_ITEMS` when the week
    was quieter than that. `queryset` holds what is due by the digest's day, newest first."""
    recent = list(queryset.filter(**recent_filter)[:MAXIMUM_ITEMS])
    return recent if len(recent) >= MINIMUM_ITEMS else list(queryset[:MINIMUM_ITEMS])


def recent_news(locale: Locale, since: datetime.date, day: datetime.date) -> list[NewsPage]:
    """Live news items written in the language (not the fallbacks of other languages' items: a digest
    reads in one language, and the site lists the rest), dated in the week up to `day`."""
    queryset = (
        NewsPage.objects.live()
        .public()
        .filter(locale=locale, alias_of__isnull=True, date__lte=day)
        .defer_streamfields()
        .order_by("-date", "-first_published_at")
    )
    return _latest(queryset, {"date__gte": since})


def recently_reviewed_practices(
    locale: Locale, since: datetime.datetime, until: datetime.datetime
) -> list[PracticePage]:
    """Live practices of the language whose first approved expert review is the most recent.

    The first approval counts, so a practice reviewed again after an edit is not "new" again; a
    translation published long after the review is not new either (the review date is the rule).
    """
    first_approval = (
        ExpertReview.objects.approved()
        .filter(translation_key=OuterRef("translation_key"))
        .order_by()
        .values("translation_key")
        .annotate(first=Min("created_at"))
        .values("first")
    )
    queryset = (
        PracticePage.objects.live()
        .public()
        .filter(locale=locale, alias_of__isnull=True)
        .filter(approved_review_exists())
        .annotate(reviewed_at=Subquery(first_approval))
        .filter(reviewed_at__lt=until)
        .defer_streamfields()
        .order_by("-reviewed_at", "title")
    )
    return _latest(queryset, {"reviewed_at__gte": since})


EVENTS_HORIZON = datetime.timedelta(days=120)


def upcoming_events(locale: Locale, day: datetime.date) -> list[DigestItem]:
    """Live events of `locale` (Forum and Award editions, Social Progress Days) starting within four
    months of `day`, soonest first. An embargoed Day is not live, so it never appears here early."""
    from events.models import AwardEditionPage, ForumEditionPage, SocialProgressDayPage

    items = []
    for model in (ForumEditionPage, SocialProgressDayPage, AwardEditionPage):
        for page in (
            model.objects.live()
            .public()
            .filter(locale=locale, alias_of__isnull=True, start_date__gte=day, start_date__lte=day + EVENTS_HORIZON)
            .defer_streamfields()
        ):
            items.append((page.start_date, page))
    return [
        DigestItem(
            title=page.title,
            url=_absolute(page.get_url()),
            summary=getattr(page, "theme", "") or "",
            date=_long_date(start, locale.language_code),
            label=page.event_type_label,
        )
        for start, page in sorted(items, key=lambda pair: pair[0])
    ]


def _section_index_url(model, locale: Locale) -> str:
    index = model.objects.live().filter(locale=locale).first()
    return _absolute(index.get_url()) if index else ""


def build_digest(language: str, day: datetime.date | None = None) -> Digest:
    """The digest of `language` as of `day` (today by default): news, newly reviewed practices, events."""
    day = day or timezone.localdate()
    locale = Locale.objects.get(language_code=language)
    since = day - WINDOW
    since_moment = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min))
    until_moment = timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))
    with translation.override(language):
        news = [
            DigestItem(
                title=page.title,
                url=_absolute(page.get_url()),
                summary=page.summary,
                date=_long_date(page.date, language),
                label=str(page.get_kind_display()),
            )
            for page in recent_news(locale, since, day)
        ]
        practices = [
            DigestItem(
                title=page.title,
                url=_absolute(page.get_url()),
                summary=page.summary,
                date=_long_date(timezone.localdate(page.reviewed_at), language),
                label=_("Reviewed by experts"),
            )
            for page in recently_reviewed_practices(locale, since_moment, until_moment)
        ]
        sections = [
            DigestSection(
                "news",
                _("News and stories"),
                news,
                _section_index_url(NewsIndexPage, locale),
                _("All news and stories"),
            ),
            DigestSection(
                "practices",
                _("Newly reviewed practices"),
                practices,
                _section_index_url(PracticeIndexPage, locale),
                _("All inspiring practices"),
            ),
            DigestSection("events", _("Events"), upcoming_events(locale, day)),
        ]
        subject = _("IPSP weekly digest, %(date)s") % {"date": _long_date(day, language)}
    return Digest(language=language, day=day, subject=subject, sections=sections)


def render_digest(digest: Digest, token: str = TOKEN_PLACEHOLDER) -> tuple[str, str]:
    """The HTML and plain-text bodies of the digest, with the unsubscribe link of `token`."""
    context = {
        "digest": digest,
        "sections": [section for section in digest.sections if section.items],
        "site_url": base_url(),
        "home_url": _absolute(_home_url(digest.language)),
        "unsubscribe_url": newsletter_url("newsletter_unsubscribe", digest.language, token),
    }
    with translation.override(digest.language):
        html = render_to_string("news/email/digest.html", context)
        text = render_to_string("news/email/digest.txt", context, using="text")
    return html, text


def _home_url(language: str) -> str:
    home = Page.objects.live().filter(depth=2, locale__language_code=language).first()
    return home.get_url() if home else f"/{language}/"


# --- Sending -----------------------------------------------------------------------------------


def confirmed_counts() -> dict[str, int]:
    """Confirmed subscribers per language code (every content language, zeros included)."""
    counts = dict.fromkeys((code for code, _name in settings.LANGUAGES), 0)
    rows = NewsletterSubscription.objects.confirmed().order_by().values("language").annotate(count=Count("pk"))
    counts.update({row["language"]: row["count"] for row in rows})
    return counts


@transaction.atomic
def send_issue(language: str, user: AbstractBaseUser | None) -> NewsletterIssue:
    """Record the issue of `language` (subject and bodies as sent) and send it in the background."""
    digest = build_digest(language)
    html, text = render_digest(digest)
    issue = NewsletterIssue.objects.create(
        language=language,
        subject=digest.subject,
        created_by=user,
        html=html,
        text=text,
        recipient_count=NewsletterSubscription.objects.filter(language=language).confirmed().count(),
    )
    issue_id = issue.pk
    transaction.on_commit(lambda: deliver_issue.enqueue(issue_id))
    return issue


def personal_message(issue: NewsletterIssue, subscription: NewsletterSubscription) -> EmailMultiAlternatives:
    """The issue as one subscriber receives it: their unsubscribe link in the body and the headers."""
    placeholder_url = newsletter_url("newsletter_unsubscribe", issue.language, TOKEN_PLACEHOLDER)
    unsubscribe_url = newsletter_url("newsletter_unsubscribe", issue.language, subscription.token)
    message = EmailMultiAlternatives(
        subject=issue.subject,
        body=issue.text.replace(placeholder_url, unsubscribe_url),
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(issue.html.replace(placeholder_url, unsubscribe_url), "text/html")
    return message


BATCH_SIZE = 200  # messages per task: one SMTP connection each, a few seconds of a worker's time


@retrying_task()
def deliver_issue(issue_id: int) -> None:
    """Split the issue into batches of subscribers confirmed now, by primary key, and queue them.

    Several workers send batches in parallel; each adds its counts to the issue, and the last one
    to finish stamps `sent_at`. The admin shows the progress (sent of recipients)."""
    issue = NewsletterIssue.objects.get(pk=issue_id)
    pks = list(
        NewsletterSubscription.objects.filter(language=issue.language)
        .confirmed()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    batches = [pks[start : start + BATCH_SIZE] for start in range(0, len(pks), BATCH_SIZE)]
    NewsletterIssue.objects.filter(pk=issue.pk).update(recipient_count=len(pks), batch_count=len(batches))
    if not batches:
        NewsletterIssue.objects.filter(pk=issue.pk).update(sent_at=timezone.now())
    for batch in batches:
        deliver_batch.enqueue(issue.pk, batch[0], batch[-1])


@retrying_task()
def deliver_batch(issue_id: int, first_pk: int, last_pk: int) -> None:
    """One message per subscriber of the batch still confirmed, over one connection. A refused
    address is logged, counted as failed and skipped; a lost connection records what was sent and
    raises, so the retry starts after the last subscriber served (nobody gets the issue twice)."""
    issue = NewsletterIssue.objects.get(pk=issue_id)
    recipients = (
        NewsletterSubscription.objects.filter(language=issue.language, pk__gte=first_pk, pk__lte=last_pk)
        .confirmed()
        .order_by("pk")
    )
    sent = failed = 0
    done_up_to = None
    try:
        with get_connection() as connection:
            for subscription in recipients:
                message = personal_message(issue, subscription)
                message.connection = connection
                try:
                    sent += message.send()
                except Exception as error:
                    if _is_transient(error):
                        raise
                    # One bad address or a permanent refusal must not stop the issue.
                    failed += 1
                    logger.warning("Newsletter issue %s: subscription %s refused: %r", issue.pk, subscription.pk, error)
                done_up_to = subscription.pk
    except TRANSIENT_ERRORS as error:
        _count(issue.pk, sent, failed, finished=False)
        next_pk = first_pk if done_up_to is None else done_up_to + 1
        raise RetryFrom(issue.pk, next_pk, last_pk) from error
    _count(issue.pk, sent, failed, finished=True)


def _is_transient(error: Exception) -> bool:
    """A lost connection or a 4xx answer is worth retrying; a refused recipient or a 5xx is not."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return False
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code < 500
    return isinstance(error, TRANSIENT_ERRORS)


def _count(issue_id: int, sent: int, failed: int, *, finished: bool) -> None:
    NewsletterIssue.objects.filter(pk=issue_id).update(
        sent_count=F("sent_count") + sent,
        failed_count=F("failed_count") + failed,
        batches_done=F("batches_done") + (1 if finished else 0),
    )
    if finished:
        NewsletterIssue.objects.filter(pk=issue_id, sent_at=None, batches_done__gte=F("batch_count")).update(
            sent_at=timezone.now()
        )
