"""Translation in a real browser, through wagtail-localize's own editor.

A Bengali translator translates a practice segment by segment and submits it for review; a
moderator publishes it; the status report follows it from missing to up to date, and to outdated
when the English source changes. An Arabic translator works in a right-to-left admin.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_admin import approve_on_dashboard

pytestmark = pytest.mark.browser

BENGALI_TITLE = "বেয়ারফুট কলেজ"


def admin_page_id(page, live_site: str, query: str) -> int:
    """The original's id: search also lists its fallbacks in the other languages, all created after it."""
    page.goto(f"{live_site}/admin/pages/search/?q={query}")
    links = page.locator('a[href^="/admin/pages/"][href$="/edit/"]')
    expect(links.first).to_be_visible()
    hrefs = [links.nth(number).get_attribute("href") for number in range(links.count())]
    return min(int(re.search(r"/admin/pages/(\d+)/edit/", href).group(1)) for href in hrefs)


def status_in(page, live_site: str, language: str, title: str) -> str:
    page.goto(f"{live_site}/admin/reports/translation-status/?locale={language}")
    row = page.locator("table.listing tbody tr", has=page.get_by_role("link", name=title, exact=True))
    return row.locator("td").nth(1).inner_text().strip()


def submit_for_translation(editor, live_site: str, english_id: int, language_name: str) -> int:
    editor.goto(f"{live_site}/admin/localize/submit/page/{english_id}/")
    editor.get_by_label(language_name).check()
    editor.get_by_role("button", name="Submit").click()
    editor.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    return int(re.search(r"/admin/pages/(\d+)/edit/", editor.url).group(1))


def translate_visible_segments(translator, texts: list[str]) -> int:
    """Click each segment's "Translate", type the translation and save it, as a translator does."""
    buttons = translator.get_by_role("button", name="Translate", exact=True)
    expect(buttons.first).to_be_visible()
    number = 0
    while (remaining := buttons.count()) > 0:
        buttons.first.click()
        translator.locator("textarea").first.fill(texts[min(number, len(texts) - 1)].format(number=number))
        # The editor shows the segment as translated at once and saves it in the background: wait for
        # the server's answer, so leaving the page next cannot cut the last save short.
        with translator.expect_response(re.compile(r"/translate/\d+/(strings|overrides)/\d+/edit/$")) as saved:
            translator.get_by_role("button", name="Save", exact=True).first.click()
        assert saved.value.ok, saved.value.status
        expect(buttons).to_have_count(remaining - 1)
        number += 1
    return number


def test_bengali_translator_translates_a_practice_in_the_wagtail_localize_editor(live_site, page, login):
    editor = login("editor")
    english_id = admin_page_id(editor, live_site, "Barefoot")
    assert status_in(editor, live_site, "bn", "Barefoot College") == "Missing"
    bengali_id = submit_for_translation(editor, live_site, english_id, "বাংলা")

    translator = login("translator-bn")
    expect(translator.locator("main")).to_contain_text("waiting for translation into বাংলা")
    expect(translator.locator("#translations-arrived")).to_contain_text("Inspiring practices")  # new work, by section
    translator.goto(f"{live_site}/admin/pages/{bengali_id}/edit/")
    # Every segment the editor shows, and nothing else: the slug follows the original (same address).
    translate_visible_segments(translator, [BENGALI_TITLE, "বাংলা অনুবাদ, অংশ {number}।"])
    # The footer's primary action is the translator's next step, not Delete.
    footer = translator.locator("footer.translator-editor__footer")
    expect(footer.get_by_role("button", name="Submit for review")).to_be_visible()
    expect(translator.locator("footer", has_text="Delete")).to_have_count(0)
    assert status_in(translator, live_site, "bn", "Barefoot College") == "Up to date"

    translator.goto(f"{live_site}/admin/")
    ready = translator.locator(
        "#translations-ready tr", has=translator.locator(f'a[href="/admin/pages/{bengali_id}/edit/"]')
    )
    ready.get_by_role("button", name="Submit for review").click()
    expect(translator.locator(".messages")).to_contain_text("has been submitted for review")
    # Not public before sign-off: Bengali readers still see the English original (the fallback).
    assert page.goto(f"{live_site}/bn/practices/barefoot-college/").status == 200
    expect(page.locator("h1")).not_to_have_text(BENGALI_TITLE)

    moderator = login("moderator")
    approve_on_dashboard(moderator, live_site, BENGALI_TITLE, page_id=bengali_id)
    response = page.goto(f"{live_site}/bn/practices/barefoot-college/")
    assert response.status == 200
    expect(page.locator("h1")).to_have_text(BENGALI_TITLE)
    expect(page.locator("html")).to_have_attribute("lang", "bn")

    # The English original changes: the Bengali translation is now outdated.
    editor.goto(f"{live_site}/admin/pages/{english_id}/edit/")
    editor.locator("#id_summary").fill("Barefoot College trains rural people to bring solar power and water home.")
    editor.get_by_role("button", name="Save draft").click()
    expect(editor.locator(".messages")).to_contain_text("has been updated")
    assert status_in(editor, live_site, "bn", "Barefoot College") == "Outdated"


def test_arabic_translator_works_right_to_left(live_site, login, screenshot):
    editor = login("editor")
    english_id = admin_page_id(editor, live_site, "Grameen")
    arabic_id = submit_for_translation(editor, live_site, english_id, "العربية")

    translator = login("translator-ar")
    translator.goto(f"{live_site}/admin/account/")
    translator.locator("#id_locale-preferred_language").select_option("ar")
    translator.get_by_role("button", name="Save").click()
    expect(translator.locator("html")).to_have_attribute("dir", "rtl")  # the admin now speaks Arabic
    translator.goto(f"{live_site}/admin/pages/{arabic_id}/edit/")
    expect(translator.locator("html")).to_have_attribute("dir", "rtl")
    buttons = translator.get_by_role("button", name="ترجمة", exact=True)
    expect(buttons.first).to_be_visible()
    buttons.first.click()
    translator.locator("textarea").first.fill("بنك غرامين")
    translator.get_by_role("button", name="حفظ", exact=True).first.click()
    expect(translator.get_by_text("بنك غرامين", exact=True)).to_be_visible()
    screenshot(translator, "translation-editor-ar")
    # Mirrored: the admin menu sits on the right; each segment keeps its own direction, so the
    # English source starts at the left and the Arabic translation at the right, one above the other.
    menu = translator.get_by_role("button", name="الصفحات").bounding_box()
    assert menu["x"] > 640
    source = text_box(translator.get_by_text("Grameen Bank is a microfinance", exact=False).first)
    translation = text_box(translator.get_by_text("بنك غرامين", exact=True))
    title = text_box(translator.locator("li.complete > p", has_text="Grameen Bank").first)
    assert source["left"] < 300 and title["left"] < 300  # English reads from the left
    assert translation["left"] > 640  # Arabic from the right
    assert translation["top"] >= title["bottom"] - 1  # stacked, not overlapping


def text_box(locator) -> dict:
    """Where the text itself is drawn (not its block), from a DOM range over the element's contents."""
    return locator.evaluate(
        "element => { const range = document.createRange(); range.selectNodeContents(element);"
        " const box = range.getBoundingClientRect();"
        " return {left: box.left, right: box.right, top: box.top, bottom: box.bottom}; }"
    )
