"""The Awards in a real browser: a visitor nominates for the 2027 Awards (after a validation error),
and the edition pages pass axe-core in English and Arabic."""

import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_visitor_nominates_for_the_2027_awards_after_correcting_an_error(live_site, page, axe):
    nominee = f"Community kitchens of Lima {int(time.time())}"
    page.goto(f"{live_site}/en/events/awards/2027/")
    page.get_by_role("link", name="Make a nomination").click()
    expect(page).to_have_url(f"{live_site}/en/events/awards/2027/nominate/")
    assert axe(page) == []

    page.get_by_role("group", name="Who or what do you nominate?").get_by_label("An organisation").check()
    page.get_by_role("group", name="Category").get_by_label("Organisation", exact=True).check()
    page.get_by_label("Name of the nominee").fill(nominee)
    page.get_by_label("Links (optional)").fill("https://comedores.example.org\nnot a link")
    page.get_by_label("Your name").fill("Ana Quispe")
    page.get_by_label("Your e-mail address").fill("ana@example.org")
    page.get_by_label("The information is accurate").check()
    page.get_by_role("button", name="Send the nomination").click()  # no justification, one bad link

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Please correct the fields below")
    expect(alert).to_contain_text("Why does the nominee deserve the award?")
    expect(alert).to_contain_text("not a link")
    expect(page.get_by_label("Name of the nominee")).to_have_value(nominee)  # nothing typed is lost
    expect(page.get_by_role("group", name="Category").get_by_label("Organisation", exact=True)).to_be_checked()
    assert axe(page) == []

    page.get_by_label("Why does the nominee deserve the award?").fill(
        "Forty years of neighbourhood kitchens run by women's organisations feed thousands of families."
    )
    page.get_by_label("Links (optional)").fill("https://comedores.example.org")
    page.get_by_label("The information is accurate").check()
    page.get_by_role("button", name="Send the nomination").click()
    expect(page).to_have_url(f"{live_site}/en/events/awards/2027/nominate/thanks/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_2027_edition_page_has_no_accessibility_violations(live_site, page, axe, language):
    page.goto(f"{live_site}/{language}/events/awards/2027/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe(page) == []


def test_the_2026_results_with_the_jurys_scores_have_no_accessibility_violations(live_site, page, axe, screenshot):
    page.goto(f"{live_site}/en/events/awards/2026/")
    expect(page.get_by_role("heading", level=2, name="Finalists and winners")).to_be_visible()
    expect(page.locator("table.score-distribution")).to_have_count(3)
    assert axe(page) == []
    screenshot(page, "awards-2026-results")
