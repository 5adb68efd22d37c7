"""Benchmark: site search latency in the ten languages at scale, and the time to rebuild the index.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ipsp_searchbench \\
    DJANGO_SETTINGS_MODULE=cms.settings.dev .venv/bin/python tests/bench/search.py --pages 10000

It migrates the database named by DATABASE_URL, tops its load-test pages up to --pages with
`generate_load_content`, then runs a fixed set of 30 queries (three per language: a singular
where pages hold plurals, a plural, two words) through the query the site search makes,
`Page.objects.live().public().filter(locale=…).search(q)[:10]` in the query's language, and prints
the median and 95th percentile, per language and overall, then times `update_index`.
It only runs on a database whose name contains "bench": never point it at real data.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django

django.setup()

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page

ROUNDS = 5
QUERIES = {
    "en": ("policy", "cities", "public hospitals"),
    "es": ("vivienda", "informes", "escuela pública"),
    "fr": ("inégalité", "logements", "coopérative sociale"),
    "pt": ("moradia", "relatórios", "cidade justa"),
    "ru": ("доклад", "больницы", "городская реформа"),
    "ar": ("مجتمع", "السياسات", "مدرسة ريفية"),
    "hi": ("रिपोर्ट", "नीतियाँ", "ग्रामीण अस्पताल"),
    "bn": ("উন্নয়ন", "শিক্ষা", "গ্রামীণ হাসপাতাল"),
    "ur": ("تعليم", "رپورٹیں", "دیہی اسکول"),
    "zh-hans": ("住房", "社区医院", "公共教育政策"),
}


def search(language: str, locale: Locale, query: str) -> list[Page]:
    with translation.override(language):
        return list(Page.objects.live().public().filter(locale=locale).search(query)[:10])


def percentile_95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[max(int(len(ordered) * 0.95) - 1, 0)]


def measure() -> list[float]:
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    everything = []
    print(f"{'language':<9} {'median ms':>10} {'p95 ms':>8}  results per query")
    for language, queries in QUERIES.items():
        timings, found = [], []
        for query in queries:
            found.append(len(search(language, locales[language], query)))  # warm-up
            for _ in range(ROUNDS):
                start = time.perf_counter()
                search(language, locales[language], query)
                timings.append((time.perf_counter() - start) * 1000)
        everything += timings
        print(f"{language:<9} {statistics.median(timings):>10.1f} {percentile_95(timings):>8.1f}  {found}")
    print(f"{'all':<9} {statistics.median(everything):>10.1f} {percentile_95(everything):>8.1f}")
    return everything


def explain(language: str, query: str) -> None:
    """Print PostgreSQL's plan for each statement one site search sends (the search backend may
    read its ranking in more than one query: `search.backends.postgres.LanguagePostgresSearchResults`)."""
    locale = Locale.objects.get(language_code=language)
    with translation.override(language), CaptureQueriesContext(connection) as sent:
        list(Page.objects.live().public().filter(locale=locale).search(query)[:10])
    for statement in sent.captured_queries:
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {statement['sql']}")
            print("\n".join(row[0] for row in cursor.fetchall()), end="\n\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, required=True, help="load-test pages to reach before measuring")
    parser.add_argument("--no-rebuild", action="store_true", help="skip timing update_index")
    parser.add_argument("--explain", metavar="LANG:QUERY", help="print EXPLAIN ANALYZE for one query (PostgreSQL)")
    options = parser.parse_args()

    name = str(connection.settings_dict["NAME"])
    if "bench" not in name:
        sys.exit(f"Refusing to run on {name!r}: use a scratch database with 'bench' in its name.")
    print(f"database {connection.vendor} {name}; migrating")
    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("generate_load_content", pages=options.pages, stdout=io.StringIO())
    print(f"generate_load_content --pages {options.pages}: {time.perf_counter() - start:.1f} s")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # bulk loads leave dead rows (title norms) and no statistics
    print(f"{Page.objects.live().count()} live pages; {len(QUERIES) * 3} queries × {ROUNDS} rounds")
    measure()
    if options.explain:
        language, _sep, query = options.explain.partition(":")
        explain(language, query)
    if not options.no_rebuild:
        start = time.perf_counter()
        call_command("update_index", verbosity=0, stdout=io.StringIO())
        print(f"update_index: {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
