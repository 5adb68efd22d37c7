"""Routing in fewer queries (`cms.views.route`, issue 17) finds what Wagtail's own routing finds, and
still applies view restrictions set on the page or on any page above it, or on an alias's original."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from cms import sites, views
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
        assert routed(views.route, language, path) == routed(wagtail_route, language, path), path


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


def test_routing_a_page_reads_the_path_and_the_page_found_but_no_site_row(english_home):
    """Warm, a practice costs two queries to route: the path's pages and the practice's own row."""
    routed(views.route, "en", "practices/housing-first-finland/")
    with CaptureQueriesContext(connection) as queries:
        assert routed(views.route, "en", "practices/housing-first-finland/") is not None
    assert len(queries) == 2
    assert not any("wagtailcore_site" in query["sql"] for query in queries.captured_queries)


@pytest.mark.parametrize(
    ("host", "port"), [("localhost", 80), ("other.example", 80), ("other.example", 8080), ("nowhere.example", 80)]
)
def test_the_cached_sites_match_a_request_as_wagtail_matches_it(english_home, host, port):
    Site.objects.create(hostname="other.example", port=8080, root_page=english_home, site_name="Other")
    request = RequestFactory().get("/en/", HTTP_HOST=f"{host}:{port}")
    found = sites.find_for_request(request)
    expected = Site._find_for_request(RequestFactory().get("/en/", HTTP_HOST=f"{host}:{port}"))
    assert found is not None and (found.pk, found.root_page_id) == (expected.pk, expected.root_page_id)
    assert found.root_page.path == expected.root_page.path


def test_a_site_saved_or_deleted_is_seen_by_the_next_request(english_home):
    def site_for(host: str):
        return sites.find_for_request(RequestFactory().get("/en/", HTTP_HOST=host))

    default = site_for("localhost")
    with CaptureQueriesContext(connection) as queries:
        assert site_for("localhost").pk == default.pk
    assert len(queries) == 0  # from the cache
    other = Site.objects.create(hostname="other.example", root_page=english_home, site_name="Other")
    assert site_for("other.example").pk == other.pk
    other.hostname = "renamed.example"
    other.save()
    assert site_for("other.example").pk == default.pk
    assert site_for("renamed.example").pk == other.pk
    other.delete()
    assert site_for("renamed.example").pk == default.pk


def test_a_moved_site_root_is_routed_from_its_new_place(client, english_home):
    """The cached sites keep the root page's tree path; a move (which renumbers paths) is seen."""
    assert client.get("/en/practices/housing-first-finland/").status_code == 200
    before = english_home.path
    english_home.move(english_home.get_parent(), pos="last-child")
    assert Page.objects.get(pk=english_home.pk).path != before
    assert client.get("/en/practices/housing-first-finland/").status_code == 200
    assert client.get("/en/no-such-page/").status_code == 404


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
def test_routing_a_practice_costs_two_queries_in_every_tree(language):
    routed(views.route, language, "practices/housing-first-finland/")
    with CaptureQueriesContext(connection) as queries:
        assert routed(views.route, language, "practices/housing-first-finland/") is not None
    assert len(queries) == 2
