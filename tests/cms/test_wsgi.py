"""The WSGI entry point (`cms.wsgi`, what gunicorn loads in each worker)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_loading_the_application_keeps_what_it_loaded_out_of_the_garbage_collectors_sight():
    """Django, Wagtail, the models and the URLconf live as long as the worker: frozen, the
    collections that requests set off do not walk them again (issue 17)."""
    check = (
        "import gc, sys; from cms.wsgi import application; "
        "sys.exit(0 if gc.get_freeze_count() > 100_000 and 'cms.urls' in sys.modules else 1)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "cms.settings.test")}
    assert subprocess.run([sys.executable, "-c", check], cwd=ROOT, env=env, check=False).returncode == 0
