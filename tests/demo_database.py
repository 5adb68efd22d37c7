"""The seeded demo database, built once per test run and copied wherever a test needs it.

Seeding the 10-language demo takes minutes; copying a PostgreSQL database takes seconds. On
PostgreSQL (`DATABASE_URL`), the first process of a run migrates and seeds a template database
`<test database>_demo` with the real `migrate` and `seed_demo` commands; the test database of
every pytest process (each xdist worker too) and the end-to-end server's database are created
from it with `CREATE DATABASE ... TEMPLATE`. With `--reuse-db` an existing template is kept, as
pytest-django keeps the test database. On SQLite each process seeds its own in-memory database.
"""

from __future__ import annotations

import datetime
import fcntl
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import time_machine
from django.utils import timezone

ROOT = Path(__file__).resolve().parents[1]
RUN_ID = uuid.uuid4().hex  # this process's run, when xdist does not give one


# Read once, when the run starts: a test that changes the environment cannot move the run's database.
DATABASE_URL = os.environ.get("DATABASE_URL", "")


def postgres_url() -> str | None:
    return DATABASE_URL if DATABASE_URL.startswith(("postgres://", "postgresql://")) else None


def url_for(url: str, name: str) -> str:
    return urlunparse(urlparse(url)._replace(path=f"/{name}"))


def run_sql(url: str, sql: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(url_for(url, "postgres"), autocommit=True) as connection:
        cursor = connection.execute(sql)
        return cursor.fetchall() if cursor.description else []


def exists(url: str, name: str) -> bool:
    return bool(run_sql(url, f"SELECT 1 FROM pg_database WHERE datname = '{name}'"))  # noqa: S608 - our own name


def drop(url: str, name: str) -> None:
    run_sql(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def clone(url: str, template: str, name: str) -> None:
    drop(url, name)
    run_sql(url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def seed(database_url: str, **env: str) -> None:
    """Migrate and seed a database with the real commands, on the test settings (and clock)."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": database_url, **env}
    for command in (["migrate", "--no-input", "-v", "0"], ["seed_demo"]):
        result = subprocess.run(
            [sys.executable, "manage.py", *command], cwd=ROOT, env=environment, capture_output=True, text=True
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")


def template(url: str, test_database: str, run_id: str, keep: bool) -> str:
    """The name of this run's seeded template, built by whichever process gets here first."""
    name = f"{test_database}_demo"
    with open(Path(tempfile.gettempdir()) / f"ipsp-{name}.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the other workers wait while one seeds
        lock.seek(0)
        built_for = lock.read().strip()
        if built_for != run_id and not (keep and exists(url, name)):
            drop(url, name)
            run_sql(url, f'CREATE DATABASE "{name}"')
            seed(url_for(url, name))
            lock.seek(0)
            lock.truncate()
            lock.write(run_id)
    return name


def catch_up_with(latest: datetime.datetime | None) -> None:
    """Move this run's test clock past the newest data (revisions, publications) of a reused database.

    Each run's clock starts at the same instant (cms/settings/test.py), so a database kept from an
    earlier run can hold revisions "later" than now, and a test comparing its own edit with seeded
    content would see time run backwards. The processes this one starts follow through the
    environment variable that places them on the same timeline.
    """
    now = timezone.now()
    if latest is None or latest < now:
        return
    shift = (latest - now).total_seconds() + 60
    time_machine.travel(now + datetime.timedelta(seconds=shift), tick=True).start()
    started = float(os.environ["IPSP_TEST_CLOCK_STARTED"])
    os.environ["IPSP_TEST_CLOCK_STARTED"] = repr(started - shift)


def latest_stamp(database_url: str) -> datetime.datetime | None:
    """The newest revision or publication in a PostgreSQL database (for `catch_up_with`)."""
    import psycopg

    with psycopg.connect(database_url) as connection:
        return connection.execute(
            "SELECT greatest((SELECT max(created_at) FROM wagtailcore_revision),"
            " (SELECT max(last_published_at) FROM wagtailcore_page))"
        ).fetchone()[0]
