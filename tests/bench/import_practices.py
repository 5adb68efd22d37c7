"""Benchmark: `manage.py import_practices` on a generated CSV of realistic practices.

    DATABASE_URL=sqlite:////tmp/bench_import.sqlite3 DJANGO_SETTINGS_MODULE=cms.settings.dev \\
        .venv/bin/python tests/bench/import_practices.py --rows 5000

It writes to the configured database (the import is only realistic on a seeded site: run
`manage.py migrate` and `manage.py seed_demo` on the scratch database first), so it refuses to run
unless DATABASE_URL names a scratch database whose name contains "bench", or --i-know-this-writes
is given. Each run adds --rows new practices (external ids are unique per run). It prints rows,
seconds, rows per second and SQL queries for: the dry run (validation only), the real import
(new drafts submitted to expert review) and a re-import of the same file with every title changed
(a new revision per practice).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django

django.setup()

from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from cms.models import Country, Theme
from practices.importer import COLUMNS
from practices.models import ActorType, PracticeIndexPage, PracticePage, Scale, Status

RULE = (
    "This benchmark writes practices to the configured database. It runs only when DATABASE_URL names a scratch "
    'database whose name contains "bench" (e.g. DATABASE_URL=sqlite:////tmp/bench_import.sqlite3), '
    "or with --i-know-this-writes."
)
SEED = 42
PLACES = ["Lima", "Nairobi", "Dhaka", "Porto Alegre", "Kerala", "Medellín", "Accra", "Cebu", "Tunis", "Lyon"]
WHAT = ["community kitchens", "participatory budgeting", "cash transfers", "housing cooperatives", "health workers"]
WHAT += ["school meals", "citizen assemblies", "microfinance for women", "repair cafés", "land trusts"]
SUMMARY = (
    "{what} in {place}: residents and the local authority run it together, reaching {n} households a year. "
    "An independent evaluation found lasting gains in income, health and participation; the model has been "
    "adapted by neighbouring municipalities and documented in open guides."
)
ORGANISATIONS = ["Federación de Comedores", "Shack Dwellers International", "BRAC", "Slum Women's Network"]


def database_name() -> str:
    return str(settings.DATABASES["default"]["NAME"])


def check_scratch_database(forced: bool) -> None:
    print(RULE)
    if forced:
        return
    if not os.environ.get("DATABASE_URL") or "bench" not in Path(database_name()).name:
        sys.exit(f"Refusing: the configured database is {database_name()!r}.")


def generate(path: Path, rows: int, prefix: str, title_suffix: str = "") -> None:
    """Rows spread over every language that has a practice index, with that locale's themes."""
    rng = random.Random(SEED)
    indexes = PracticeIndexPage.objects.select_related("locale")
    languages = sorted({index.locale.language_code for index in indexes})
    themes = {
        language: sorted(Theme.objects.filter(locale__language_code=language).values_list("slug", flat=True))
        for language in languages
    }
    countries = list(Country.objects.values_list("code", flat=True))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for number in range(rows):
            language = languages[number % len(languages)]
            what, place = rng.choice(WHAT), rng.choice(PLACES)
            writer.writerow(
                {
                    "external_id": f"{prefix}-{number:06d}",
                    "title": f"{what.capitalize()} of {place} #{number}{title_suffix}",
                    "summary": SUMMARY.format(what=what.capitalize(), place=place, n=rng.randint(200, 90_000)),
                    "country_codes": ";".join(rng.sample(countries, rng.randint(1, 3))),
                    "themes": ";".join(rng.sample(themes[language], rng.randint(1, 3))),
                    "sdgs": ";".join(str(goal) for goal in rng.sample(range(1, 18), rng.randint(0, 4))),
                    "scale": rng.choice(Scale.values),
                    "start_year": rng.choice(["", str(rng.randint(1950, 2025))]),
                    "status": rng.choice(Status.values),
                    "organisation": rng.choice(ORGANISATIONS),
                    "website": rng.choice(["", f"https://example.org/{prefix}/{number}"]),
                    "language": language,
                    "actor_type": rng.choice(ActorType.values),
                }
            )


def timed(label: str, rows: int, run: Callable[[], str]) -> None:
    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    start = time.perf_counter()
    with connection.execute_wrapper(count):
        summary = run()
    seconds = time.perf_counter() - start
    print(
        f"{label:<24} {rows:>6} {seconds:>9.1f} {rows / seconds:>9.1f} {queries:>9} {queries / rows:>8.1f}  {summary}"
    )


def command(path: Path, *args: str) -> Callable[[], str]:
    def run() -> str:
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command("import_practices", str(path), *args, verbosity=0, stdout=out, stderr=err)
        except CommandError as error:
            sys.exit(f"The import failed: {error}\n{err.getvalue()[:2000]}")
        return out.getvalue().strip().splitlines()[-1]

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--i-know-this-writes", action="store_true", help="Run against any database.")
    parser.add_argument("--row-by-row", action="store_true", help="Pass --row-by-row to the import (the slow path).")
    parser.add_argument("--no-reimport", action="store_true", help="Measure the dry run and the import only.")
    options = parser.parse_args()
    check_scratch_database(options.i_know_this_writes)
    if not PracticeIndexPage.objects.exists():
        sys.exit("No practice index page: run `manage.py migrate` and `manage.py seed_demo` on this database first.")
    # DEBUG keeps every query in memory and slows a long run; a real import would run with DEBUG off.
    settings.DEBUG = False

    prefix = f"bench-{int(time.time())}"
    before = PracticePage.objects.count()
    with tempfile.TemporaryDirectory() as directory:
        first, changed = Path(directory) / "practices.csv", Path(directory) / "practices-changed.csv"
        generate(first, options.rows, prefix)
        generate(changed, options.rows, prefix, title_suffix=" (revised)")
        print(f"database {database_name()} ({connection.vendor}), {before} practices before, prefix {prefix}")
        print(f"{'phase':<24} {'rows':>6} {'seconds':>9} {'rows/s':>9} {'queries':>9} {'per row':>8}  summary")
        mode = ["--row-by-row"] if options.row_by_row else []
        timed("dry run (validation)", options.rows, command(first, "--dry-run"))
        timed("import (new drafts)", options.rows, command(first, *mode))
        if not options.no_reimport:
            timed("re-import (updates)", options.rows, command(changed, *mode))
            timed("re-import (unchanged)", options.rows, command(changed, *mode))
    print(f"{PracticePage.objects.count() - before} practices added")


if __name__ == "__main__":
    main()
