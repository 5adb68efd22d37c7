"""The request's site from the cached list of sites (`cms.sites`, issue 17): Wagtail's choice, no
query once cached, and a changed site or site root seen by the very next request."""

from __future__ import annotations

import itertools

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from cms import sites

pytestmark = pytest.mark.django_db

HOSTS = ["localhost", "ipsp.example.org", "panel.example.org", "elsewhere.example.net"]
PORTS = [80, 443, 8000]


def wagtails_choice(hostname: str, port: int) -> Site | None:
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


# (hostname, port, is_default_site) of the sites besides the demo's default site (localhost:80).
LAYOUTS = [
    [],
    [("ipsp.example.org", 80, False)],
    [("ipsp.example.org", 80, False), ("ipsp.example.org", 8000, False)],
    [("ipsp.example.org", 443, False), ("panel.example.org", 443, False), ("panel.example.org", 8000, False)],
    [("localhost", 8000, False), ("localhost", 443, False)],
]


@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: f"{len(layout)}-more")
@pytest.mark.parametrize("default_is_a_site", [True, False], ids=["with-default", "without-default"])
def test_the_cached_sites_give_wagtails_choice_for_every_host_and_port(layout, default_is_a_site):
    root = Site.objects.get(is_default_site=True).root_page
    if not default_is_a_site:
        Site.objects.filter(is_default_site=True).update(is_default_site=False)
    for hostname, port, is_default in layout:
        Site.objects.create(hostname=hostname, port=port, root_page=root, is_default_site=is_default)
    cached = list(Site.objects.select_related("root_page").order_by("pk"))
    for hostname, port in itertools.product(HOSTS, PORTS):
        expected = wagtails_choice(hostname, port)
        found = sites.match(cached, hostname, port)
        assert getattr(found, "pk", None) == getattr(expected, "pk", None), (hostname, port)


def test_a_page_is_served_without_asking_the_database_for_its_site(client):
    url = Page.objects.get(url_path__endswith="/housing-first-finland/", locale__language_code="en").url
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]


def test_a_new_or_changed_site_is_seen_by_the_next_request():
    def site_for(host: str) -> Site | None:
        return sites.find_for_request(RequestFactory().get("/", HTTP_HOST=host))

    default = site_for("localhost")
    assert default is not None and default.is_default_site
    assert site_for("panel.example.org").pk == default.pk  # cached now: no other site yet
    other = Site.objects.create(hostname="panel.example.org", port=80, root_page=default.root_page)
    assert site_for("panel.example.org").pk == other.pk
    other.hostname = "ipsp.example.org"
    other.save()
    assert site_for("panel.example.org").pk == default.pk
    assert site_for("ipsp.example.org").pk == other.pk
    other.delete()
    assert site_for("ipsp.example.org").pk == default.pk


def test_a_changed_site_root_is_seen_by_the_next_request():
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    root = sites.find_for_request(request).root_page
    Page.objects.get(pk=root.pk).specific.save_revision().publish()  # a root page saved: its cached row is dropped
    fresh = Page.objects.get(pk=root.pk)
    again = sites.find_for_request(RequestFactory().get("/", HTTP_HOST="localhost")).root_page
    assert again.latest_revision_id == fresh.latest_revision_id != root.latest_revision_id
