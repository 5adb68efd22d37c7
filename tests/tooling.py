"""Locating the external checkers the suite drives (Chromium, axe-core, the Nu HTML Checker).

Where one is missing, tests skip with the reason and the install command, except under CI
(CI=true), where a missing tool fails the run: CI must never go green by skipping.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, TypeVar

import pytest

from tests.mailserver import free_port

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Request, Route

T = TypeVar("T")

FRONTEND = Path(__file__).parent / "frontend" / "node_modules"
VNU_JAR = FRONTEND / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = FRONTEND / "axe-core" / "axe.min.js"
# The headless shell first: every browser in the suite is headless, and the full browser's headless
# mode (the only one it has had since Chromium 132) costs about three times the CPU per page and
# per browser context (measured on the demo pages: 0.48 s against 0.17 s per first visit, 0.19 s
# against 0.05 s per new context), most of it in the browser process. Playwright runs its own
# Chromium the same way (its "headless shell"); Debian packages it as chromium-headless-shell.
CHROMIUM_CANDIDATES = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]


def missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: missing tools fail the run)")
    pytest.skip(reason)


def chromium_path() -> str:
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit and Path(explicit).exists():
        return explicit
    for name in CHROMIUM_CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    missing("Browser tests skipped: Chromium is not installed (Debian: apt-get install chromium-headless-shell)")
    raise AssertionError("unreachable")


def axe_source() -> str:
    if not AXE_JS.exists():
        missing(
            "Accessibility checks skipped: axe-core not found (run `npm ci --prefix tests/frontend`, or `make test`)"
        )
    return AXE_JS.read_text(encoding="utf-8")


class Checker:
    """The Nu HTML Checker as an HTTP service on 127.0.0.1, started at the first check and kept for
    the test process (each xdist worker has its own): the command line paid a Java start (about 2 s
    wall, 4 s CPU) on every call. Stopped at exit; if the service dies, the next check starts it again."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.log: IO[bytes] | None = None
        self.url = ""

    def command(self, port: int) -> list[str]:
        java = shutil.which("java")
        if not java:
            missing("HTML validation skipped: Java is not installed (Debian: apt-get install default-jre-headless)")
        if not VNU_JAR.exists():
            missing("HTML validation skipped: vnu.jar not found (run `npm ci --prefix tests/frontend`, or `make test`)")
        return [
            str(java),
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "-cp",
            str(VNU_JAR),
            "nu.validator.servlet.Main",
            str(port),
        ]

    def start(self) -> None:
        port = free_port()
        command = self.command(port)
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 (kept open for the service's lifetime)
        self.process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            preexec_fn=die_with_parent,  # a pytest killed outright must not leave a JVM behind
        )
        self.url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.fail(f"The Nu HTML Checker service exited at start (status {self.process.returncode})")
            try:
                with urllib.request.urlopen(self.url, timeout=5) as response:  # noqa: S310 (our own service)
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.fail("The Nu HTML Checker service did not answer within 300 s")

    def fail(self, reason: str) -> NoReturn:
        output = ""
        if self.log:
            self.log.seek(0)
            output = self.log.read().decode(errors="replace")[-3000:]
        self.stop()
        raise AssertionError(f"{reason}; its output ends with:\n{output}")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log:
            self.log.close()
        self.process = self.log = None

    def messages(self, content: bytes) -> list[dict]:
        """The checker's messages on one document; a service that died is started again once."""
        for attempt in (1, 2):
            if self.process is None or self.process.poll() is not None:
                self.stop()
                self.start()
            request = urllib.request.Request(  # noqa: S310 (our own service)
                f"{self.url}?out=json",
                data=content,
                headers={"Content-Type": "text/html; charset=utf-8"},
                method="POST",
            )
            try:
                with urllib.request.urlopen(request, timeout=300) as response:  # noqa: S310 (our own service)
                    messages: list[dict] = json.load(response)["messages"]
            except OSError as error:
                if attempt == 2:
                    self.fail(f"The Nu HTML Checker service did not answer ({error})")
                self.stop()
                continue
            # The service could not read the document (too large, say): never let that pass as valid.
            unread = [message for message in messages if message["type"] == "non-document-error"]
            assert not unread, f"The Nu HTML Checker could not check the document: {unread}"
            return messages
        raise AssertionError("unreachable")


def die_with_parent() -> None:
    """In a child before it starts: the kernel sends it SIGTERM when its parent dies (Linux)."""
    if sys.platform == "linux":
        import ctypes
        import signal

        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


checker = Checker()
atexit.register(checker.stop)


def html_errors(documents: dict[str, bytes]) -> list[str]:
    """The Nu HTML Checker's errors in rendered documents (name → HTML), as "name, line N: message"."""
    return [
        f"{name}, line {message.get('lastLine')}: {message['message']}"
        for name, content in documents.items()
        for message in checker.messages(content)
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


class Axe:
    """axe-core in one Chromium per test process, reused across calls; each call gets a fresh context.

    Playwright's sync API keeps an event loop in the thread that starts it, beside which Django's ORM
    refuses to run (SynchronousOnlyOperation), so Playwright and the browser live in a thread of their
    own: callers hand it work and wait for the result."""

    def __init__(self) -> None:
        self.jobs: queue.Queue[tuple[Callable[[Browser], Any] | None, str, Future[Any]]] = queue.Queue()
        self.thread: threading.Thread | None = None

    def run(self, executable: str, job: Callable[[Browser], T]) -> T:
        if self.thread is None or not self.thread.is_alive():
            self.thread = threading.Thread(target=self.work, name="axe-chromium", daemon=True)
            self.thread.start()
        result: Future[T] = Future()
        self.jobs.put((job, executable, result))
        return result.result()

    def work(self) -> None:
        from playwright.sync_api import sync_playwright

        playwright = browser = None
        stopped: Future[Any] | None = None
        try:
            while True:
                job, executable, result = self.jobs.get()
                if job is None:
                    stopped = result
                    return
                try:
                    if playwright is None:
                        playwright = sync_playwright().start()
                    if browser is None or not browser.is_connected():
                        browser = playwright.chromium.launch(
                            executable_path=executable, args=CHROMIUM_ARGS, headless=True
                        )
                    result.set_result(job(browser))
                except BaseException as error:  # handed to the caller, pytest.skip included
                    result.set_exception(error)
        finally:
            try:
                if browser is not None and browser.is_connected():
                    browser.close()
                if playwright is not None:
                    playwright.stop()
            finally:
                if stopped is not None:
                    stopped.set_result(None)

    def stop(self) -> None:
        if self.thread is not None and self.thread.is_alive():
            stopped: Future[None] = Future()
            self.jobs.put((None, "", stopped))
            stopped.result(timeout=30)


axe = Axe()
atexit.register(axe.stop)


def axe_violations(documents: dict[str, bytes]) -> dict[str, list]:
    """axe-core in Chromium on already rendered documents (name → HTML), static files served from
    the staticfiles finders, so no server is needed."""
    from django.contrib.staticfiles import finders

    executable = chromium_path()
    source = axe_source()
    by_path = {f"document{number}": (name, content) for number, (name, content) in enumerate(documents.items())}
    types = {".css": "text/css", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".js": "text/javascript"}

    def serve(route: Route, request: Request) -> None:
        path = request.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        found = finders.find(path.removeprefix("static/")) if path.startswith("static/") else None
        if path in by_path:
            route.fulfill(body=by_path[path][1], content_type="text/html; charset=utf-8")
        elif found:
            route.fulfill(body=Path(found).read_bytes(), content_type=types.get(Path(found).suffix, "text/plain"))
        else:
            route.abort()

    def check(browser: Browser) -> dict[str, list]:
        violations = {}
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            tab = context.new_page()
            tab.route("**/*", serve)
            for path, (name, _content) in by_path.items():
                tab.goto(f"http://testserver/{path}")
                tab.evaluate(source)  # through DevTools: not blocked by the page's Content-Security-Policy
                result = tab.evaluate("async () => await axe.run(document)")
                found = [(item["id"], [node["target"] for node in item["nodes"]]) for item in result["violations"]]
                if found:
                    violations[name] = found
        finally:
            context.close()
        return violations

    return axe.run(executable, check)


# Browser tests run in this many groups, each on its own demo site (tests/e2e/conftest.py), so that
# `pytest -n` spreads them over the workers instead of leaving one worker alone with all of them.
BROWSER_GROUPS = 2


def browser_groups(items: list[pytest.Item]) -> dict[Path, str]:
    """Each browser test file's group, "browser-1" to "browser-N": the files, largest first, each go
    to the group with the fewest tests so far. The same collection always gives the same split, so a
    group's tests meet the same site, in the same order, on every run."""
    sizes: dict[Path, int] = {}
    for item in items:
        if item.get_closest_marker("browser"):
            sizes[item.path] = sizes.get(item.path, 0) + 1
    load = dict.fromkeys(range(1, BROWSER_GROUPS + 1), 0)
    groups = {}
    for path in sorted(sizes, key=lambda path: (-sizes[path], path)):
        group = min(load, key=lambda number: (load[number], number))
        load[group] += sizes[path]
        groups[path] = f"browser-{group}"
    return groups


def browser_group(item: pytest.Item) -> str:
    """The browser group a test was put in at collection (tests/conftest.py)."""
    marker = item.get_closest_marker("xdist_group")
    return marker.args[0] if marker else "browser-1"
