"""What happens while a page's fonts arrive: the shared measures of tests/e2e/test_page_budgets.py
(the whole page's layout shift, asserted) and tests/bench/font_shifts.py (the header's own, printed).

The page's font files are held back until the page has been painted with the fallback fonts, then
let through; the shift is the sum of the layout-shift entries (Chromium's CLS) once document.fonts is
ready. A layout measure, not a time: the order of events is forced, nothing waits for a clock.
"""

from __future__ import annotations

OBSERVE_SHIFTS = """
window.__shift = 0; window.__shifted = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__shift += entry.value;
    for (const source of entry.sources || []) {
      const node = source.node;
      const name = node && node.getAttribute ? node.getAttribute('class') : '';
      window.__shifted.push(node ? node.nodeName + '.' + (name || '') : '?');
    }
  }
}).observe({type: 'layout-shift', buffered: true});
"""
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))"
# The fonts the page uses are loaded (or failed) and two frames have been laid out with them.
FONTS_SETTLED = f"() => document.fonts.ready.then({NEXT_FRAMES})"
HEADER_HEIGHT = "() => document.querySelector('.site-header').getBoundingClientRect().height"
MAIN_TOP = "() => document.querySelector('main').getBoundingClientRect().top"
HEADER_ONLY = "<style>main, .breadcrumbs, .site-footer { display: none !important; }</style></head>"


def layout_shift_when_fonts_arrive(browser, url: str, width: int, *, header_only: bool = False) -> dict:
    """The layout shift of `url` while its fonts arrive, in a fresh context (a first visit); with
    `header_only`, of its header alone (the rest of the page is not displayed, so only the header's
    own movements count)."""
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.add_init_script(OBSERVE_SHIFTS)
    if header_only:

        def without_content(route):
            response = route.fetch()
            route.fulfill(response=response, body=response.text().replace("</head>", HEADER_ONLY, 1))

        page.route(url, without_content)
    held, released = [], []

    def hold_fonts(route):
        (route.continue_() if released else held.append(route))

    page.route("**/*.woff2", hold_fonts)
    page.goto(url, wait_until="domcontentloaded")
    page.evaluate(NEXT_FRAMES)  # painted with the fallback fonts
    before, main_before = page.evaluate(HEADER_HEIGHT), page.evaluate(MAIN_TOP)
    released.append(True)
    for route in held:
        route.continue_()
    page.evaluate(FONTS_SETTLED)
    figures = {
        "fonts": len(held),
        "loaded": page.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').length"),
        "header_before": before,
        "header_after": page.evaluate(HEADER_HEIGHT),
        "main_before": main_before,
        "main_after": page.evaluate(MAIN_TOP),
        "shift": page.evaluate("() => window.__shift"),
        "shifted": sorted(set(page.evaluate("() => window.__shifted"))),
    }
    context.close()
    return figures
