"""Partner organisations in a real browser: a member declares an affiliation from a partner's
page, the organisation's administrator confirms it on the management page, and the member then
appears on the partner's page for every visitor."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from cms.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

PARTNER = "/en/partners/urban-poor-federations-network/"


def _log_in(browser, live_site, email: str, next_url: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_site}/en/account/login/?next={next_url}")
    page.locator("#id_email").fill(email)
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("#login-form button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(next_url)))
    return context, page


def test_a_member_declares_an_affiliation_and_the_partner_administrator_confirms_it(browser, live_site, axe):
    member_context, member = _log_in(browser, live_site, "participant@demo.ipsp.org", PARTNER)
    member.get_by_role("button", name="I work with this organisation").click()
    expect(
        member.get_by_text("Thank you: the organisation’s administrators will confirm your affiliation.")
    ).to_be_visible()
    expect(member.locator("#partner-members").get_by_text("Demo Participant")).to_have_count(0)
    member_context.close()

    admin_context, admin = _log_in(browser, live_site, "partner-admin@demo.ipsp.org", PARTNER + "manage/")
    row = admin.locator("#affiliations li", has_text="Demo Participant")
    row.get_by_role("button", name="Confirm").click()
    expect(admin.get_by_text("The affiliation is confirmed.")).to_be_visible()
    assert axe(admin) == []
    admin_context.close()

    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(live_site + PARTNER)
    expect(visitor.locator("#partner-members").get_by_text("Demo Participant")).to_be_visible()
    assert axe(visitor) == []
    visitor.context.close()


def test_a_visitor_reaches_the_partners_of_a_country_from_the_world_map_with_the_keyboard(browser, live_site, axe):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ar").new_page()
    page.goto(live_site + "/ar/partners/")
    kenya = page.locator('#partners-map a[href$="?country=KE"]')
    expect(kenya).to_have_attribute("aria-label", re.compile("^كينيا: "))
    assert page.locator("#partners-map [dir=ltr] svg").count() == 1  # never mirrored in Arabic
    kenya.focus()
    expect(kenya).to_be_focused()
    assert axe(page) == []
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?country=KE$"))
    cards = page.locator(".partners-card")
    expect(cards.first).to_be_visible()
    assert cards.count() >= 4
    assert axe(page) == []
    page.context.close()


@pytest.mark.parametrize(
    ("path", "card", "filter_link"),
    [
        ("/en/partners/?type=ngo", ".partners-card", ".partners-facets a"),
        ("/en/communities/?region=142", ".communities-card", "#communities-region"),
    ],
)
def test_on_a_phone_the_directories_fold_their_filters_and_a_wide_screen_shows_them(
    browser, live_site, axe, path, card, filter_link
):
    from tests.e2e.test_practices import phone_page, tab_to

    page = phone_page(browser)
    page.goto(live_site + path)
    disclosure = page.locator("details[data-filters-disclosure]")
    summary = disclosure.locator("summary")
    expect(summary).to_have_text("Filters (1)")
    expect(page.locator(filter_link).first).to_be_hidden()
    expect(page.locator(card).first).to_be_visible()
    assert page.locator(card).first.bounding_box()["y"] < 844 * 1.5  # results come soon, not after every filter
    assert axe(page) == []
    tab_to(page, summary)
    page.keyboard.press("Enter")
    expect(disclosure).to_have_attribute("open", "")
    expect(page.locator(filter_link).first).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(summary).to_be_hidden()
    expect(page.locator(filter_link).first).to_be_visible()
    page.context.close()
