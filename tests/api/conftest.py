"""Fixtures of the partner API tests: a fresh rate-limit count per test, index pages, news items."""

import pytest
from django.core.cache import cache

from news.models import NewsIndexPage, NewsPage
from practices.models import PracticeIndexPage
from reports.models import ReportIndexPage


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    """The throttle counts in the cache; each test starts with a full allowance."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def news_index(locales):
    return NewsIndexPage.objects.get(locale=locales["en"])


@pytest.fixture
def practice_index(locales):
    return PracticeIndexPage.objects.get(locale=locales["en"])


@pytest.fixture
def report_index(locales):
    return ReportIndexPage.objects.get(locale=locales["en"])


@pytest.fixture
def make_news(news_index):
    def make(title: str = "A news item", **kwargs) -> NewsPage:
        themes = kwargs.pop("themes", [])
        countries = kwargs.pop("countries", [])
        parent = kwargs.pop("parent", news_index)
        page = NewsPage(
            title=title,
            summary=kwargs.pop("summary", "What happened, in two sentences."),
            body=[("paragraph", "<p>The full story.</p>")],
            **kwargs,
        )
        parent.add_child(instance=page)
        if themes or countries:
            page.themes.set(themes)
            page.countries.set(countries)
            page.save()
        return page

    return make
