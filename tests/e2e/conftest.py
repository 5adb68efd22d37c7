"""End-to-end tests: Playwright driving Debian's Chromium against a real server process.

The server runs `manage.py runserver` on its own database: on PostgreSQL a copy of the run's
seeded demo template (tests/demo_database.py), on SQLite a temporary file migrated and seeded
with the real `seed_demo`. Tests talk to it only through the browser and HTTP, as people do.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from cms.demo import DEMO_PASSWORD
from tests import demo_database
from tests.mailserver import free_port
from tests.tooling import CHROMIUM_ARGS, axe_source, browser_group, chromium_path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-results"


def _e2e_database(tmp_dir: Path, demo_template: str | None, site_name: str) -> tuple[str, callable]:
    """A seeded database for the server: a copy of the run's template on PostgreSQL, else a fresh
    SQLite file that is migrated and seeded here. `site_name` (the xdist worker and browser group)
    keeps the databases of servers running side by side apart. Returns its URL and how to drop it."""
    url = demo_database.postgres_url()
    if url is None:
        sqlite_url = f"sqlite:///{tmp_dir / 'e2e.sqlite3'}"
        demo_database.seed(sqlite_url, MEDIA_ROOT=str(tmp_dir / "media"))
        return sqlite_url, lambda: None
    name = f"{urlparse(url).path.lstrip('/')}_e2e{site_name}"
    if demo_template:
        demo_database.clone(url, demo_template, name)
    else:  # a reused test database without a template: seed the server's own
        demo_database.drop(url, name)
        demo_database.run_sql(url, f'CREATE DATABASE "{name}"')
        demo_database.seed(demo_database.url_for(url, name), MEDIA_ROOT=str(tmp_dir / "media"))
    return demo_database.url_for(url, name), lambda: demo_database.drop(url, name)


class LiveSite:
    """One running demo server (`manage.py runserver`) on its own seeded database."""

    def __init__(self, tmp_dir: Path, demo_template: str | None, name: str) -> None:
        self.mail_dir = str(tmp_dir / "mail")  # browser tests read confirmation e-mails here
        database_url, self._drop_database = _e2e_database(tmp_dir, demo_template, name)
        if database_url.startswith("postgres"):  # a reused template may be "later" than this run's clock
            demo_database.catch_up_with(demo_database.latest_stamp(database_url))
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(tmp_dir / "media"),
            "EMAIL_FILE_PATH": self.mail_dir,
            "WAGTAILADMIN_BASE_URL": self.url,  # links in its pages, feeds and e-mails
            "TEST_DATABASE_POOL": str(database_url.startswith("postgres")),  # cms/settings/test.py
        }
        self._log = (tmp_dir / "server.log").open("w")
        self._server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=self._log,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{self.url}/healthz", timeout=2) as response:  # noqa: S310 - our own server
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or self._server.poll() is not None:
                    self._server.kill()
                    raise RuntimeError(f"The e2e server did not start; see {tmp_dir / 'server.log'}") from None
                time.sleep(0.3)

    def stop(self) -> None:
        self._server.terminate()
        self._server.wait(timeout=10)
        self._log.close()
        self._drop_database()


@pytest.fixture(scope="session")
def live_sites(request, tmp_path_factory, demo_template):
    """The running demo sites of this process, one per browser group (tests/conftest.py), started
    when the group's first test asks: a group's tests meet only what the tests before them in the
    same group left on its site, whichever worker runs the group and whatever else it runs."""
    chromium_path()  # skip (or fail under CI) before spending time on a server
    worker = getattr(request.config, "workerinput", {}).get("workerid", "")
    sites: dict[str, LiveSite] = {}

    def site_for(group: str) -> LiveSite:
        if group not in sites:
            name = f"{worker}_{group}".replace("-", "_")
            sites[group] = LiveSite(tmp_path_factory.mktemp(f"e2e-{group}"), demo_template, name)
        return sites[group]

    yield site_for
    for site in sites.values():
        site.stop()


@pytest.fixture
def live_site(request, live_sites) -> str:
    """Base URL of the running demo site (all 10 languages, the demo accounts) of this test's group."""
    site = live_sites(browser_group(request.node))
    os.environ["E2E_MAIL_DIR"] = site.mail_dir  # tests/e2e/mail.py reads this site's e-mails
    return site.url


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
