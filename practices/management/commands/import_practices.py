"""`manage.py import_practices FILE`: import practices from a partner's CSV or JSON file (see practices.importer)."""

from __future__ import annotations

import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from practices.importer import FORMATS, ImportFileError, PlannedRow, import_practices

BAR_WIDTH = 30
DONE = {"create": "created", "update": "updated", "unchanged": "unchanged", "duplicate": "skipped (likely duplicate)"}
WOULD = {
    "create": "would create",
    "update": "would update",
    "unchanged": "unchanged",
    "duplicate": "would skip (likely duplicate)",
}


class Command(BaseCommand):
    help = (
        "Import practices from a CSV (UTF-8, header row) or JSON (list of objects) file. Every row is checked "
        "first; bad rows are reported with their line and skipped. Re-importing updates practices matched on "
        "(external_id, language). New practices are drafts submitted to expert review unless --publish."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The CSV or JSON file to import.")
        parser.add_argument("--format", choices=FORMATS, help="File format (default: from the file's extension).")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and report; change nothing.")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish every imported practice, recording an approved expert review in the --user's name. "
            "Only for practices reviewed before import.",
        )
        parser.add_argument("--all-or-nothing", action="store_true", help="Import nothing at all if any row is bad.")
        parser.add_argument(
            "--skip-duplicates",
            action="store_true",
            help="Leave out new practices that look like existing ones (same or very similar title in the same "
            "country, any language). Without it they are imported and reported.",
        )
        parser.add_argument(
            "--ignore-columns",
            default="",
            help="Comma-separated columns (CSV) or fields (JSON) to leave out, e.g. --ignore-columns notes,colour.",
        )
        parser.add_argument(
            "--row-by-row",
            action="store_true",
            help="Create each new practice through Wagtail's own page and revision saves, one row at a time, "
            "instead of in bulk (slower; the same result).",
        )
        parser.add_argument("--user", help="Username recorded as author and requester (default: first superuser).")

    def handle(self, *args, file: Path, **options):
        user = self._user(options["user"])
        verbosity = options["verbosity"]
        dry_run = options["dry_run"]
        self._started = time.monotonic()
        try:
            result = import_practices(
                file,
                user=user,
                fmt=options["format"],
                dry_run=dry_run,
                publish=options["publish"],
                all_or_nothing=options["all_or_nothing"],
                skip_duplicates=options["skip_duplicates"],
                ignore_columns=options["ignore_columns"].split(","),
                progress=self._progress if verbosity >= 1 and self.stderr.isatty() else None,
                on_row=self._report_row if verbosity >= 2 else None,
                row_by_row=options["row_by_row"],
            )
        except ImportFileError as error:
            raise CommandError(str(error)) from error

        for error in result.errors:
            self.stderr.write(str(error))
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        if dry_run and verbosity >= 1:
            for entry in result.planned:
                self._report_row(entry, would=True)
        if dry_run:
            self.stdout.write(f"Dry run, nothing was saved: {result.summary()}")
        else:
            self.stdout.write(result.summary())
        if result.rolled_back:
            raise CommandError(f"Nothing was imported: {result.skipped} bad row(s) and --all-or-nothing.")
        if result.errors:
            raise CommandError(f"{result.skipped} bad row(s) were skipped; see the lines above.")

    def _user(self, username: str | None):
        User = get_user_model()
        if username:
            user = User.objects.filter(username=username).first()
            if user is None:
                raise CommandError(f"No user named {username!r}.")
            return user
        user = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if user is None:
            raise CommandError("There is no active superuser; name the importing user with --user.")
        return user

    def _progress(self, done: int, total: int) -> None:
        """A progress line on a terminal's stderr, rewritten in place: a bar, rows done of the total
        and the rate so far. Not called when stderr is not a terminal (logs, cron) or with -v 0."""
        rate = done / max(time.monotonic() - self._started, 1e-6)
        filled = BAR_WIDTH * done // max(total, 1)
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"\r  [{bar}] {done}/{total} rows ({done * 100 // max(total, 1)}%, {rate:.0f} rows/s)"
        self.stderr.write(line, ending="\n" if done == total else "")
        self.stderr.flush()

    def _report_row(self, entry: PlannedRow, would: bool = False) -> None:
        action = (WOULD if would else DONE)[entry.action]
        page = f" (page {entry.page.pk})" if entry.page else ""
        self.stdout.write(f'{entry.row.position}: {action} "{entry.row.title}" [{entry.row.language}]{page}')
