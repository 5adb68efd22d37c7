"""An untranslated practice in a real browser: the switcher keeps the reader on it in every language."""

import re

import pytest

pytestmark = pytest.mark.browser

SLUG = "ghana-leap-cash-transfers"  # a demo practice in English only


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("hi", "ltr")])
def test_switcher_on_an_untranslated_practice_keeps_the_item(live_site, page, language, direction):
    page.goto(f"{live_site}/{language}/practices/{SLUG}/")
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("html").get_attribute("dir") == direction
    content = page.locator(".fallback-content")
    assert content.get_attribute("lang") == "en" and content.get_attribute("dir") == "ltr"
    assert page.locator("#translation-notice button").is_visible()
    page.locator(".language-switcher summary").click()
    links = page.locator(".language-switcher__list a").evaluate_all("links => links.map(l => l.getAttribute('href'))")
    assert len(links) == 10
    assert all(link.endswith(f"/practices/{SLUG}/") for link in links), links
    page.locator('.language-switcher a[lang="ur"]').click()
    page.wait_for_url(f"{live_site}/ur/practices/{SLUG}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".fallback-content").get_attribute("dir") == "ltr"
    page.locator("#translation-notice button").click()
    # The first run asks; the second (same visitor) is told its request is already counted.
    page.wait_for_url(re.compile(rf"/ur/practices/{SLUG}/\?translation=(counted|already)#translation-notice$"))
    assert page.locator("#translation-notice [role=status]").is_visible()
