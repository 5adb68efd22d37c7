"""What routing costs a public page before the page's own code runs (issue 17): per URL, the
request through every middleware to a view that only routes, the routing alone, and each
middleware's own time, in CPU time of this process (medians; the database's time is not in it);
queries counted. Timings, so a benchmark, never a test.

Usage (production-like settings against a seeded database, e.g. /work/perfenv.sh):
    .venv/bin/python tests/bench/routing.py [--runs 200] [--profile /en/practices/housing-first-finland/]
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django

django.setup()

from django.core.handlers import base
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cms import views

URLS = [
    "/en/",
    "/en/news/housing-first-feedback/",
    "/en/practices/housing-first-finland/",
    "/ar/practices/",
]

# Each middleware's time including everything inside it; its own time is that minus the next one's.
_inclusive: dict[str, list[float]] = {}
_wrap = getattr(base, "convert_exception_to_response")  # noqa: B009 (patched below)


def _timed(get_response):
    inner = _wrap(get_response)
    name = type(get_response).__name__ if not hasattr(get_response, "__func__") else "view"

    def timed(request):
        start = time.process_time()
        try:
            return inner(request)
        finally:
            _inclusive.setdefault(name, []).append(time.process_time() - start)

    timed.name = name
    return timed


setattr(base, "convert_exception_to_response", _timed)  # noqa: B010


def routing_only(request, path):
    """`cms.views.serve` up to the page's own `serve`: routing, hooks, view restrictions."""
    from wagtail import views as wagtail_views

    original = wagtail_views.serve_chain
    wagtail_views.serve_chain = lambda page, request, args, kwargs: HttpResponse(b"routed")
    try:
        return views.serve(request, path)
    finally:
        wagtail_views.serve_chain = original


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--profile", help="a URL to profile (cProfile, cumulative) after measuring")
    options = parser.parse_args()
    from cms import urls

    serve_pattern = next(p for p in urls.urlpatterns[-1].url_patterns if getattr(p, "name", "") == "wagtail_serve")
    serve_pattern.callback = routing_only
    client = Client()
    factory = RequestFactory()
    for url in URLS:
        language, path = url.strip("/").split("/", 1)[0], url.split("/", 2)[2]
        client.get(url)  # warm
        _inclusive.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        request_queries, request_sql = len(queries), queries.captured_queries
        totals = []
        _inclusive.clear()
        for _ in range(options.runs):
            start = time.process_time()
            client.get(url)
            totals.append(time.process_time() - start)
        names = list(_inclusive)  # outermost first (the order they were entered in is reversed: sort)
        names.sort(key=lambda name: -median_ms(_inclusive[name]))
        route_times = []
        with translation.override(language):
            with CaptureQueriesContext(connection) as queries:
                views.route(factory.get(url), path)
            route_queries = len(queries)
            for _ in range(options.runs):
                request = factory.get(url)
                start = time.process_time()
                views.route(request, path)
                route_times.append(time.process_time() - start)
        print(
            f"{url}  status {response.status_code}  request to a routing-only view {median_ms(totals):.2f} ms,"
            f" {request_queries} queries; route alone {median_ms(route_times):.2f} ms, {route_queries} queries"
        )
        for index, name in enumerate(names):
            following = names[index + 1] if index + 1 < len(names) else None
            own = median_ms(_inclusive[name]) - (median_ms(_inclusive[following]) if following else 0)
            print(f"    {name:34} {own:6.3f} ms")
        for query in request_sql:
            print("    SQL:", query["sql"][:60], "...", query["sql"][-220:])
    if options.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(options.runs):
            client.get(options.profile)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
