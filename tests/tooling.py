"""Locating the external checkers the suite drives (Chromium, axe-core, the Nu HTML Checker).

Where one is missing, tests skip with the reason and the install command, except under CI
(CI=true), where a missing tool fails the run: CI must never go green by skipping.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

FRONTEND = Path(__file__).parent / "frontend" / "node_modules"
VNU_JAR = FRONTEND / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = FRONTEND / "axe-core" / "axe.min.js"
CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
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
    missing("Browser tests skipped: Chromium is not installed (Debian: apt-get install chromium)")
    raise AssertionError("unreachable")


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if not java:
        missing("HTML validation skipped: Java is not installed (Debian: apt-get install default-jre-headless)")
    if not VNU_JAR.exists():
        missing("HTML validation skipped: vnu.jar not found (run `npm ci --prefix tests/frontend`, or `make test`)")
    return [java, "-jar", str(VNU_JAR)]


def axe_source() -> str:
    if not AXE_JS.exists():
        missing(
            "Accessibility checks skipped: axe-core not found (run `npm ci --prefix tests/frontend`, or `make test`)"
        )
    return AXE_JS.read_text(encoding="utf-8")


def html_errors(documents: dict[str, bytes], directory: Path) -> list[str]:
    """The Nu HTML Checker's errors in rendered documents (name → HTML), as "name, line N: message"."""
    import json
    import subprocess

    names = {}
    for number, (name, content) in enumerate(documents.items()):
        names[f"document{number}.html"] = name
        (directory / f"document{number}.html").write_bytes(content)
    result = subprocess.run(
        [*vnu_command(), "--format", "json", "--stdout", *(str(directory / file) for file in names)],
        capture_output=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr.decode()
    return [
        f"{names.get(str(message.get('url', '')).rsplit('/', 1)[-1])}, line {message.get('lastLine')}: "
        f"{message['message']}"
        for message in json.loads(result.stdout)["messages"]
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


def axe_violations(documents: dict[str, bytes]) -> dict[str, list]:
    """axe-core in Chromium on already rendered documents (name → HTML), static files served from
    the staticfiles finders, so no server is needed.

    Render the documents first: Playwright's event loop and Django's ORM cannot share the thread.
    """
    from django.contrib.staticfiles import finders
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    source = axe_source()
    by_path = {f"document{number}": (name, content) for number, (name, content) in enumerate(documents.items())}
    types = {".css": "text/css", ".svg": "image/svg+xml", ".woff2": "font/woff2", ".js": "text/javascript"}

    def serve(route, request) -> None:
        path = request.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        found = finders.find(path.removeprefix("static/")) if path.startswith("static/") else None
        if path in by_path:
            route.fulfill(body=by_path[path][1], content_type="text/html; charset=utf-8")
        elif found:
            route.fulfill(body=Path(found).read_bytes(), content_type=types.get(Path(found).suffix, "text/plain"))
        else:
            route.abort()

    violations = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        tab.route("**/*", serve)
        for path, (name, _content) in by_path.items():
            tab.goto(f"http://testserver/{path}")
            tab.evaluate(source)  # through DevTools: not blocked by the page's Content-Security-Policy
            result = tab.evaluate("async () => await axe.run(document)")
            found = [(item["id"], [node["target"] for node in item["nodes"]]) for item in result["violations"]]
            if found:
                violations[name] = found
        browser.close()
    return violations


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
