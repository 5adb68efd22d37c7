"""Routing in fewer queries (`cms.views.route`, issue 17) finds what Wagtail's own routing finds, and
still applies view restrictions set on the page or on any page above it, or on an alias's original."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from cms import views
from home.factories import StandardPageFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def routed(route, language: str, path: str):
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        result = route(request, path)
    if result is None:
        return None
    page, args, kwargs = result
    # A routable page's sub-route: (view, args, kwargs), the view a bound method: compare its name.
    args = tuple(getattr(arg, "__name__", arg) for arg in args)
    return type(page), page.pk, args, kwargs


def paths(language: str) -> list[str]:
    """Every live page of a language (aliases included), with sub-routes and paths that lead nowhere."""
    prefix = f"/{language}/"
    found = []
    for page in Page.objects.live().filter(locale__language_code=language, depth__gt=2).order_by("path"):
        url = page.get_url()
        if url and url.startswith(prefix):
            found.append(url.removeprefix(prefix))
    assert len(found) > 40
    extra = ["", "reports/recommendations/", "no-such-page/", "practices/no-such-practice/", "reports/x/y/z/"]
    return extra + found


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_every_page_routes_as_wagtail_routes_it(language):
    def wagtail_route(request, path):
        return Page.route_for_request(request, path)

    for path in paths(language):
        expected = routed(wagtail_route, language, path)
        assert routed(views.route, language, path) == expected, path
        assert routed(views.route, language, path) == expected, path  # from the kept rows


def route_page(language: str, path: str) -> Page | None:
    request = RequestFactory().get(f"/{language}/{path}")
    with translation.override(language):
        result = views.route(request, path)
    return result[0] if result else None


def test_a_warm_path_routes_without_a_query_and_follows_a_change_at_once(english_home):
    """A path's routing rows and the specific page it leads to are kept until any content changes
    (`cms.views.route`)."""
    page = StandardPageFactory(parent=english_home, title="Kestrel notes", slug="kestrel-notes")
    assert routed(views.route, "en", "kestrel-notes/")[1] == page.pk
    with CaptureQueriesContext(connection) as queries:
        warm = route_page("en", "kestrel-notes/")
    # The site is found by `cms.sites`' middleware in a served request (the budgets count those).
    assert not [query for query in queries if "wagtailcore_site" not in query["sql"]]
    assert isinstance(warm, StandardPage)
    assert (warm.pk, warm.title) == (page.pk, "Kestrel notes")
    page.title = "Kestrel field notes"
    page.save_revision().publish()
    assert route_page("en", "kestrel-notes/").title == "Kestrel field notes"
    page.slug = "kestrel-field-notes"
    page.save_revision().publish()
    assert routed(views.route, "en", "kestrel-notes/") is None
    assert routed(views.route, "en", "kestrel-field-notes/")[1] == page.pk
    page.unpublish()
    assert routed(views.route, "en", "kestrel-field-notes/") is None


def test_the_kept_page_is_the_page_as_read_not_as_a_request_left_it(english_home):
    """Serving sets attributes on the page it routed to; the next request gets the page as read, with
    the attributes Wagtail's `specific` copies from the routing row (its parent, for the breadcrumbs)."""
    StandardPageFactory(parent=english_home, title="Kestrel notes", slug="kestrel-notes")
    first = route_page("en", "kestrel-notes/")
    first.title = "Changed while serving"
    first.left_by_a_request = True
    second = route_page("en", "kestrel-notes/")
    assert second is not first
    assert second.title == "Kestrel notes"
    assert not hasattr(second, "left_by_a_request")
    with CaptureQueriesContext(connection) as queries:
        assert second.get_parent().pk == english_home.pk
    assert len(queries) == 0


def test_a_path_that_leads_nowhere_keeps_nothing(english_home):
    assert routed(views.route, "en", "no-such-kestrel/") is None
    with CaptureQueriesContext(connection) as queries:
        assert routed(views.route, "en", "no-such-kestrel/") is None
    assert [query for query in queries if '"slug" IN' in query["sql"]]  # read again: nothing was kept


def test_a_restriction_above_the_page_still_applies(client, english_home):
    practice = Page.objects.get(url_path__endswith="/housing-first-finland/", locale__language_code="en")
    assert client.get(practice.url).status_code == 200
    PageViewRestriction.objects.create(page=practice.get_parent(), restriction_type="login")
    response = client.get(practice.url)
    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_a_restriction_on_an_aliass_original_applies_to_the_alias(client):
    alias = Page.objects.live().filter(alias_of__isnull=False, depth__gt=3).select_related("alias_of").first()
    assert alias is not None  # the demo has fallback aliases
    assert client.get(alias.url).status_code == 200
    PageViewRestriction.objects.create(page=alias.alias_of, restriction_type="password", password="secret")
    response = client.get(alias.url)
    assert response.status_code == 200
    assert b'name="password"' in response.content


def test_public_listings_leave_out_a_private_section_and_everything_below_it_without_a_query_of_their_own(
    english_home,
):
    """`.public()` (`cms.models.pages.private_q`) reads the restricted paths inside the listing's query."""
    section = StandardPageFactory(parent=english_home, slug="private-section")
    inside = StandardPageFactory(parent=section, slug="inside")
    neighbour = StandardPageFactory(parent=english_home, slug="public-neighbour")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    pages = StandardPage.objects.filter(pk__in=[section.pk, inside.pk, neighbour.pk])
    with CaptureQueriesContext(connection) as queries:
        public = set(pages.public().values_list("pk", flat=True))
    assert public == {neighbour.pk} and len(queries) == 1
    assert set(pages.not_public().values_list("pk", flat=True)) == {section.pk, inside.pk}


def test_a_page_in_another_locale_than_its_tree_still_routes_as_wagtail_routes_it():
    """The routing query reads the active language's pages (and the site root's tree); a page left in
    another locale inside an Arabic tree is looked for before answering 404."""
    page = Page.objects.get(url_path__endswith="/housing-first-finland/", locale__language_code="ar")
    english = Page.objects.get(url_path__endswith="/housing-first-finland/", locale__language_code="en")
    Page.objects.filter(pk=page.pk).update(locale=english.locale, translation_key=uuid.uuid4())

    def wagtail_route(request, path):
        return Page.route_for_request(request, path)

    path = "practices/housing-first-finland/"
    assert routed(views.route, "ar", path) == routed(wagtail_route, "ar", path)
    assert routed(views.route, "ar", path)[1] == page.pk


@pytest.mark.parametrize("language", ["en", "ar"])
def test_routing_a_practice_reads_only_its_languages_pages(language):
    """The site, then the tree's root, the home page and every level of the path in one query (then
    the practice's own row), reading the active language's pages only (and the site root's tree)."""
    with CaptureQueriesContext(connection) as queries:
        assert routed(views.route, language, "practices/housing-first-finland/") is not None
    routing = [query["sql"] for query in queries if '"slug" IN' in query["sql"]]
    assert len(queries) == 3 and len(routing) == 1
    with connection.cursor() as cursor:  # the routing query's rows: the tree's root, the homes, two trees' levels
        cursor.execute(routing[0])
        assert len(cursor.fetchall()) <= 6  # 22 when every language's pages with the path's slugs were read
