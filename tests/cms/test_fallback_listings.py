"""Every listing marks the items it shows in their original language: the "In English · not yet
translated" mark, and the original's `lang`/`dir` on the item's text, under the Arabic interface.

The member directory is not among them: a member's profile is the member's own words, never a
translated page, so no member card stands in for a missing translation (its filters and labels are
in the reader's language, tested in tests/community)."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Page

from cms.factories import PersonFactory
from community.factories import ConsultationPageFactory, TopicProposalFactory
from community.models import ConsultationIndexPage, TopicProposalIndexPage
from events.factories import ForumEditionPageFactory
from events.models import EventsIndexPage, ForumIndexPage
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage
from reports.factories import ReportContributorFactory, ReportPageFactory
from reports.models import ReportIndexPage
from tests.tooling import html_errors

pytestmark = pytest.mark.django_db

TITLE = "Zephyrine harbour commons"


def publish(page: Page) -> Page:
    page.save_revision().publish()  # its fallbacks are created in every other language
    return page


def english(model, locales):
    return model.objects.get(locale=locales["en"])


def arabic_url(model, locales) -> str:
    return model.objects.get(locale=locales["ar"]).url


def practices(locales) -> str:
    publish(PracticePageFactory(parent=english(PracticeIndexPage, locales), title=TITLE))
    return "/ar/practices/?sort=newest"


def news(locales) -> str:
    publish(NewsPageFactory(parent=english(NewsIndexPage, locales), title=TITLE))
    return arabic_url(NewsIndexPage, locales)


def reports(locales) -> str:
    publish(ReportPageFactory(parent=english(ReportIndexPage, locales), title=TITLE, edition_year=2031))
    return arabic_url(ReportIndexPage, locales)


def events(locales) -> str:
    publish(ForumEditionPageFactory(parent=english(ForumIndexPage, locales), title=TITLE))
    return arabic_url(EventsIndexPage, locales)


def consultations(locales) -> str:
    publish(ConsultationPageFactory(parent=english(ConsultationIndexPage, locales), title=TITLE))
    return arabic_url(ConsultationIndexPage, locales)


def topic_proposals(locales) -> str:
    TopicProposalFactory(title=TITLE, language="en")
    return arabic_url(TopicProposalIndexPage, locales) + "?sort=newest"


def authors(locales) -> str:
    person = PersonFactory(locale=locales["en"], slug="zephyrine-author", name="Zephyrine Author")
    report = ReportPageFactory(
        parent=english(ReportIndexPage, locales), title=TITLE, slug="zephyrine-by-author", edition_year=2031
    )
    ReportContributorFactory(page=report, person=person)
    publish(report)
    return "/ar/authors/zephyrine-author/"


LISTINGS = [practices, news, reports, events, consultations, topic_proposals, authors]


def item_of(content: str, title: str) -> str:
    """The list item (`<li …>` to its first `</li>`) that shows this title."""
    at = content.find(title)
    assert at != -1, f"{title} is not listed"
    return content[content.rfind("<li", 0, at) : content.find("</li>", at)]


@pytest.mark.parametrize("listing", LISTINGS, ids=lambda listing: listing.__name__)
def test_a_fallback_item_carries_the_mark_and_its_own_language(client, locales, listing):
    url = listing(locales)
    response = client.get(url)
    assert response.status_code == 200, url
    content = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    item = item_of(content, TITLE)
    mark = re.search(r'<p class="fallback-mark">([^<]+)</p>', item)
    assert mark, item
    assert "الإنجليزية" in mark.group(1)  # "In English · not yet translated", in Arabic
    title = re.search(rf'<(?:h2|h3|a)\b[^>]*\blang="en" dir="ltr"[^>]*>(?:<a [^>]+>)?{TITLE}<', item)
    assert title, item


def test_listings_with_fallback_items_have_no_html_errors(client, locales):
    documents = {}
    for listing in LISTINGS:
        url = listing(locales)
        response = client.get(url)
        assert response.status_code == 200, url
        documents[url] = response.content
    assert html_errors(documents) == []
