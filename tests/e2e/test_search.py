"""Site search in a real browser: suggestions as one types in the header box (an ARIA combobox, by
keyboard and pointer, in English and right-to-left Arabic), the results page, and no accessibility
violation (axe-core) on the results page, with the suggestion list open too."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ARABIC_INEQUALITY = "اللامساواة"


def open_suggestions(page, text: str):
    box = page.locator("#site-search-q")
    expect(box).to_have_attribute("role", "combobox")
    box.fill("")
    box.press_sequentially(text, delay=30)
    listbox = page.locator("#site-search-q-suggestions")
    expect(listbox).to_have_attribute("role", "listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    return box, listbox


@pytest.mark.parametrize(
    ("language", "query", "typed"), [("en", "inequality", "inequal"), ("ar", ARABIC_INEQUALITY, "اللامس")]
)
def test_results_page_has_no_violations_with_and_without_the_suggestions_open(
    live_site, page, axe, screenshot, language, query, typed
):
    page.goto(f"{live_site}/{language}/search/?q={query}")
    expect(page.locator(".search-result mark").first).to_be_visible()
    assert axe(page) == []
    box, listbox = open_suggestions(page, typed)
    options = listbox.get_by_role("option")
    assert options.count() >= 2
    box.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    screenshot(page, f"search-suggestions-{language}")
    assert axe(page) == []


def test_keyboard_chooses_a_suggestion_and_escape_closes_the_list(live_site, page):
    page.goto(f"{live_site}/en/")
    box, listbox = open_suggestions(page, "inequal")
    assert box.get_attribute("aria-controls") == listbox.get_attribute("id")
    status = page.locator(".site-search [role=status]")
    expect(status).to_contain_text(re.compile(r"\d+ suggestions?"))
    options = listbox.get_by_role("option")
    box.press("ArrowUp")  # from the box, Up goes to the last suggestion
    expect(options.last).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")  # and Down wraps to the first
    expect(options.first).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    assert box.input_value() == "inequal"  # Escape closes the list, keeping the text
    assert box.get_attribute("aria-activedescendant") is None
    box.press("ArrowDown")
    expect(listbox).to_be_visible()
    title = options.first.locator(".autocomplete__title").inner_text()
    box.press("Enter")
    expect(page.locator("h1")).to_have_text(title)
    box = page.locator("#site-search-q")
    box.fill("inequality")
    box.press("Enter")  # no suggestion chosen: a plain search
    expect(page).to_have_url(f"{live_site}/en/search/?q=inequality")


def test_pointer_chooses_a_suggestion_in_arabic_with_the_list_under_the_box(live_site, page):
    page.goto(f"{live_site}/ar/")
    box, listbox = open_suggestions(page, "اللامس")
    box_edge = box.bounding_box()
    list_edge = listbox.bounding_box()
    # Right to left: the list starts at the box's right edge.
    assert abs((list_edge["x"] + list_edge["width"]) - (box_edge["x"] + box_edge["width"])) < 2
    first = listbox.get_by_role("option").first
    href_title = first.locator(".autocomplete__title").inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(href_title)
    expect(page.locator("html")).to_have_attribute("lang", "ar")


def test_without_javascript_the_header_box_is_a_plain_search(live_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_site}/en/about/")
    box = page.get_by_role("searchbox", name="Search the site").first
    box.fill("inequality")
    box.press("Enter")
    expect(page).to_have_url(f"{live_site}/en/search/?q=inequality")
    expect(page.locator(".search-result").first).to_be_visible()
    context.close()


def test_filtering_by_type_and_paging_in_the_browser(live_site, page):
    page.goto(f"{live_site}/en/search/?q=social")
    page.get_by_role("navigation", name="Type of result").get_by_role("link", name=re.compile("^Practices")).click()
    expect(page).to_have_url(re.compile(r"type=practices"))
    expect(page.locator('[data-type="practices"][aria-current="page"]')).to_be_visible()
    kinds = page.locator(".search-result__kind").all_inner_texts()
    assert kinds and set(kinds) <= {"Practice", "Page"}
    page.get_by_role("navigation", name="Pages of results").get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"type=practices&page=2"))
    expect(page.locator(".search-result").first).to_be_visible()
