"""Share kits in a real browser: a member relays the flagship report on X with one click (the
network's page is stubbed) and sees their count move; the partner administrator relays for their
organisation; an editor reads the multiplier; the kit page is accessible in English and Arabic."""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import expect

from cms.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

REPORT_KIT = "/{lang}/reports/rethinking-society/share/"
PRACTICE_KIT = "/{lang}/practices/rwanda-community-health-workers/share/"


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


def _count(locator) -> int:
    return int(re.search(r"\d+", locator.inner_text()).group())


def test_a_member_relays_with_one_click_and_sees_the_count_move(browser, live_site, axe):
    url = REPORT_KIT.format(lang="en")
    context, page = _log_in(browser, live_site, "participant@demo.ipsp.org", url)
    counts = page.get_by_test_id("own-counts")
    before = _count(counts)
    text = page.get_by_label("Text for X").input_value()
    assert re.search(r"/s/[\w-]+/$", text)  # the member's own short link
    # The network's posting page is not reached from a test machine: the relay's answer is checked.
    with page.expect_response(re.compile(r"/share/relay/$")) as relayed:
        page.get_by_role("button", name="Relay on X").click()
    location = relayed.value.headers["location"]
    assert location.startswith("https://x.com/intent/post?text=")
    assert text.rsplit(maxsplit=1)[-1] in unquote(location)  # with the member's own link
    page.wait_for_url(lambda address: "/share/" not in address)  # gone to the network (or its error page here)
    page.goto(live_site + url)
    expect(page.get_by_test_id("own-counts")).to_contain_text(f"You relayed this page {before + 1} time")
    assert axe(page) == []
    context.close()


def test_a_partner_administrator_relays_for_the_organisation_and_the_editor_sees_it(browser, live_site, login, axe):
    url = PRACTICE_KIT.format(lang="ar")
    context, page = _log_in(browser, live_site, "partner-admin@demo.ipsp.org", url)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    partner = page.locator(".share-kit__partner").first
    before = _count(partner.get_by_test_id("partner-counts"))
    with page.expect_response(re.compile(r"/share/relay/$")) as relayed:
        partner.locator("button[value=whatsapp]").click()
    assert relayed.value.headers["location"].startswith("https://wa.me/?text=")
    page.wait_for_url(lambda address: "/share/" not in address)
    page.goto(live_site + url)
    expect(page.locator(".share-kit__partner").first.get_by_test_id("partner-counts")).to_contain_text(str(before + 1))
    assert axe(page) == []
    context.close()

    editor = login("editor")
    editor.goto(f"{live_site}/admin/reports/share-kits/?language=ar")
    row = editor.get_by_test_id("share-report-row").filter(has_text="WhatsApp")
    expect(row.first).to_be_visible()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_share_kit_page_is_accessible_for_readers(page, live_site, axe, language):
    page.goto(live_site + REPORT_KIT.format(lang=language))
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("img.share-kit__card")).to_have_js_property("naturalWidth", 1200)
    assert page.locator("textarea.share-kit__text").count() == 5
    assert axe(page) == []
