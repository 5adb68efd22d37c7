"""The Wagtail site a request is for, without a query per request (issue 17).

Wagtail's `Site.find_for_request` reads the site table (joined to the root page) on every request.
Here the sites are a small list kept in Django's cache under the page cache's generation
(`cms.page_cache`): shared by every process (Redis, or the generation file beside a per-process
cache), and made stale at once, in every process, by `changed()`, which `cms.signals` calls when a
site is saved or deleted and when a page moves (a site root's tree position is kept with its
site). The matching is Wagtail's own (`get_site_for_hostname`): an exact hostname and port first,
then the hostname of the default site, then the default site, then a unique hostname.

A site's `root_page` is a page of which only the tree position (id, path, depth, translation key,
locale, type) is known; any other field is read on first use. `cms.views.route` replaces it with
the root page's full row, which its routing query reads anyway.
"""

from __future__ import annotations

from typing import Any

from django.core.cache import caches
from django.db import transaction
from django.http.request import split_domain_port
from wagtail.models import Page, Site

from cms import page_cache

SITES_KEY = "ipsp:sites"
SITE_FIELDS = ("id", "hostname", "port", "site_name", "root_page_id", "is_default_site")
ROOT_FIELDS = ("id", "path", "depth", "translation_key", "locale_id", "content_type_id")


def find_for_request(request: Any) -> Site | None:
    """`Site.find_for_request` for a Django request (or None), kept where Wagtail keeps it for the
    request (`_wagtail_site`)."""
    if request is None:
        return None
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail: no ALLOWED_HOSTS check
        request._wagtail_site = site_for_hostname(hostname, request.get_port())
    return request._wagtail_site


def site_for_hostname(hostname: str, port) -> Site | None:
    rows = _rows()
    exact = [row for row in rows if row["hostname"] == hostname and str(row["port"]) == str(port)]
    default_here = [row for row in rows if row["hostname"] == hostname and row["is_default_site"]]
    default = [row for row in rows if row["is_default_site"]]
    same_host = [row for row in rows if row["hostname"] == hostname and not row["is_default_site"]]
    if exact or default_here:
        return _site((exact or default_here)[0])
    if default:
        # Wagtail: the default site, unless exactly one other site has this hostname.
        return _site(same_host[0] if len(same_host) == 1 else default[0])
    if len(same_host) == 1:
        return _site(same_host[0])
    return None


def changed() -> None:
    """A site or a page's place in the tree changed: every process reads the sites again. Bumped
    now and again after the commit, so a list read from the old rows meanwhile is not kept."""
    page_cache.bump()
    transaction.on_commit(page_cache.bump)


def _rows() -> list[dict]:
    store = caches["default"]
    # The generation before the rows: a change after this read makes what is stored below a miss.
    generation = page_cache.current_generation()
    if generation is not None:
        entry = store.get(SITES_KEY)
        if entry is not None and entry[0] == generation:
            return entry[1]
    rows = [
        {**site, "root": dict(zip(ROOT_FIELDS, root, strict=True))}
        for site, root in (
            (
                dict(zip(SITE_FIELDS, values[: len(SITE_FIELDS)], strict=True)),
                values[len(SITE_FIELDS) :],
            )
            for values in Site.objects.values_list(
                *SITE_FIELDS, *(f"root_page__{field}" for field in ROOT_FIELDS)
            ).order_by("hostname", "port")
        )
    ]
    if generation is not None:
        store.set(SITES_KEY, (generation, rows), None)
    return rows


def _site(row: dict) -> Site:
    site = Site(**{field: row[field] for field in SITE_FIELDS})
    site._state.adding = False
    site.root_page = Page.from_db(site._state.db, list(ROOT_FIELDS), [row["root"][field] for field in ROOT_FIELDS])
    return site
