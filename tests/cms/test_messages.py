"""Interface translations: complete, not fuzzy, valid for msgfmt, and matching the source strings."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.translation import to_locale

from cms.management.commands.check_messages import problems_in

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])
OTHER_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def po_path(code: str) -> Path:
    return LOCALE_DIR / to_locale(code) / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_catalogue_is_complete(code):
    assert problems_in(po_path(code)) == []


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_catalogue_passes_msgfmt_check(code):
    if not shutil.which("msgfmt"):
        pytest.skip("msgfmt not installed (Debian: apt-get install gettext)")
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(po_path(code))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_catalogues_cover_every_string_in_the_code(tmp_path):
    """makemessages, run on a scratch copy of the project, finds no msgid the committed catalogues lack."""
    if not shutil.which("xgettext"):
        pytest.skip("xgettext not installed (Debian: apt-get install gettext)")
    root = Path(settings.BASE_DIR)
    scratch = tmp_path / "project"
    scratch.mkdir()
    for name in ("cms", "home", "practices", "reports", "events", "news", "community", "search", "locale"):
        shutil.copytree(root / name, scratch / name, ignore=shutil.ignore_patterns("__pycache__", "migrations"))
    shutil.copy(root / "manage.py", scratch / "manage.py")
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-location", "-v", "0"],
        cwd=scratch,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "PYTHONPATH": str(scratch)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    fresh = {
        entry.msgid
        for entry in polib.pofile(str(scratch / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
        if not entry.obsolete
    }
    committed = {entry.msgid for entry in polib.pofile(str(po_path("fr"))) if not entry.obsolete}
    assert fresh - committed == set()


def test_check_messages_command_passes():
    call_command("check_messages")
