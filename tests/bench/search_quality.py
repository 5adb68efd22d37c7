"""Benchmark: does search find what people mean? Recall and MRR on realistic queries over the demo.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ipsp_search .venv/bin/python tests/bench/search_quality.py
    DATABASE_URL=sqlite:////tmp/ipsp_search_bench.sqlite3 .venv/bin/python tests/bench/search_quality.py

The database must hold the demo (`manage.py migrate && manage.py seed_demo`). Each query of
`search_queries.json` (written from a page's summary, never its title, in six languages) is run
through the site search (`search.results.run_search`, first results page) and through the practices
listing (`practices.browsing.PracticeBrowser`, first page), in the query's language. A result
counts when it is the expected page or a page with its translation key in the query's language
(a translation, or an alias page). Printed: recall@3, recall@10 and MRR (reciprocal rank of the
expected page, 0 when it is not on the first page), per language and overall, and the median
and 95th percentile latency of each search.

`--aliases` first creates, inside the benchmark's transaction, Wagtail alias pages of every
practice in every language where it has no translation (what issue 10's fallbacks provide), so
the `cross` queries measure search over pages whose text is in another language. Everything the
benchmark writes (search-term hits, aliases) is rolled back at the end. `--misses` lists the
queries that missed, with what came first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django

django.setup()

from django.db import connection, transaction
from django.http import QueryDict
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, Page

from practices.browsing import PracticeBrowser
from practices.models import PracticeIndexPage, PracticePage
from search.results import run_search

QUERIES = Path(__file__).with_name("search_queries.json")


class Rollback(Exception):
    pass


def percentile_95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[max(int(len(ordered) * 0.95) - 1, 0)] if ordered else 0.0


def create_aliases() -> int:
    """Alias pages for every practice in every language it is missing from (issue 10's fallbacks)."""
    created = 0
    locales = list(Locale.objects.all())
    for practice in PracticePage.objects.live().filter(alias_of__isnull=True, locale__language_code="en"):
        translations = PracticePage.objects.filter(translation_key=practice.translation_key)
        present = set(translations.values_list("locale", flat=True))
        for locale in locales:
            if locale.pk in present or not PracticeIndexPage.objects.filter(locale=locale).exists():
                continue
            practice.copy_for_translation(locale, copy_parents=False, alias=True)
            created += 1
    return created


def rank_of(found: list[str], expected: set[str]) -> int | None:
    for position, key in enumerate(found, start=1):
        if key in expected:
            return position
    return None


class Scores:
    def __init__(self) -> None:
        self.ranks: dict[str, list[int | None]] = defaultdict(list)
        self.timings: list[float] = []

    def add(self, language: str, rank: int | None, milliseconds: float) -> None:
        self.ranks[language].append(rank)
        self.ranks["all"].append(rank)
        self.timings.append(milliseconds)

    @staticmethod
    def figures(ranks: list[int | None]) -> tuple[float, float, float]:
        n = len(ranks) or 1
        at3 = sum(1 for rank in ranks if rank and rank <= 3) / n
        at10 = sum(1 for rank in ranks if rank and rank <= 10) / n
        mrr = sum(1 / rank for rank in ranks if rank) / n
        return at3, at10, mrr

    def print(self, title: str) -> None:
        print(f"\n{title}")
        print(f"  {'language':<9} {'queries':>7} {'recall@3':>9} {'recall@10':>10} {'MRR':>6}")
        for language, ranks in sorted(self.ranks.items(), key=lambda item: (item[0] == "all", item[0])):
            at3, at10, mrr = self.figures(ranks)
            print(f"  {language:<9} {len(ranks):>7} {at3:>9.2f} {at10:>10.2f} {mrr:>6.2f}")
        print(f"  latency: median {statistics.median(self.timings):.1f} ms, p95 {percentile_95(self.timings):.1f} ms")


def run(args) -> None:
    data = json.loads(QUERIES.read_text())["queries"]
    if args.language:
        data = [item for item in data if item["language"] in args.language]
    if args.aliases:
        print(f"created {create_aliases()} alias pages")
    factory = RequestFactory()
    english = Locale.objects.get(language_code="en")
    keys = dict(Page.objects.filter(locale=english).values_list("slug", "translation_key"))
    site, listing = Scores(), Scores()
    site_cross, listing_cross = Scores(), Scores()
    site_own, listing_own = Scores(), Scores()
    misses = []
    for item in data:
        language, query = item["language"], item["query"]
        key = keys[item["expected"]]
        with translation.override(language):
            locale = Locale.get_active()
            request = factory.get(f"/{language}/search/", {"q": query})
            expected = Page.objects.filter(translation_key=key, locale=locale)
            expected_paths = {urlparse(page.get_url(request) or "").path for page in expected}
            expected_ids = {page.pk for page in expected}

            start = time.perf_counter()
            outcome = run_search(request, query, None, 1)
            site_ms = (time.perf_counter() - start) * 1000
            found = [urlparse(result.url).path for result in outcome.promoted + outcome.results]
            site_rank = rank_of(found, expected_paths)

            params = QueryDict(mutable=True)
            params["q"] = query
            start = time.perf_counter()
            page = PracticeBrowser(locale, params).results(1)
            listed = [practice.pk for practice in page.object_list]
            listing_ms = (time.perf_counter() - start) * 1000
            listing_rank = rank_of(listed, expected_ids)
        for scores, rank, ms in ((site, site_rank, site_ms), (listing, listing_rank, listing_ms)):
            scores.add(language, rank, ms)
        if item.get("cross"):
            site_cross.add(language, site_rank, site_ms)
            listing_cross.add(language, listing_rank, listing_ms)
        else:
            site_own.add(language, site_rank, site_ms)
            listing_own.add(language, listing_rank, listing_ms)
        if not site_rank or site_rank > 3 or not listing_rank or listing_rank > 3:
            first = found[0] if found else "nothing"
            misses.append(f"  [{language}] {query!r}: site {site_rank}, listing {listing_rank} (first: {first})")

    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']}), {len(data)} queries")
    site.print("Site search (/<lang>/search/, first page)")
    listing.print("Practices listing (/<lang>/practices/?q=, first page)")
    if site_cross.timings:
        site_own.print("  of which the page exists in the query's language, site search")
        listing_own.print("  of which the page exists in the query's language, practices listing")
        site_cross.print("  of which cross-language (`cross`), site search")
        listing_cross.print("  of which cross-language (`cross`), practices listing")
    if args.misses and misses:
        print("\nNot in the top 3 of both:")
        print("\n".join(misses))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aliases", action="store_true", help="create alias pages for missing practice translations")
    parser.add_argument("--misses", action="store_true", help="list the queries not in the top 3")
    parser.add_argument("--language", action="append", help="only queries in this language (repeatable)")
    args = parser.parse_args()
    try:
        with transaction.atomic():
            run(args)
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
