"""Fill a scratch database with realistic pages in the ten languages, to measure search at scale.

    manage.py generate_load_content --pages 100000 --yes

Pages go under one "Load test" page per locale (slug load-test-<language>, below the locale's
home page, or the tree root when the demo site was not seeded), in sections of 500, with titles
and bodies written from each language's word list (`search/management/load_words.py`). The tree
is built and indexed in bulk (`search/management/load_tree.py`). Running it again tops the count
up to `--pages`.

Never on real data: it refuses to run with production settings, and asks for `--yes` unless the
database's name says it is disposable (a test database, or one with "bench" in its name). It does
not look at the content already there; point it at a scratch database.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from wagtail.models import Locale, Page

from home.models import StandardPage
from search.management.load_tree import append_children, bulk_indexing
from search.management.load_words import VOCABULARIES, Writer

SLUG = "load-test"
SECTION_SIZE = 500


class Command(BaseCommand):
    help = "Add live, searchable load-test pages in the ten languages (benchmarks only, never on real data)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--pages", type=int, required=True, help="Total load-test pages wanted, all languages.")
        parser.add_argument("--yes", action="store_true", help="Confirm the database is a disposable one.")

    def handle(self, *args, pages: int, yes: bool, **options) -> None:
        self.check_safe(yes)
        started = time.perf_counter()
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code in VOCABULARIES]
        added = 0
        with bulk_indexing() as index:
            for position, language in enumerate(languages):
                wanted = pages // len(languages) + (1 if position < pages % len(languages) else 0)
                added += self.fill(language, wanted, index)
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {added} load-test pages in {time.perf_counter() - started:.1f} s; {self.count_all()} in total."
            )
        )

    def check_safe(self, yes: bool) -> None:
        if settings.SETTINGS_MODULE.endswith(".production"):
            raise CommandError("generate_load_content never runs with production settings.")
        name = str(connection.settings_dict["NAME"])
        disposable = "bench" in name or name.startswith("test_") or connection.creation.is_in_memory_db(name)
        if not (yes or disposable):
            raise CommandError(
                f"This adds thousands of pages to the database {name!r}. Use a scratch database "
                "(e.g. ipsp_searchbench) and pass --yes to confirm it is disposable."
            )

    def fill(self, language: str, wanted: int, index: Callable[[list[Page]], None]) -> int:
        """Top the language's load-test pages up to `wanted`, section by section."""
        parent = self.load_test_page(language, index)
        existing = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 2).count()
        missing = max(wanted - existing, 0)
        writer = Writer(language, seed=existing)
        sections = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        section = sections.order_by("path").last()
        done, started = 0, time.perf_counter()
        while done < missing:
            if section is None or section.numchild >= SECTION_SIZE:
                section = append_children(parent, [self.page(writer, f"section-{sections.count() + 1}", 1)])[0]
                index([section])
            size = min(missing - done, SECTION_SIZE - section.numchild)
            batch = [self.page(writer, f"page-{existing + done + n + 1}", 4) for n in range(size)]
            index(append_children(section, batch))
            done += size
        if missing:
            self.stdout.write(f"{language}: {missing} pages added in {time.perf_counter() - started:.1f} s")
        return missing

    def page(self, writer: Writer, slug: str, sentences: int) -> StandardPage:
        title = writer.title()
        return StandardPage(
            title=title,
            slug=slug,
            introduction=writer.paragraph(2),
            search_description=writer.sentence(),
            body=[("paragraph", f"<p>{writer.paragraph(count)}</p>") for count in (sentences, 2)],
        )

    def load_test_page(self, language: str, index: Callable[[list[Page]], None]) -> Page:
        slug = f"{SLUG}-{language}"  # unique among siblings, also when all sit under the root
        existing = Page.objects.filter(slug=slug, depth__lte=3).first()
        if existing:
            return existing
        locale, _created = Locale.objects.get_or_create(language_code=language)
        home = Page.objects.filter(depth=2, locale=locale).first() or Page.get_first_root_node()
        page = home.add_child(instance=StandardPage(title=f"Load test ({language})", slug=slug, locale=locale))
        index([page])
        return page

    def count_all(self) -> int:
        return sum(
            Page.objects.filter(path__startswith=path, depth=depth + 2).count()
            for path, depth in Page.objects.filter(slug__startswith=SLUG).values_list("path", "depth")
        )
