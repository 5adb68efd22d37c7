"""What a first visit costs, page kind by page kind and language by language, and how each looks.

Bytes are counted as production sends them (deploy/nginx.conf): pages gzipped on the way out,
static text files from their pre-compressed copies (`gzip_static`), fonts and images as they are.
The test server sends everything uncompressed, so each text response is gzipped here as nginx
would. Budgets (issue 23): 200 KB in the Latin-script languages, 450 KB in Urdu (whose Nastaliq
faces are the heaviest fonts the site has), 300 KB in the other scripts (Arabic, Devanagari,
Bengali, Cyrillic, Chinese). The figures go to test-results/page-budgets.json; time-based figures
(first paint, largest paint, layout shift on a slow 4G profile) are a benchmark, not a test:
tests/bench/page_loads.py.

Screenshots at 390 and 1280 px of the home page, a report, a chapter, the practices listing, a
practice and a news item in English, Arabic, Hindi and Chinese land in test-results/screens/.
"""

from __future__ import annotations

import gzip
import json

import pytest

from tests.e2e.conftest import ARTIFACTS

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "es", "fr", "pt", "ru", "zh-hans", "hi", "bn", "ar", "ur"]
LATIN = {"en", "es", "fr", "pt"}
KB = 1024


def budget(language: str) -> int:
    if language in LATIN:
        return 200 * KB
    return 450 * KB if language == "ur" else 300 * KB


PAGES = {
    "home": "/{lang}/",
    "report": "/{lang}/reports/rethinking-society/",
    "chapter": "/{lang}/reports/rethinking-society/chapter-3/",
    "practices": "/{lang}/practices/",
    "practice": ("/{lang}/practices/", ".practice-card__title a"),
    "news": "/{lang}/news/",
    "story": ("/{lang}/news/", ".news-card__title a"),
}
COMPRESSED = ("text/", "javascript", "json", "svg", "xml")


def resolve(page, live_site: str, language: str, spec) -> str:
    """The URL of a page kind in a language: fixed, or the first item of its listing."""
    if isinstance(spec, str):
        return live_site + spec.format(lang=language)
    listing, selector = spec
    page.goto(live_site + listing.format(lang=language))
    return live_site + page.locator(selector).first.get_attribute("href")


def transferred(browser, url: str) -> tuple[int, int, int]:
    """(bytes as production sends them, bytes this server sent, requests) for a first visit."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    production = raw = 0
    for response in responses:
        if response.request.method != "GET" or not response.ok:
            continue
        body = response.body()
        raw += len(body)
        kind = response.headers.get("content-type", "")
        production += len(gzip.compress(body, 6)) if any(text in kind for text in COMPRESSED) else len(body)
    context.close()
    return production, raw, len(responses)


def test_every_page_kind_stays_within_its_weight_budget_in_every_language(live_site, browser):
    finder = browser.new_context().new_page()
    figures, over = [], []
    for language in LANGUAGES:
        for kind, spec in PAGES.items():
            url = resolve(finder, live_site, language, spec)
            production, raw, requests = transferred(browser, url)
            figures.append(
                {"language": language, "page": kind, "url": url.removeprefix(live_site), "bytes": production,
                 "uncompressed": raw, "requests": requests, "budget": budget(language)}
            )  # fmt: skip
            if production > budget(language):
                over.append(f"{url}: {production // KB} KB > {budget(language) // KB} KB")
    finder.context.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "page-budgets.json").write_text(json.dumps(figures, indent=1), encoding="utf-8")
    assert len(figures) == len(LANGUAGES) * len(PAGES)
    assert all(figure["bytes"] > 5 * KB for figure in figures)  # pages and their style sheets were counted
    assert over == []


@pytest.mark.parametrize("language", ["en", "ar", "hi", "zh-hans"])
def test_screenshots_of_the_main_page_kinds_at_phone_and_desktop_widths(live_site, browser, language):
    screens = ARTIFACTS / "screens"
    screens.mkdir(parents=True, exist_ok=True)
    finder = browser.new_context().new_page()
    urls = {kind: resolve(finder, live_site, language, spec) for kind, spec in PAGES.items() if kind != "news"}
    finder.context.close()
    for width in (390, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for kind, url in urls.items():
            page.goto(url)
            assert page.locator("html").get_attribute("lang") == language
            path = screens / f"{kind}-{language}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            assert path.stat().st_size > 10 * KB
            # Nothing wider than the screen: no sideways scrolling on a phone or a desktop.
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        context.close()
