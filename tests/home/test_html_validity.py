"""The Nu HTML Checker (vnu.jar) finds no errors on the home page and a standard page in en, ar, zh-hans."""

import json
import subprocess
from pathlib import Path

import pytest
from django.test import Client

from tests.tooling import vnu_command

PAGES = [f"/{language}/{path}" for language in ("en", "ar", "zh-hans") for path in ("", "about/")]


@pytest.fixture(scope="module")
def vnu_errors(django_db_setup, django_db_blocker, tmp_path_factory) -> dict[str, list[str]]:
    """Render every page, then validate them all in one run of the checker (Java starts once)."""
    command = vnu_command()
    directory = tmp_path_factory.mktemp("vnu")
    files: dict[str, Path] = {}
    with django_db_blocker.unblock():
        client = Client()
        for number, url in enumerate(PAGES):
            response = client.get(url)
            assert response.status_code == 200, url
            files[url] = directory / f"page{number}.html"
            files[url].write_bytes(response.content)
    result = subprocess.run(
        [*command, "--format", "json", "--stdout", *map(str, files.values())],
        capture_output=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr.decode()
    messages = json.loads(result.stdout)["messages"]
    errors: dict[str, list[str]] = {url: [] for url in PAGES}
    by_file = {path.as_uri(): url for url, path in files.items()}
    for message in messages:
        if message["type"] == "error" or message.get("subType") == "fatal":
            errors[by_file.get(message.get("url"), "?")].append(f"line {message.get('lastLine')}: {message['message']}")
    return errors


@pytest.mark.parametrize("url", PAGES)
def test_page_has_no_html_errors(vnu_errors, url):
    assert vnu_errors[url] == []
    assert "?" not in vnu_errors


def test_checker_reports_errors_in_broken_html(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></span>", encoding="utf-8")
    result = subprocess.run(
        [*vnu_command(), "--format", "json", "--stdout", str(broken)], capture_output=True, timeout=120
    )
    assert any(message["type"] == "error" for message in json.loads(result.stdout)["messages"])
