"""Fail when an interface translation is missing, fuzzy or malformed in any of the 9 languages."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import to_locale


def problems_in(po_path: Path) -> list[str]:
    if not po_path.exists():
        return [f"{po_path}: file missing"]
    catalogue = polib.pofile(str(po_path))
    found = []
    if catalogue.metadata_is_fuzzy:
        found.append(f"{po_path}: the header is marked fuzzy")
    if not catalogue.metadata.get("Plural-Forms"):
        found.append(f"{po_path}: the header has no Plural-Forms")
    for entry in catalogue:
        if entry.obsolete:
            continue
        where = f"{po_path}: {entry.msgid[:60]!r}"
        if "fuzzy" in entry.flags:
            found.append(f"{where} is fuzzy")
        elif entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                found.append(f"{where} has an untranslated plural form")
        elif not entry.msgstr:
            found.append(f"{where} is untranslated")
    return found


class Command(BaseCommand):
    help = "Check that locale/<lang>/LC_MESSAGES/django.po is complete (no untranslated or fuzzy entries)."

    def handle(self, *args, **options):
        problems: list[str] = []
        for code, _name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            problems += problems_in(Path(settings.LOCALE_PATHS[0]) / to_locale(code) / "LC_MESSAGES" / "django.po")
        if problems:
            raise CommandError("Incomplete translations:\n" + "\n".join(problems))
        self.stdout.write(self.style.SUCCESS("All interface translations are complete."))
