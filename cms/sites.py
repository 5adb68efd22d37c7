"""The Wagtail site of a request, without a query per request (issue 17).

Wagtail's `Site.find_for_request` asks the database for every request (the sites matching the
host, with their root pages), though sites change about never. `find_for_request` answers the
same from the list of sites kept in the cache under the page cache's generation
(`cms.page_cache.remember`), so any change of a site, a page or its place in the tree makes the next
request of every process read it again, and leaves the answer where Wagtail keeps it for the
request (`request._wagtail_site`), so every later `Site.find_for_request` of the request (Wagtail's
`serve`, `{% pageurl %}`, settings) reuses it. `SiteMiddleware` does this for every request that
the page cache does not answer, so all code keeps calling Wagtail's `Site.find_for_request`.
"""

from __future__ import annotations

import contextlib

from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site

from cms import page_cache
from cms.health import DATABASE_ERRORS

CACHE_KEY = "ipsp:sites"
_UNKNOWN = object()


def find_for_request(request: HttpRequest | None) -> Site | None:
    """What `Site.find_for_request(request)` answers, from the cached list of sites."""
    if request is None:
        return None
    site = getattr(request, "_wagtail_site", _UNKNOWN)
    if site is _UNKNOWN:
        # Django's raw host, as Wagtail reads it (no ALLOWED_HOSTS check), and where Wagtail keeps the site.
        hostname = split_domain_port(request._get_raw_host())[0]  # type: ignore[attr-defined]
        site = request._wagtail_site = match(_sites(), hostname, request.get_port())  # type: ignore[attr-defined]
    return site


def match(sites: list[Site], hostname: str, port: str | int) -> Site | None:
    """Wagtail's choice (`wagtail.models.sites.get_site_for_hostname`) among `sites`: the site with
    this hostname and port, else the default site if it has this hostname, else the only other site
    with this hostname, else the default site."""
    port = int(port)
    ranked = sorted(
        (
            (0 if site.port == port else 1 if site.is_default_site else 3) if site.hostname == hostname else 2,
            index,
            site,
        )
        for index, site in enumerate(sites)
        if site.hostname == hostname or site.is_default_site
    )
    if not ranked:
        return None
    rank = ranked[0][0]
    if len(ranked) == 1 or rank in (0, 1):
        return ranked[0][2]
    if rank == 2:  # the default first: one site with the hostname (on another port) is preferred
        return ranked[len(ranked) == 2][2]
    return None  # several sites with the hostname on other ports and no default: Wagtail finds none


def _sites() -> list[Site]:
    return page_cache.remember(CACHE_KEY, lambda: list(Site.objects.select_related("root_page").order_by("pk")))


class SiteMiddleware:
    """Finds the request's site from the cache before any view asks Wagtail for it."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Not cached and the database is down: the view meets the outage and answers 503 (cms.health).
        with contextlib.suppress(*DATABASE_ERRORS):
            find_for_request(request)
        return self.get_response(request)
