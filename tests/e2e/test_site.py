"""The public site in a real browser: direction, language switcher, hreflang, accessibility."""

import pytest

pytestmark = pytest.mark.browser


def test_english_home_page_reads_left_to_right(live_site, page, axe, screenshot):
    page.goto(f"{live_site}/en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == "Rethinking society for the 21st century"
    hreflangs = page.locator('link[rel="alternate"][hreflang]').evaluate_all("links => links.map(l => l.hreflang)")
    assert {"en", "ar", "zh-hans", "x-default"} <= set(hreflangs)
    brand = page.locator(".site-header__brand").bounding_box()
    assert brand["x"] < 200  # brand at the start (left) of the header
    assert axe(page) == []
    screenshot(page, "home-en")


def test_arabic_home_page_reads_right_to_left_with_mirrored_layout(live_site, page, axe, screenshot):
    page.goto(f"{live_site}/ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    width = page.viewport_size["width"]
    brand = page.locator(".site-header__brand").bounding_box()
    assert brand["x"] + brand["width"] > width - 200  # brand at the start (right) of the header
    mission = page.locator(".mission")
    assert mission.evaluate("el => getComputedStyle(el).borderRightWidth") == "6px"  # inline-start border mirrored
    assert axe(page) == []
    screenshot(page, "home-ar")


def test_language_switcher_goes_to_the_same_page_in_another_language(live_site, page):
    page.goto(f"{live_site}/en/about/")
    page.locator(".language-switcher summary").click()
    page.locator('.language-switcher a[hreflang="ar"]').click()
    page.wait_for_url(f"{live_site}/ar/about/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.locator(".language-switcher summary").click()
    page.locator('.language-switcher a[hreflang="zh-hans"]').click()
    page.wait_for_url(f"{live_site}/zh-hans/about/")
    assert page.locator("html").get_attribute("lang") == "zh-hans"


def test_root_redirects_to_the_browser_language(live_site, browser):
    context = browser.new_context(locale="ar-EG", extra_http_headers={"Accept-Language": "ar-EG,ar;q=0.9"})
    page = context.new_page()
    page.goto(f"{live_site}/")
    assert page.url == f"{live_site}/ar/"
    context.close()


@pytest.mark.parametrize(
    "url",
    [
        "/en/about/",
        "/ar/about/",
        "/zh-hans/",
        "/en/practices/?theme=health",
        "/ar/practices/",
        "/en/practices/housing-first-finland/",
        "/ar/practices/housing-first-finland/",
        "/en/practices/share/",
        "/ar/practices/share/",
    ],
)
def test_pages_have_no_accessibility_violations(live_site, page, axe, url):
    page.goto(f"{live_site}{url}")
    assert axe(page) == []


def test_narrow_screen_has_no_horizontal_scroll(live_site, browser, screenshot):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for language in ("en", "ar"):
        page.goto(f"{live_site}/{language}/about/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        screenshot(page, f"about-{language}-320")
    context.close()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_home_page_uses_the_width_on_desktop_and_stacks_on_phones(live_site, browser, axe, screenshot, language):
    wide = browser.new_context(viewport={"width": 1280, "height": 900})
    page = wide.new_page()
    page.goto(f"{live_site}/{language}/")
    panels = page.locator(".home-panel").evaluate_all(BOXES)
    assert len(panels) == 3  # the consultation, the Forum and the Day, side by side
    assert len({round(box["top"]) for box in panels}) == 1
    cover, text = (
        page.locator(selector).bounding_box() for selector in (".home-flagship__cover", ".home-flagship__text")
    )
    assert (cover["x"] > text["x"]) == (language == "ar")  # the cover at the start of the reading direction
    world_map, latest = (
        page.locator(selector).bounding_box() for selector in (".home-practices__map", ".home-practices__latest")
    )
    assert abs(world_map["y"] - latest["y"]) < 5 and world_map["width"] > latest["width"]
    assert axe(page) == []
    screenshot(page, f"home-{language}-1280")
    wide.close()

    narrow = browser.new_context(viewport={"width": 390, "height": 844})
    page = narrow.new_page()
    page.goto(f"{live_site}/{language}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    tops = [box["top"] for box in page.locator(".home-panel").evaluate_all(BOXES)]
    assert tops == sorted(tops) and len(set(tops)) == 3  # one under the other
    screenshot(page, f"home-{language}-390")
    narrow.close()


BOXES = "elements => elements.map(element => element.getBoundingClientRect().toJSON())"
