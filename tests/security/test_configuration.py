"""Finding 10 of the audit: bad environment values stop `manage.py check` with the one-line
`IPSP configuration error`, never a traceback, and never pass silently."""

from __future__ import annotations

import pytest

from tests.cms.test_settings import manage


@pytest.mark.parametrize(
    ("environment", "message"),
    [
        ({"REDIS_URL": "notaurl"}, "REDIS_URL must be a redis:// URL"),
        ({"REDIS_URL": "redis://127.0.0.1:port/0"}, "REDIS_URL has a port that is not a number"),
        ({"MACHINE_TRANSLATION_ROUTES": "hi=deepl"}, "MACHINE_TRANSLATION_ROUTES names 'deepl'"),
        ({"DATABASE_URL": "sqlite:////no/such/folder/ipsp.sqlite3"}, "SQLite file in a folder that does not exist"),
        ({"SECURE_HSTS_SECONDS": "abc"}, "SECURE_HSTS_SECONDS must be a whole number"),
    ],
    ids=["redis-not-a-url", "redis-bad-port", "route-without-key", "sqlite-missing-folder", "hsts-not-a-number"],
)
def test_bad_environment_values_give_one_clear_line(environment, message):
    settings_module = "cms.settings.production" if "SECURE_HSTS_SECONDS" in environment else "cms.settings.dev"
    extra = {
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "ipsp.example.org",
        "WAGTAILADMIN_BASE_URL": "https://ipsp.example.org",
    }
    for name in ("DEEPL_API_KEY", "LIBRETRANSLATE_URL"):
        extra[name] = ""
    result = manage("check", DJANGO_SETTINGS_MODULE=settings_module, **extra, **environment)
    assert result.returncode != 0
    assert "IPSP configuration error" in result.stderr and message in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
