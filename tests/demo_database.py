"""The seeded demo database, built once per test run and copied wherever a test needs it.

Seeding the 10-language demo takes minutes; copying a PostgreSQL database takes seconds. On
PostgreSQL (`DATABASE_URL`), the first process of a run migrates and seeds a template database
`<test database>_demo` with the real `migrate` and `seed_demo` commands; the test database of
every pytest process (each xdist worker too) and the end-to-end server's database are created
from it with `CREATE DATABASE ... TEMPLATE`. With `--reuse-db` an existing template is kept, as
pytest-django keeps the test database. On SQLite each process seeds its own in-memory database.

The build starts when the run starts: the main pytest process (the xdist controller under `-n`)
runs `template()` in a background thread (`Build`, started by tests/conftest.py) while the workers
start, collect and run the tests that need no database, which go first. Whoever needs the template
calls `template()` too and waits on the same lock until it is ready; a lock file records the run
it was built for (or that the build failed, so the others report the error instead of seeding
again). The template is seeded under another name and renamed when complete, so a build nobody
needed by the end of the run can be stopped without leaving half a template for `--reuse-db`.
"""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import os
import subprocess
import sys
import tempfile
import threading
import uuid
from pathlib import Path
from typing import IO
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


class Cancelled(Exception):
    """The build was stopped (`Build.cancel`): the run ended without needing it."""


def seed(database_url: str, stop: threading.Event | None = None, **env: str) -> None:
    """Migrate and seed a database with the real commands, on the test settings (and clock).

    Setting `stop` ends the command under way and raises `Cancelled`."""
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", "DATABASE_URL": database_url, **env}
    for command in (["migrate", "--no-input", "-v", "0"], ["seed_demo"]):
        with subprocess.Popen(
            [sys.executable, "manage.py", *command],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        ) as process:
            while True:
                try:
                    stdout, stderr = process.communicate(timeout=None if stop is None else 1)
                    break
                except subprocess.TimeoutExpired:
                    if stop is not None and stop.is_set():
                        process.kill()
                        process.communicate()
                        raise Cancelled from None
        if process.returncode:
            raise RuntimeError(f"manage.py {' '.join(command)} failed:\n{stdout}\n{stderr}")


def template(url: str, test_database: str, run_id: str, keep: bool, stop: threading.Event | None = None) -> str:
    """The name of this run's seeded template, built by whichever process gets here first."""
    name = f"{test_database}_demo"
    with open(Path(tempfile.gettempdir()) / f"ipsp-{name}.lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # the others wait while one seeds
        if stop is not None and stop.is_set():
            raise Cancelled  # stopped while another run held the lock: leave its template alone
        lock.seek(0)
        built_for, _, failure = lock.read().partition("\n")
        if built_for.strip() == f"failed {run_id}":
            raise RuntimeError(f"Seeding {name} failed earlier in this run:\n{failure}")
        if built_for.strip() != run_id and not (keep and exists(url, name)):
            # Seeded aside and renamed when complete: a stopped or failed build leaves no half-seeded
            # template (which `--reuse-db` would keep), and an earlier run's template stays until then.
            seeding = f"{name}_seeding"
            drop(url, seeding)
            run_sql(url, f'CREATE DATABASE "{seeding}"')
            try:
                seed(url_for(url, seeding), stop)
            except BaseException as error:
                drop(url, seeding)
                if not isinstance(error, Cancelled):
                    record(lock, f"failed {run_id}\n{error}")
                raise
            drop(url, name)
            run_sql(url, f'ALTER DATABASE "{seeding}" RENAME TO "{name}"')
            record(lock, run_id)
    return name


def record(lock: IO[str], state: str) -> None:
    lock.seek(0)
    lock.truncate()
    lock.write(state)
    lock.flush()


class Build:
    """This run's template, built in a thread of the main pytest process from the start of the run.

    The thread only waits on `template()`, whose work runs in subprocesses. An error is not raised
    here: `template()` records it, and every process that needs the template reports it."""

    def __init__(self, url: str, test_database: str, run_id: str, keep: bool) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._build, args=(url, test_database, run_id, keep), name="demo template", daemon=True
        )
        self._thread.start()

    def _build(self, *args) -> None:
        with contextlib.suppress(Exception):
            template(*args, stop=self._stop)

    def cancel(self) -> None:
        """Stop the build if it is still running (nothing needs it), and wait until it has stopped."""
        self._stop.set()
        self._thread.join()


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
