"""First visits on a slow 4G phone: first paint, largest paint, load and layout shift, per page and language.

Usage (a running site, e.g. `make run`, or the e2e server):
    .venv/bin/python tests/bench/page_loads.py http://127.0.0.1:8000 [--runs 3]

Chromium (Debian's) is throttled as Lighthouse's mobile profile is: 150 ms round trips, 1.6 Mbit/s
down, 750 kbit/s up, the CPU four times slower. Each page is loaded with an empty cache, `--runs`
times; the medians are printed. These are timings, so they are a benchmark, never a test.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.tooling import CHROMIUM_ARGS, chromium_path

LANGUAGES = ["en", "es", "fr", "pt", "ru", "zh-hans", "hi", "bn", "ar", "ur"]
# The home page in every language (the layout shift per language: fonts per script), then the
# heaviest page kinds in the scripts with self-hosted fonts.
PATHS = [
    *(f"/{language}/" for language in LANGUAGES),
    "/en/reports/rethinking-society/chapter-3/",
    "/en/practices/",
    "/ar/reports/rethinking-society/chapter-3/",
    "/hi/practices/",
    "/zh-hans/news/",
    "/ur/reports/rethinking-society/chapter-3/",
]
OBSERVE = """
window.__shift = 0; window.__largest = 0;
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
})
  .observe({type: 'layout-shift', buffered: true});
new PerformanceObserver(list => { for (const e of list.getEntries()) window.__largest = e.startTime; })
  .observe({type: 'largest-contentful-paint', buffered: true});
"""
READ = """() => ({
  first_paint: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || 0,
  largest_paint: window.__largest,
  load: performance.getEntriesByType('navigation')[0].loadEventEnd,
  layout_shift: window.__shift,
})"""


def measure(browser, url: str) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.add_init_script(OBSERVE)
    devtools = context.new_cdp_session(page)
    devtools.send("Network.enable")
    devtools.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8},
    )
    devtools.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url, wait_until="load")
    page.wait_for_timeout(1500)  # late shifts and paints
    figures = page.evaluate(READ)
    context.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        print(f"{'page':48} {'first paint':>12} {'largest':>9} {'load':>7} {'shift':>7}")
        for path in PATHS:
            runs = [measure(browser, args.base_url.rstrip("/") + path) for _ in range(args.runs)]
            median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            print(
                f"{path:48} {median['first_paint']:>10.0f}ms {median['largest_paint']:>7.0f}ms"
                f" {median['load']:>5.0f}ms {median['layout_shift']:>7.3f}"
            )
        browser.close()


if __name__ == "__main__":
    main()
