"""Routing in fewer queries (`cms.views.route`, issue 17) finds what Wagtail's own routing finds, and
still applies view restrictions set on the page or on any page above it, or on an alias's original."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from cms import views

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
