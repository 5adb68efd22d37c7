"""Practices in a real browser: faceted browsing in Spanish and Arabic, and a visitor's practice
going through expert review and editorial sign-off into the listing."""

import re
import time

import pytest
from playwright.sync_api import expect

from cms import geography
from tests.e2e.test_admin import approve_on_dashboard

pytestmark = pytest.mark.browser


def test_visitor_filters_by_theme_and_region_in_spanish_and_opens_a_practice(live_site, page, axe):
    page.goto(f"{live_site}/es/practices/")
    assert axe(page) == []
    page.get_by_role("group", name="Tema").get_by_label("Ciudades").check()
    # "América (n)", not "Latinoamérica (n)" or "Norteamérica (n)", its sub-regions listed after it.
    page.get_by_role("group", name="Región").get_by_label(re.compile(r"^América \(")).check()
    expect(page).to_have_url(f"{live_site}/es/practices/?theme=cities&region=019")
    # Porto Alegre in Spanish, and the practices not yet translated, in their own language.
    page.locator('.practice-card a[href="/es/practices/participatory-budgeting-porto-alegre/"]').click()
    expect(page).to_have_url(f"{live_site}/es/practices/participatory-budgeting-porto-alegre/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", level=2, name="Revisada por expertos")).to_be_visible()
    assert axe(page) == []


@pytest.mark.parametrize(
    "path",
    [
        "/en/practices/?q=microcredit+women+bangladesh",  # by relevance, the relevance sort offered
        "/en/practices/?q=mondragn",  # nothing found: did you mean, the same query in site search
        "/es/practices/?q=presupuesto&region=202",  # filters hide every match
        "/ar/practices/?region=999",  # an unknown region refused with a message
    ],
)
def test_listing_search_states_have_no_accessibility_violations(live_site, page, axe, path):
    page.goto(f"{live_site}{path}")
    expect(page.locator("#practice-results-heading")).to_be_visible()
    assert axe(page) == []


def test_visitor_filters_in_arabic_without_javascript(live_site, browser, axe, screenshot):
    context = browser.new_context(java_script_enabled=False, locale="ar")
    page = context.new_page()
    page.goto(f"{live_site}/ar/practices/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.locator('input[name="theme"][value="health"]').check()
    page.locator('input[name="region"][value="002"]').check()
    page.locator('form.practice-filters button[type="submit"]').click()
    assert "theme=health" in page.url and "region=002" in page.url
    page.locator('.practice-card a[href="/ar/practices/rwanda-community-health-workers/"]').click()
    assert page.url.endswith("/ar/practices/rwanda-community-health-workers/")
    facts = page.locator(".practice__facts").bounding_box()
    body = page.locator(".practice__body").bounding_box()
    assert facts["x"] < body["x"]  # right to left: the side column is on the left
    screenshot(page, "practice-ar")
    context.close()


def test_a_visitors_practice_is_reviewed_signed_off_and_listed(live_site, page, login):
    title = f"Community kitchens of Lima {int(time.time())}"
    page.goto(f"{live_site}/en/practices/share/")
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the fields below")
    page.get_by_label("Name of the practice").fill(title)
    page.get_by_label("Summary").fill("Neighbourhood kitchens run by women's organisations feed families in Lima.")
    page.get_by_label("Lead organisation").fill("Federación de Comedores Populares")
    page.locator("#id_countries-filter").fill("peru")  # the searchable list (multiselect.js)
    page.keyboard.press("Enter")  # the only match is ticked
    page.get_by_role("group", name="Themes").get_by_label("Gender equality").check()
    page.locator("#id_scale").select_option("local")
    page.get_by_label("Who runs it?").select_option("community")
    page.get_by_label("Your name").fill("Ana Quispe")
    page.get_by_label("Your e-mail address").fill("ana@example.org")
    page.get_by_label("The information is accurate").check()
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")
    page.goto(f"{live_site}/en/practices/?q=kitchens")
    expect(page.locator(".practice-card")).to_have_count(0)  # not public before review

    reviewer = login("reviewer")  # Europe: from outside the practice's region (the Americas)
    approve_on_dashboard(reviewer, live_site, title, assess=True)
    moderator = login("moderator")
    approve_on_dashboard(moderator, live_site, title)

    page.goto(f"{live_site}/en/practices/?q=kitchens")
    expect(page.locator(".practice-card", has_text=title)).to_have_count(1)
    page.locator(".practice-card", has_text=title).get_by_role("link").click()
    expect(page.get_by_text("Reviewer", exact=False)).to_be_visible()
    assert "ana@example.org" not in page.content()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_share_form_puts_the_consent_box_beside_its_label_and_focuses_the_errors(live_site, page, axe, language):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_site}/{language}/practices/share/")
    checkbox = page.locator("#id_consent")
    label = page.locator('label[for="id_consent"]')
    box, text = checkbox.bounding_box(), label.bounding_box()
    assert box["width"] < 40, box  # a checkbox, not a 665 px bar
    assert abs(box["y"] - text["y"]) < text["height"], (box, text)  # on the label's line
    # Beside the label, on the side the script starts from.
    assert box["x"] < text["x"] if language == "en" else box["x"] > text["x"]
    assert axe(page) == []
    page.locator("form.public-form button[type=submit]").click()
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary.locator('a[href="#id_consent"]')).to_be_visible()


def phone_page(browser, **options):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="en-GB", **options)
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def tab_to(page, locator, limit: int = 80) -> None:
    """Press Tab until `locator` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} never received the focus")


def test_on_a_phone_the_results_come_first_and_the_filters_open_with_the_keyboard(live_site, browser, axe):
    page = phone_page(browser)
    page.goto(f"{live_site}/en/practices/")
    cards = page.locator(".practice-card")
    expect(cards.first).to_be_visible()
    assert cards.first.bounding_box()["y"] < 844  # in the first screenful
    disclosure = page.locator("details[data-filters-disclosure]")
    summary = disclosure.locator("summary")
    expect(summary).to_have_text("Filters")
    expect(page.get_by_role("group", name="Theme")).to_be_hidden()
    assert axe(page) == []
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(disclosure).to_have_attribute("open", "")
    health = page.get_by_role("group", name="Theme").get_by_label(re.compile(r"^Health"))
    expect(health).to_be_visible()
    tab_to(page, health)
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"theme=health"))
    # The listing refreshed in place: the filters stay open, the count shows on the disclosure.
    expect(summary).to_have_text("Filters (1)")
    expect(disclosure).to_have_attribute("open", "")
    assert axe(page) == []
    page.context.close()


def test_on_a_phone_without_javascript_the_filters_still_open_and_apply(live_site, browser):
    page = phone_page(browser, java_script_enabled=False)
    page.goto(f"{live_site}/ar/practices/?theme=health")
    summary = page.locator("details[data-filters-disclosure] summary")
    expect(summary).to_contain_text("(1)")
    assert page.locator(".practice-card").first.bounding_box()["y"] < 844
    summary.click()
    page.locator('input[name="region"][value="002"]').check()
    page.locator('form.practice-filters button[type="submit"]').click()
    assert "theme=health" in page.url and "region=002" in page.url
    page.context.close()


def test_on_a_wide_screen_the_filters_are_shown_without_a_disclosure(live_site, page):
    page.goto(f"{live_site}/en/practices/")
    expect(page.get_by_role("group", name="Theme")).to_be_visible()
    expect(page.locator("details[data-filters-disclosure] summary")).to_be_hidden()
    results = page.locator(".practice-results").bounding_box()
    filters = page.locator(".practice-filters").bounding_box()
    assert filters["x"] + filters["width"] <= results["x"]  # side by side, filters first (left to right)


def test_a_visitor_picks_kenya_with_the_keyboard_and_the_server_receives_it(live_site, page, axe):
    page.goto(f"{live_site}/en/practices/share/")
    countries = page.locator("#id_countries-filter")
    expect(page.locator("#id_countries")).to_be_hidden()  # the native list, enhanced
    # The field's label now names the filter box, and the list of checkboxes as a group.
    expect(page.locator('label[for="id_countries-filter"]')).to_contain_text("Countries")
    expect(page.get_by_role("group", name="Countries")).to_be_visible()
    expect(page.locator("#id_countries_helptext")).not_to_contain_text("Ctrl")
    countries.press_sequentially("ken")
    options = page.locator(".multiselect__options li:visible")
    expect(options).to_have_count(1)
    expect(page.locator(".multiselect__status")).to_have_text("Selected: 0 · Matching: 1")
    page.keyboard.press("ArrowDown")
    kenya = page.get_by_role("checkbox", name="Kenya")
    expect(kenya).to_be_focused()
    page.keyboard.press("Space")
    expect(kenya).to_be_checked()
    expect(page.locator(".multiselect__status")).to_contain_text("Selected: 1")
    expect(page.get_by_role("button", name="Remove Kenya")).to_be_visible()
    # A second country, then its chip removed with the keyboard.
    countries.fill("")
    countries.press_sequentially("peru")
    page.keyboard.press("Enter")
    peru_chip = page.get_by_role("button", name="Remove Peru")
    expect(peru_chip).to_be_visible()
    peru_chip.focus()
    page.keyboard.press("Enter")
    expect(peru_chip).to_have_count(0)
    assert page.locator("#id_countries").evaluate("select => [...select.selectedOptions].map(o => o.value)") == ["KE"]
    assert axe(page) == []
    # Sent with the other fields empty: the form comes back with its errors and Kenya still chosen.
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the fields below")
    expect(page.get_by_role("button", name="Remove Kenya")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Kenya")).to_be_checked()
    assert page.locator("#id_countries").evaluate("select => [...select.selectedOptions].map(o => o.value)") == ["KE"]
    assert axe(page) == []


def test_the_country_picker_works_right_to_left_and_without_javascript(live_site, browser, page, axe):
    page.goto(f"{live_site}/ar/practices/share/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.locator(".multiselect__filter").press_sequentially("كيني")
    page.keyboard.press("Enter")
    chip = page.locator(".multiselect__chip")
    expect(chip).to_have_count(1)
    field = page.locator(".multiselect").bounding_box()
    box = chip.bounding_box()
    assert box["x"] + box["width"] > field["x"] + field["width"] - 40  # the chips start on the right
    assert axe(page) == []
    plain = browser.new_context(java_script_enabled=False, locale="ar").new_page()
    plain.goto(f"{live_site}/ar/practices/share/")
    expect(plain.locator("#id_countries")).to_be_visible()
    plain.locator("#id_countries").select_option(["KE", "PE"])
    plain.locator("form.public-form button[type=submit]").click()
    expect(plain.get_by_role("alert")).to_be_visible()  # the other fields are empty
    chosen = plain.locator("#id_countries").evaluate("select => [...select.selectedOptions].map(o => o.value)")
    assert sorted(chosen) == ["KE", "PE"]
    plain.context.close()


def test_the_listing_s_country_filter_narrows_as_one_types(live_site, page, axe):
    page.goto(f"{live_site}/en/practices/")
    group = page.locator("#facet-country")
    every = group.locator("li:visible").count()
    assert every > 5
    group.get_by_label("Find a country").press_sequentially("ken")
    expect(group.locator("li:visible")).to_have_count(1)
    expect(group.locator(".multiselect__status")).to_have_text("Selected: 0 · Matching: 1")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"country=KE"))
    # The listing refreshed in place: the typed filter is kept.
    expect(page.locator("#facet-country").get_by_label("Find a country")).to_have_value("ken")
    assert axe(page) == []


FOCUS = "rgb(179, 84, 30)"  # --color-focus


@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans"])
def test_a_practice_s_locator_map_names_its_country_and_leads_to_its_practices_with_the_keyboard(
    browser, live_site, axe, screenshot, lang
):
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale=lang).new_page()
    page.goto(f"{live_site}/{lang}/practices/housing-first-finland/")
    finland = geography.country_name("FI", lang)
    caption = page.locator("#locator-caption")
    expect(caption).to_contain_text(finland)
    # The drawing's text alternative is the caption, in the reader's language; it is never mirrored.
    expect(page.get_by_role("group", name=caption.text_content())).to_have_count(1)
    assert page.locator("#locator > div[dir=ltr] > svg").count() == 1
    assert len(page.locator("#locator").evaluate("figure => figure.outerHTML")) < 5_000
    assert axe(page) == []
    page.locator("#locator").scroll_into_view_if_needed()
    screenshot(page, f"practice-locator-{lang}-390")
    link = page.locator("#locator a.locator-map__place")
    expect(link).to_have_attribute("aria-label", re.compile(finland))
    start = "heading => { heading.tabIndex = -1; heading.focus(); }"  # Tab goes on from the heading
    page.locator("#facts-heading").evaluate(start)
    page.keyboard.press("Tab")
    expect(link).to_be_focused()
    assert link.locator("path").evaluate("path => getComputedStyle(path).fill") == FOCUS
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/practices/\?country=FI$"))
    expect(page.locator(".practice-card__title").first).to_be_visible()
    page.context.close()
