"""Layout shift while the fonts arrive, the whole page's and the header's own, per language, page and width.

Usage (a running site, e.g. `make run`, or the e2e server):
    .venv/bin/python tests/bench/font_shifts.py http://127.0.0.1:8000

Each page is loaded twice with an empty cache, its font files held back until it has been painted
with the fallback fonts (tests/e2e/font_loading.py): once whole, once with only its header displayed,
so the second figure is the header's own shift. tests/e2e/test_page_budgets.py asserts the whole
page's shift and that the header and the content do not move; the header's own figure tells where
a failing page's shift comes from.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.e2e.font_loading import layout_shift_when_fonts_arrive
from tests.tooling import CHROMIUM_ARGS, chromium_path

LANGUAGES = ["en", "es", "fr", "pt", "ru", "zh-hans", "hi", "bn", "ar", "ur"]
PAGES = {"home": "/{lang}/", "chapter": "/{lang}/reports/rethinking-society/chapter-3/"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        print(f"{'language':8} {'page':8} {'width':>6} {'page shift':>11} {'header shift':>13} {'fonts held':>11}")
        for language in LANGUAGES:
            for kind, path in PAGES.items():
                url = args.base_url.rstrip("/") + path.format(lang=language)
                for width in (390, 1280):
                    whole = layout_shift_when_fonts_arrive(browser, url, width)
                    header = layout_shift_when_fonts_arrive(browser, url, width, header_only=True)
                    print(
                        f"{language:8} {kind:8} {width:>4}px {whole['shift']:>11.3f} {header['shift']:>13.3f}"
                        f" {whole['fonts']:>11}"
                    )
        browser.close()


if __name__ == "__main__":
    main()
