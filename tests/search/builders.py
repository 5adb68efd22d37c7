"""Content for the site search tests: one page of every public type (and a member) carrying a word
no demo content uses, so each test knows exactly what a query must find."""

from __future__ import annotations

import datetime
import re

from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction

from community.factories import MemberProfileFactory
from community.models import ConsultationIndexPage, ConsultationPage
from events.factories import ForumEditionPageFactory
from events.models import ForumIndexPage
from home.factories import StandardPageFactory
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage
from reports.factories import ChapterPageFactory, PolicyBriefPageFactory, ReportPageFactory, ToolkitPageFactory
from reports.models import ReportIndexPage


def locale(language: str) -> Locale:
    return Locale.objects.get(language_code=language)


def home(language: str) -> Page:
    return Page.objects.get(depth=2, locale__language_code=language)


def index(model, language: str):
    """The demo's index page of `model` in `language`."""
    return model.objects.get(locale__language_code=language)


def consultation_index(language: str) -> ConsultationIndexPage:
    found = ConsultationIndexPage.objects.filter(locale__language_code=language).first()
    if found:
        return found
    page = ConsultationIndexPage(title="Consultations", slug="consultations", locale=locale(language))
    home(language).add_child(instance=page)
    return page


def consultation(parent, title: str, text: str) -> ConsultationPage:
    now = timezone.now()
    page = ConsultationPage(
        title=title,
        slug=re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"),
        introduction=f"<p>{text}</p>",
        opens_at=now - datetime.timedelta(days=1),
        closes_at=now + datetime.timedelta(days=30),
        locale=parent.locale,
    )
    parent.add_child(instance=page)
    return page


def one_of_each_type(word: str, language: str = "en") -> dict[str, object]:
    """A page of every public type whose text (not title) contains `word`, and a public member."""
    reports = index(ReportIndexPage, language)
    report = ReportPageFactory(parent=reports, title="A report", abstract=f"<p>An assessment of {word} today.</p>")
    forum_index = index(ForumIndexPage, language)
    return {
        "report": report,
        "chapter": ChapterPageFactory(parent=report, title="A chapter", summary=f"Chapter about {word}."),
        "brief": PolicyBriefPageFactory(parent=reports, title="A brief", summary=f"Brief on {word}."),
        "toolkit": ToolkitPageFactory(parent=reports, title="A toolkit", introduction=f"Steps for {word}."),
        "practice": PracticePageFactory(
            parent=index(PracticeIndexPage, language), title="A practice", summary=f"A practice of {word}."
        ),
        "news": NewsPageFactory(parent=index(NewsIndexPage, language), title="A story", summary=f"News of {word}."),
        "event": ForumEditionPageFactory(parent=forum_index, title="A forum", theme=f"Cities and {word}"),
        "standard": StandardPageFactory(parent=home(language), title="A page", introduction=f"About {word}."),
        "consultation": consultation(consultation_index(language), "A consultation", f"Tell us about {word}."),
        "member": MemberProfileFactory(name="Ada Member", bio=f"Works on {word} in cities."),
    }


def restrict(page: Page) -> PageViewRestriction:
    """Make `page` (and everything under it) private: visible to logged-in users only."""
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def titled(word: str, count: int, language: str = "en") -> list[Page]:
    """`count` standard pages with `word` in the title, numbered."""
    return [
        StandardPageFactory(parent=home(language), title=f"{word} page {number}", slug=f"{word.lower()}-{number}")
        for number in range(1, count + 1)
    ]
