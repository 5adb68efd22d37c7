"""Benchmark: home page and standard page render time and SQL queries, per language and content size.

Run with `make bench` (SQLite) or `DATABASE_URL=postgres://... make bench`. It builds its own
throw-away database (Django's test database machinery), seeds the demo site, then adds pages in
steps and prints, for each step, the median and 95th percentile render time and the query count.
Never point it at real data: it creates and deletes its own database.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment

ROUNDS = 30
STEPS = (0, 200, 1000)
URLS = ("/en/", "/ar/", "/zh-hans/", "/en/about/")


def measure(client: Client, url: str) -> tuple[float, float, int]:
    client.get(url)
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main() -> None:
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        call_command("seed_demo", stdout=io.StringIO())
        from home.factories import StandardPageFactory
        from home.models import HomePage

        homes = list(HomePage.objects.all())
        client = Client()
        added = 0
        print(f"{'pages added':>11} {'url':<12} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for step in STEPS:
            while added < step:
                home = homes[added % len(homes)]
                StandardPageFactory(
                    parent=home,
                    title=f"Bench page {added}",
                    show_in_menus=added % 5 == 0,
                    show_in_footer=added % 7 == 0,
                )
                added += 1
            for url in URLS:
                median, p95, queries = measure(client, url)
                print(f"{step:>11} {url:<12} {median:>10.1f} {p95:>8.1f} {queries:>8}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
