"""End-to-end tests: Playwright driving Debian's Chromium against a real server process.

The server runs `manage.py runserver` on its own database (a temporary SQLite file, or a
`<name>_e2e` database beside `DATABASE_URL` on PostgreSQL), migrated and seeded with the real
`seed_demo` once per session. Tests talk to it only through the browser and HTTP, as people do.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest

from cms.demo import DEMO_PASSWORD
from tests.tooling import CHROMIUM_ARGS, axe_source, chromium_path

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-results"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _e2e_database_url(tmp_dir: Path) -> tuple[str, callable]:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp_dir / 'e2e.sqlite3'}", lambda: None
    import psycopg

    parsed = urlparse(url)
    name = f"{parsed.path.lstrip('/')}_e2e"
    admin_url = urlunparse(parsed._replace(path="/postgres"))

    def run(sql: str) -> None:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(sql)

    run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    run(f'CREATE DATABASE "{name}"')
    return urlunparse(parsed._replace(path=f"/{name}")), lambda: run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    """Base URL of a running demo site (all 10 languages) with the demo accounts."""
    chromium_path()  # skip (or fail under CI) before spending time on a server
    tmp_dir = tmp_path_factory.mktemp("e2e")
    database_url, drop_database = _e2e_database_url(tmp_dir)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_dir / "media"),
        "EMAIL_FILE_PATH": str(tmp_dir / "mail"),
    }
    os.environ["E2E_MAIL_DIR"] = str(tmp_dir / "mail")  # browser tests read confirmation e-mails here
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "--no-input", "-v", "0"], ["seed_demo"]):
        subprocess.run([*manage, *command], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    port = _free_port()
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
        page.add_script_tag(content=source)
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
