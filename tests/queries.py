"""Counting a page's queries as a reader's request costs them, for the tests that prove the count
does not grow with the amount of content."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms import page_cache


def warm_queries(client, path: str) -> list[dict]:
    """The queries of a request of `path` once what is cached until content changes (the site
    chrome's rows, Wagtail's sites and locales) is cached, as for every request but the first after
    a change: the page is requested twice and the second request's queries returned."""
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return queries.captured_queries


def cold_queries(client, path: str) -> list[dict]:
    """The queries of the first request of `path` after a content change, which reads again what
    is cached until content changes (the chrome, the sites, a practice's shared context)."""
    page_cache.bump()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return queries.captured_queries
