"""Query budgets (issue 17): every public page kind renders warm within its budget, the budget does
not grow with the amount of content, and the admin explorer costs the same for 10 or 500 pages.

Warm means the second request of the same page: per-process caches (sites, content types,
locales) are filled by the first. Budgets: home 12, listings 15, detail pages 12, the admin
explorer 26 (bakerydemo's), the admin edit view 41.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.factories import UserFactory
from home.models import StandardPage
from news.factories import NewsPageFactory
from practices.factories import PracticePageFactory

pytestmark = pytest.mark.django_db

HOME, LISTING, DETAIL = 12, 15, 12
EXPLORER, EDIT = 26, 41


def first_url(model: str, language: str = "en") -> str:
    page = apps.get_model(model).objects.live().public().filter(locale__language_code=language).order_by("path")
    return page.first().url


# kind → (where the page is, budget)
PAGES = {
    "home": (lambda: "/en/", HOME),
    "home_ar": (lambda: "/ar/", HOME),
    "standard_page": (lambda: first_url("home.StandardPage"), DETAIL),
    "practices_index": (lambda: first_url("practices.PracticeIndexPage"), LISTING),
    "practices_filtered": (lambda: first_url("practices.PracticeIndexPage") + "?theme=health&sort=title", LISTING),
    "practice": (lambda: "/en/practices/housing-first-finland/", DETAIL),
    "practice_ar": (lambda: "/ar/practices/housing-first-finland/", DETAIL),
    "report": (lambda: first_url("reports.ReportPage"), DETAIL),
    "chapter": (lambda: first_url("reports.ChapterPage"), DETAIL),
    "brief": (lambda: first_url("reports.PolicyBriefPage"), DETAIL),
    "news_index": (lambda: first_url("news.NewsIndexPage"), LISTING),
    "news_item": (lambda: first_url("news.NewsPage"), DETAIL),
    "events_index": (lambda: first_url("events.EventsIndexPage"), LISTING),
    "forum_edition": (lambda: first_url("events.ForumEditionPage"), DETAIL),
    "awards": (lambda: first_url("events.AwardEditionPage"), DETAIL),
    "day": (lambda: first_url("events.SocialProgressDayPage"), DETAIL),
    "consultation": (lambda: first_url("community.ConsultationPage"), DETAIL),
    "topic_proposals": (lambda: first_url("community.TopicProposalIndexPage"), LISTING),
    "members": (lambda: "/en/members/", LISTING),
    "search": (lambda: "/en/search/?q=housing", LISTING),
}


def warm_queries(client, url: str) -> int:
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


@pytest.mark.parametrize("kind", PAGES)
def test_every_public_page_kind_renders_within_its_query_budget(client, kind):
    where, budget = PAGES[kind]
    assert warm_queries(client, where()) <= budget


def add_content(english_home, start: int, stop: int) -> None:
    """News items, reviewed practices and standard pages in the menu and footer, numbered start..stop-1."""
    news_index = apps.get_model("news.NewsIndexPage").objects.get(locale=english_home.locale)
    practice_index = apps.get_model("practices.PracticeIndexPage").objects.get(locale=english_home.locale)
    for number in range(start, stop):
        NewsPageFactory(parent=news_index, title=f"Growth news {number}", slug=f"growth-news-{number}")
        PracticePageFactory(
            parent=practice_index, slug=f"growth-{number}", countries=["KE", "BR"], themes=["health", "work"]
        )
        english_home.add_child(
            instance=StandardPage(
                title=f"Growth page {number}", slug=f"growth-page-{number}", show_in_menus=True, show_in_footer=True
            )
        )


def test_no_page_kind_costs_more_queries_with_200_items_than_with_10(client, english_home):
    add_content(english_home, 0, 10)
    urls = {kind: where() for kind, (where, _budget) in PAGES.items()}
    small = {kind: warm_queries(client, url) for kind, url in urls.items()}
    add_content(english_home, 10, 200)
    large = {kind: warm_queries(client, url) for kind, url in urls.items()}
    assert large == small


def children(parent: Page, start: int, stop: int) -> None:
    for number in range(start, stop):
        parent.add_child(instance=StandardPage(title=f"Child {number}", slug=f"child-{number}"))


def test_admin_explorer_costs_the_same_for_10_and_500_children(client, english_home):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    folder = english_home.add_child(instance=StandardPage(title="Many children", slug="many-children"))
    children(folder, 0, 10)
    url = f"/admin/pages/{folder.pk}/"
    small = warm_queries(client, url)
    children(folder, 10, 500)
    assert warm_queries(client, url) == small
    assert small <= EXPLORER


def test_admin_explorer_of_the_practices_folder_and_the_edit_view_stay_within_budget(client, locales):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    index = apps.get_model("practices.PracticeIndexPage").objects.get(locale=locales["en"])
    practice = apps.get_model("practices.PracticePage").objects.get(locale=locales["en"], slug="housing-first-finland")
    assert warm_queries(client, "/admin/pages/") <= EXPLORER
    assert warm_queries(client, f"/admin/pages/{index.pk}/") <= EXPLORER
    assert warm_queries(client, f"/admin/pages/{practice.pk}/edit/") <= EDIT


def test_explorer_keeps_wagtail_localize_buttons(client, locales):
    """The listing's "Translate this page" and "Sync translated pages" buttons, read from annotations."""
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    index = apps.get_model("practices.PracticeIndexPage").objects.get(locale=locales["en"])
    content = client.get(f"/admin/pages/{index.pk}/").content.decode()
    assert "/admin/localize/update/" in content  # English practices are the source of their translations
    only_english = PracticePageFactory(parent=index, slug="only-in-english")
    content = client.get(f"/admin/pages/{index.pk}/").content.decode()
    assert f"/admin/localize/submit/page/{only_english.pk}/" in content


def test_explorer_buttons_are_wagtail_localizes_for_every_page(locales):
    """Read from the listing's annotations, the buttons are the ones wagtail-localize's hook gives."""
    from wagtail_localize import wagtail_hooks as localize_hooks

    from cms import explorer

    user = UserFactory(is_superuser=True, is_staff=True)
    PracticePageFactory(
        parent=apps.get_model("practices.PracticeIndexPage").objects.get(locale=locales["en"]), slug="only-in-english"
    )
    pages = list(
        explorer.annotate_explorer_pages(None, Page.objects.filter(depth__in=[2, 3, 4]).order_by("path"), None)
    )
    assert len(pages) > 100

    def described(buttons):
        return sorted((str(button.label), button.url) for button in buttons)

    shown = [described(explorer.page_listing_more_buttons(page, user, next_url="/x/")) for page in pages]
    expected = [described(localize_hooks.page_listing_more_buttons(page, user, next_url="/x/")) for page in pages]
    assert shown == expected
    plain = list(Page.objects.filter(pk__in=[page.pk for page in pages]).order_by("path"))  # a page's header
    assert [described(explorer.page_listing_more_buttons(page, user, next_url="/x/")) for page in plain] == [
        described(localize_hooks.page_listing_more_buttons(page, user, next_url="/x/")) for page in plain
    ]
    assert any(len(buttons) == 2 for buttons in shown) and any(len(buttons) == 1 for buttons in shown)
