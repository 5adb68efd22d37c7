"""Compile locale/*/LC_MESSAGES/django.po to .mo with polib.

Same result as `compilemessages`, without needing GNU gettext installed, so `make run` works on a
bare machine. CI still checks every catalogue with `msgfmt --check` (tests/cms/test_messages.py).
"""

import os
import tempfile
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
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue  # up to date
                # Written aside, then renamed: a process reading the catalogue never sees half a file.
                handle, scratch = tempfile.mkstemp(dir=mo_path.parent, suffix=".mo.tmp")
                os.close(handle)
                polib.pofile(str(po_path)).save_as_mofile(scratch)
                os.replace(scratch, mo_path)
                count += 1
        self.stdout.write(f"Compiled {count} catalogue(s); the others were up to date.")
