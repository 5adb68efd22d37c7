"""The Nu HTML Checker (vnu.jar) finds no errors on the home page and a standard page in en, ar, zh-hans,
and on a report, a chapter, a brief and a toolkit in en and ur (and ar: the report, chapters with
key figures and a chart, the listing with covers), on a practice (its locator map; M-Pesa with its key
figure) and the Forum's index (its map of editions), and on public forms sent with errors."""

import json
import subprocess
from pathlib import Path

import pytest

from tests.tooling import vnu_command

PAGES = (
    [f"/{language}/{path}" for language in ("en", "ar", "zh-hans") for path in ("", "about/")]
    + ["/hi/", "/ur/"]  # the home page in every script family the front door shows
    + [
        f"/{language}/reports/{path}"
        for language in ("en", "ur")
        for path in (
            "rethinking-society/",
            "rethinking-society/chapter-3/",
            "rethinking-society/chapter-9/",
            "reducing-inequality/",
            "local-inequality-audit/",
        )
    ]
    + [f"/{language}/reports/{path}" for language in ("en", "ar") for path in ("", "rethinking-society/chapter-1/")]
    + [
        "/ar/reports/rethinking-society/",
        "/ar/reports/rethinking-society/chapter-3/",
        "/hi/reports/reducing-inequality/",
    ]
    + [
        f"/{language}/practices/{path}"
        for language in ("en", "ar")
        for path in ("", "?theme=health&region=002", "housing-first-finland/", "m-pesa-mobile-money/", "share/")
    ]
    + ["/en/news/", "/ar/newsletter/"]
    # The maps: a practice's locator and the Forum's editions, in the three scripts the maps are tested in.
    + ["/zh-hans/practices/housing-first-finland/"]
    + [f"/{language}/events/forum/" for language in ("en", "ar", "zh-hans")]
)
# Forms sent empty: the shared error summary (autofocus, links to each field) and the fields with errors.
INVALID_POSTS = ["/en/practices/share/", "/ar/practices/share/", "/ar/newsletter/", "/en/account/signup/"]


@pytest.mark.django_db
def test_pages_have_no_html_errors(client, tmp_path):
    """Render every page, then validate them all in one run of the checker (Java starts once)."""
    command = vnu_command()
    files: dict[str, Path] = {}
    for number, url in enumerate(PAGES):
        response = client.get(url)
        assert response.status_code == 200, url
        files[url] = tmp_path / f"page{number}.html"
        files[url].write_bytes(response.content)
    for number, url in enumerate(INVALID_POSTS):
        response = client.post(url, {})
        assert response.status_code == 400, url
        files[f"POST {url}"] = tmp_path / f"posted{number}.html"
        files[f"POST {url}"].write_bytes(response.content)
    result = subprocess.run(
        [*command, "--format", "json", "--stdout", *map(str, files.values())],
        capture_output=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr.decode()
    url_of = {path.name: url for url, path in files.items()}
    errors = []
    for message in json.loads(result.stdout)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            page = url_of.get(str(message.get("url", "")).rsplit("/", 1)[-1], message.get("url"))
            errors.append(f"{page} line {message.get('lastLine')}: {message['message']}")
    assert errors == []


def test_checker_reports_errors_in_broken_html(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text("<!DOCTYPE html><html lang=en><title>x</title><p><div></span>", encoding="utf-8")
    result = subprocess.run(
        [*vnu_command(), "--format", "json", "--stdout", str(broken)], capture_output=True, timeout=120
    )
    assert any(message["type"] == "error" for message in json.loads(result.stdout)["messages"])
