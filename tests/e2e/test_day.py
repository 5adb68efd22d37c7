"""World Social Progress Day in a real browser: a visitor endorses the 2026 declaration, confirms it
from the e-mail the server sent, and sees the count rise; the Day page passes axe in English and Arabic.

The confirmation e-mail is read where the server wrote it (tests/e2e/mail.py).
"""

import re
import time

import pytest
from playwright.sync_api import expect

from tests.e2e.mail import link_in_mail

pytestmark = pytest.mark.browser

DAY_2026 = "/{lang}/events/day-2026/"
CONFIRM_LINK = re.compile(r"https?://\S+/endorse/confirm/[\w-]+/")


def confirmation_link(address: str) -> str:
    return link_in_mail(address, CONFIRM_LINK)


def total(page) -> int:
    text = page.locator("#endorsement-total").inner_text()
    match = re.match(r"\s*(\d+) confirmed endorsement", text)
    return int(match[1]) if match else 0


def test_a_visitor_endorses_the_declaration_confirms_by_e_mail_and_the_count_rises(live_site, page, axe):
    stamp = int(time.time())
    organisation = f"Sahel Women's Network {stamp}"
    address = f"amina-{stamp}@example.org"
    page.goto(live_site + DAY_2026.format(lang="en"))
    before = total(page)

    page.get_by_role("button", name="Endorse the declaration").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the fields below")
    page.get_by_label("Your name").fill("Amina Diallo")
    page.get_by_role("textbox", name="Organisation", exact=True).fill(organisation)
    page.get_by_role("combobox", name="Country").select_option("SN")
    page.get_by_label("Your e-mail address").fill(address)
    page.get_by_label("I endorse this declaration").check()
    page.get_by_role("button", name="Endorse the declaration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your inbox")
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text("confirm your endorsement")

    page.goto(live_site + DAY_2026.format(lang="en"))
    assert total(page) == before  # not counted before it is confirmed
    expect(page.get_by_text(organisation)).to_have_count(0)

    page.goto(live_site + confirmation_link(address))
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your endorsement")
    expect(page.get_by_text(f"{organisation} (Senegal)")).to_be_visible()
    page.get_by_role("button", name="Confirm my endorsement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your endorsement is confirmed")
    page.get_by_role("link", name="See the endorsements").click()

    expect(page.locator("#endorsement-total")).to_contain_text(f"{before + 1} confirmed endorsement")
    expect(page.locator(".endorsers")).to_contain_text(organisation)
    expect(page.locator("table", has_text="By country or territory").locator("tr", has_text="Senegal")).to_be_visible()


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_day_page_has_no_accessibility_violations(live_site, page, axe, screenshot, lang):
    page.goto(live_site + DAY_2026.format(lang=lang))
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if lang == "ar" else "ltr")
    assert axe(page) == []
    screenshot(page, f"day-2026-{lang}")
    # With errors shown, too: the error summary and the fields it links to.
    page.locator(".endorse-form button[type=submit]").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert axe(page) == []


def test_a_journalist_meets_the_site_login_at_the_press_room_and_lands_back_in_it(live_site, page, axe):
    page.goto(f"{live_site}/en/events/press-room/")
    # The site's own login page, in its design, asking for an e-mail address (not Wagtail's "Username").
    expect(page).to_have_url(re.compile(r"/en/account/login/\?next=/en/events/press-room/$"))
    expect(page.locator("header.site-header")).to_be_visible()
    expect(page.get_by_label("Username")).to_have_count(0)
    assert axe(page) == []
    page.get_by_label("E-mail address").fill("journalist@demo.ipsp.org")
    page.get_by_label("Password").fill("ipsp-demo-2026")
    page.locator("#login-form button[type=submit]").click()
    expect(page).to_have_url(f"{live_site}/en/events/press-room/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Press room")
