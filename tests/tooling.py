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
