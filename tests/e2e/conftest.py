"""End-to-end tests: Playwright driving Debian's Chromium against a real server process.

The server runs `manage.py runserver` on its own database: on PostgreSQL a copy of the run's
seeded demo template (tests/demo_database.py), on SQLite a temporary file migrated and seeded
with the real `seed_demo`. Tests talk to it only through the browser and HTTP, as people do.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from cms.demo import DEMO_PASSWORD
from tests import demo_database
from tests.tooling import CHROMIUM_ARGS, axe_source, chromium_path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-results"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _e2e_database(tmp_dir: Path, demo_template: str | None, worker: str) -> tuple[str, callable]:
    """A seeded database for the server: a copy of the run's template on PostgreSQL, else a fresh
    SQLite file that is migrated and seeded here. Returns its URL and how to drop it."""
    url = demo_database.postgres_url()
    if url is None:
        sqlite_url = f"sqlite:///{tmp_dir / 'e2e.sqlite3'}"
        demo_database.seed(sqlite_url, MEDIA_ROOT=str(tmp_dir / "media"))
        return sqlite_url, lambda: None
    name = f"{urlparse(url).path.lstrip('/')}_e2e{worker}"
    if demo_template:
        demo_database.clone(url, demo_template, name)
    else:  # a reused test database without a template: seed the server's own
        demo_database.drop(url, name)
        demo_database.run_sql(url, f'CREATE DATABASE "{name}"')
        demo_database.seed(demo_database.url_for(url, name), MEDIA_ROOT=str(tmp_dir / "media"))
    return demo_database.url_for(url, name), lambda: demo_database.drop(url, name)


@pytest.fixture(scope="session")
def live_site(request, tmp_path_factory, demo_template):
    """Base URL of a running demo site (all 10 languages) with the demo accounts."""
    chromium_path()  # skip (or fail under CI) before spending time on a server
    tmp_dir = tmp_path_factory.mktemp("e2e")
    worker = getattr(request.config, "workerinput", {}).get("workerid", "")
    database_url, drop_database = _e2e_database(tmp_dir, demo_template, worker)
    if database_url.startswith("postgres"):  # a reused template may be "later" than this run's clock
        demo_database.catch_up_with(demo_database.latest_stamp(database_url))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_dir / "media"),
        "EMAIL_FILE_PATH": str(tmp_dir / "mail"),
    }
    os.environ["E2E_MAIL_DIR"] = str(tmp_dir / "mail")  # browser tests read confirmation e-mails here
    manage = [sys.executable, "manage.py"]
    port = _free_port()
    env["WAGTAILADMIN_BASE_URL"] = f"http://127.0.0.1:{port}"  # links in its pages, feeds and e-mails
    log = (tmp_dir / "server.log").open("w")
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2) as response:  # noqa: S310 - our own server
                if response.status == 200:
                    break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise RuntimeError(f"The e2e server did not start; see {tmp_dir / 'server.log'}") from None
            time.sleep(0.3)
    yield base_url
    server.terminate()
    server.wait(timeout=10)
    log.close()
    drop_database()


@pytest.fixture(scope="module")
def browser():
    """One Chromium per module: Playwright's sync API keeps an event loop running in this thread
    while it is open, which Django's ORM refuses to run beside, so it is closed between modules."""
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


@pytest.fixture
def login(browser, live_site):
    """A fresh browser page logged into the admin as one of the demo accounts."""
    contexts = []

    def as_user(username: str):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{live_site}/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{live_site}/admin/")
        return page

    yield as_user
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe():
    source = axe_source()

    def run(page) -> list[dict]:
        page.evaluate(source)  # through DevTools, so the page's Content-Security-Policy does not block it
        result = page.evaluate("async () => await axe.run(document)")
        return [
            {
                "id": violation["id"],
                "impact": violation["impact"],
                "nodes": [node["target"] for node in violation["nodes"]],
            }
            for violation in result["violations"]
        ]

    return run


@pytest.fixture(scope="session")
def screenshot():
    ARTIFACTS.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
