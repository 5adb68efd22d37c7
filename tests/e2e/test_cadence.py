"""Channel cadence and the chain from topic to impact, in a real browser:

* an editor plans a partner relay in the admin and sees the cadence report count it;
* the new public parts (the "adapted elsewhere" reports and their form, a topic and the chapter it
  became, a recommendation and the practices that implement it) pass axe-core in English and Arabic.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from cms.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

REPORT = "/admin/reports/cadence/"
PRACTICE = "practices/housing-first-finland/"
CHAPTER = "reports/rethinking-society/chapter-17/"
BRIEF = "reports/reducing-inequality/"


def relay_cell(page, week: int):
    """The English partner relays' cell of the report for the week `week` places after the first one."""
    return page.locator('#cadence-week tr[data-channel="partners"][data-language="en"] td.cadence-cell').nth(week)


def test_an_editor_plans_an_item_and_the_cadence_report_counts_it(live_site, login, axe):
    page = login("editor")
    page.goto(f"{live_site}{REPORT}")
    expect(page.locator("#cadence-week caption")).to_have_text("Weekly targets")
    cell = relay_cell(page, 6)  # two weeks ahead (four weeks back, this week, next week, then this one)
    before = int(cell.get_attribute("data-count"))
    day = cell.get_attribute("data-start")
    assert axe(page) == []

    page.goto(f"{live_site}/admin/calendar/?month={day[:7]}")
    expect(page.locator("#cadence-calendar caption")).to_be_visible()
    assert axe(page) == []
    page.get_by_role("link", name="Plan an item").click()
    page.locator("#id_channel").select_option("partners")
    page.locator("#id_locale").select_option(label="English")
    page.locator("#id_date").fill(day)
    page.locator("#id_title").fill("Relay of the Day's declaration by partner networks")
    page.locator("#id_title").click()  # closes the date picker
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url(re.compile(r"/admin/snippets/news/planneditem/"))

    page.goto(f"{live_site}{REPORT}")
    cell = relay_cell(page, 6)
    expect(cell).to_have_attribute("data-count", str(before + 1))
    page.goto(f"{live_site}/admin/calendar/?month={day[:7]}&channel=partners&language=en")
    expect(page.get_by_text("Relay of the Day's declaration by partner networks")).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_chain_from_topic_to_impact_is_accessible(browser, live_site, axe, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)
    try:
        # A member sees the published adaptations and the form to report one.
        page.goto(f"{live_site}/{lang}/account/login/?next=/{lang}/{PRACTICE}")
        page.locator("#id_email").fill("member-kwame@demo.ipsp.org")
        page.locator("#id_password").fill(DEMO_PASSWORD)
        page.locator("#login-form button[type=submit]").click()
        page.wait_for_url(re.compile(re.escape(f"/{lang}/{PRACTICE}")))
        expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
        adapted = page.locator("#adapted-elsewhere .adaptation")
        expect(adapted.first).to_be_visible()
        page.locator("#adapted-elsewhere summary").click()
        expect(page.locator("#adaptation-form")).to_be_visible()
        assert axe(page) == []

        # The chapter the selected topic became, and back to the topic.
        page.goto(f"{live_site}/{lang}/{CHAPTER}")
        origin = page.locator("#proposed-topics a").first
        expect(origin).to_be_visible()
        assert axe(page) == []
        origin.click()
        expect(page.locator("#topic-result a")).to_be_visible()
        assert axe(page) == []

        # A recommendation and the practices that put it into practice.
        page.goto(f"{live_site}/{lang}/{BRIEF}")
        expect(page.locator(".recommendation__practices a").first).to_be_visible()
        assert axe(page) == []
    finally:
        context.close()
