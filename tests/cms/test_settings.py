"""Bad configuration stops start-up with one clear line, not a traceback; production is locked down."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from wagtail.models import Locale

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "ipsp.example.org",
    "WAGTAILADMIN_BASE_URL": "https://ipsp.example.org",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "ELASTICSEARCH_URL",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "WAGTAILADMIN_BASE_URL",
            "DJANGO_SETTINGS_MODULE",
        }
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/ipsp", "DATABASE_URL must start with postgres:// or sqlite:///"),
        ("postgres://postgres@127.0.0.1:5432", "DATABASE_URL names no database"),
        ("not a url", "DATABASE_URL must start with postgres:// or sqlite:///"),
    ],
)
def test_malformed_database_url_gives_a_clear_message(url, message):
    result = manage("check", DATABASE_URL=url)
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_elasticsearch_url_gives_a_clear_message():
    result = manage("check", ELASTICSEARCH_URL="localhost:9200")
    assert result.returncode != 0
    assert "ELASTICSEARCH_URL must be an http(s) URL" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_check_deploy_is_clean():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_elasticsearch_url_switches_the_search_backend(monkeypatch):
    from cms.settings import env

    monkeypatch.setenv("ELASTICSEARCH_URL", "https://search.internal:9200")
    backend = env.search_backends()["default"]
    assert backend["BACKEND"] == "search.backends.elasticsearch"
    assert backend["URLS"] == ["https://search.internal:9200"]
    monkeypatch.delenv("ELASTICSEARCH_URL")
    assert env.search_backends()["default"]["BACKEND"] == "search.backends.database"


def test_database_url_switches_to_postgresql(monkeypatch):
    """(monkeypatch restores the run's own DATABASE_URL, which later tests and the e2e server read.)"""
    from cms.settings import env

    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ipsp")
    config = env.database("unused.sqlite3")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "ipsp"
    # The search index is read from memory: index reads are priced as such (see env.POSTGRES_SESSION).
    assert config["OPTIONS"]["options"] == "-c random_page_cost=1.1"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SECURE_HSTS_SECONDS", "abc", "SECURE_HSTS_SECONDS must be a whole number, not 'abc'"),
        ("TRUSTED_PROXY_COUNT", "-1", "TRUSTED_PROXY_COUNT must be at least 0"),
    ],
)
def test_malformed_numbers_give_a_clear_message(name, value, message):
    result = manage("check", **PRODUCTION_ENV, **{name: value})
    assert result.returncode != 0
    assert message in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("value", "required"), [(None, "True"), ("false", "False"), ("true", "True")])
def test_staff_two_factor_is_required_unless_switched_off(value, required):
    env = {**PRODUCTION_ENV, **({"STAFF_TWO_FACTOR_REQUIRED": value} if value else {})}
    result = manage("shell", "-c", "from django.conf import settings; print(settings.STAFF_TWO_FACTOR_REQUIRED)", **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == required


def test_a_malformed_two_factor_switch_gives_a_clear_message():
    result = manage("check", **PRODUCTION_ENV, STAFF_TWO_FACTOR_REQUIRED="maybe")
    assert result.returncode != 0
    assert "STAFF_TWO_FACTOR_REQUIRED must be true or false, not 'maybe'" in result.stderr
    assert "Traceback" not in result.stderr


def test_postgresql_connections_prepare_statements_unless_switched_off(monkeypatch):
    from cms.settings import env

    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/ipsp")
    options = env.database("unused.sqlite3")["OPTIONS"]
    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == env.PREPARE_THRESHOLD
    # Behind a pooler that moves each transaction to another server connection.
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "false")
    options = env.database("unused.sqlite3")["OPTIONS"]
    assert "server_side_binding" not in options
    assert "prepare_threshold" not in options
    monkeypatch.setenv("DATABASE_URL", "sqlite:///unused.sqlite3")
    monkeypatch.setenv("DATABASE_PREPARED_STATEMENTS", "true")
    assert "server_side_binding" not in env.database("unused.sqlite3")["OPTIONS"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_a_query_the_connection_runs_often_is_prepared_by_postgresql(db):
    """The settings reach the connection: parameters travel apart from the SQL (the suite runs on it)
    and a query run more than PREPARE_THRESHOLD times is planned once, as a prepared statement."""
    from django.db.backends.postgresql.base import ServerBindingCursor

    from cms.settings import env

    connection.ensure_connection()
    assert connection.connection.cursor_factory is ServerBindingCursor
    for _ in range(env.PREPARE_THRESHOLD + 1):
        assert Locale.objects.filter(language_code="en").exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any('"wagtailcore_locale"."language_code" = $' in statement for statement in prepared), prepared
