"""Practices in a real browser: faceted browsing in Spanish and Arabic, and a visitor's practice
going through expert review and editorial sign-off into the listing."""

import re
import time

import pytest
from playwright.sync_api import expect

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
    page.get_by_label("Countries").select_option("PE")
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
    assert axe(page) == []
