"""Compile locale/*/LC_MESSAGES/django.po to .mo with polib.

Same result as `compilemessages`, without needing GNU gettext installed, so `make run` works on a
bare machine. CI still checks every catalogue with `msgfmt --check` (tests/cms/test_messages.py).
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's .po catalogues to .mo files (no GNU gettext needed)."

    def handle(self, *args, **options):
        count = 0
        for locale_dir in settings.LOCALE_PATHS:
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
                count += 1
        self.stdout.write(f"Compiled {count} catalogue(s).")
