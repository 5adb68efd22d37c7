"""The Nu HTML Checker (vnu.jar) finds no errors on the home page and a standard page in en, ar, zh-hans,
and on a report, a chapter, a brief and a toolkit in en and ur (and ar: the report, chapters with
key figures and a chart, the listing with covers), on a practice (its locator map; M-Pesa with its key
figure) and the Forum's index (its map of editions), and on public forms sent with errors."""

import pytest

from tests.tooling import html_errors

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
def test_pages_have_no_html_errors(client):
    documents = {}
    for url in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        documents[url] = response.content
    for url in INVALID_POSTS:
        response = client.post(url, {})
        assert response.status_code == 400, url
        documents[f"POST {url}"] = response.content
    assert html_errors(documents) == []


def test_the_checker_reports_the_errors_of_broken_html():
    broken = b"<!DOCTYPE html><html lang=en><title>x</title><p><div></span>"
    assert "broken, line 1: Stray end tag \u201cspan\u201d." in html_errors({"broken": broken})


def test_the_checker_finds_no_errors_in_valid_html():
    valid = b"<!DOCTYPE html><html lang=en><title>x</title><p>Valid.</p>"
    assert html_errors({"valid": valid}) == []
