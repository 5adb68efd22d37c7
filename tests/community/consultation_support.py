"""Helpers shared by the consultation, comment and moderation tests (plain functions, not fixtures)."""

from __future__ import annotations

import datetime
import itertools

from django.utils import timezone
from wagtail.models import Locale

from community.factories import CommentFactory
from community.models import Comment, ConsultationIndexPage, ConsultationPage, ConsultationSection

_numbers = itertools.count(1)
SECTIONS = [("housing-costs", "Housing costs"), ("tenants", "Tenants' rights")]


def period(state: str) -> dict:
    now = timezone.now()
    day = datetime.timedelta(days=1)
    return {
        "open": {"opens_at": now - day, "closes_at": now + 30 * day},
        "closed": {"opens_at": now - 60 * day, "closes_at": now - day},
        "upcoming": {"opens_at": now + day, "closes_at": now + 30 * day},
    }[state]


def make_consultation(
    *, moderation: str = "post", state: str = "open", question: str = "What works where you live?", translations=()
) -> ConsultationPage:
    """A published consultation under the English demo index, with two sections, and its
    translations (copies made the way wagtail-localize makes them, sections keeping their keys)."""
    index = ConsultationIndexPage.objects.get(locale__language_code="en")
    number = next(_numbers)
    page = ConsultationPage(
        title=f"Consultation {number}",
        slug=f"test-consultation-{number}",
        question=question,
        moderation=moderation,
        locale=index.locale,
        **period(state),
    )
    page.sections = [
        ConsultationSection(anchor=anchor, heading=heading, body=f"<p>{heading}: the draft.</p>", locale=index.locale)
        for anchor, heading in SECTIONS
    ]
    index.add_child(instance=page)
    page.save_revision().publish()
    for language in translations:
        locale = Locale.objects.get(language_code=language)
        # Publishing made a fallback alias in every language; translating converts it (as wagtail-localize does).
        copy = page.get_translation(locale).specific
        copy.alias_of = None
        copy.title = f"{page.title} ({language})"
        copy.save_revision().publish()
    return page


def version(page: ConsultationPage, language: str) -> ConsultationPage:
    return page.get_translation(Locale.objects.get(language_code=language))


def url(page: ConsultationPage, language: str = "en", route: str = "") -> str:
    target = page if page.locale.language_code == language else version(page, language)
    return target.url + route


def section(page: ConsultationPage, anchor: str, language: str = "en") -> ConsultationSection:
    target = page if page.locale.language_code == language else version(page, language)
    return target.sections.get(anchor=anchor)


def comment_on(page: ConsultationPage, **kwargs) -> Comment:
    return CommentFactory(consultation=page, **kwargs)
