"""The community in a real browser, as the issue describes it end to end:

* a visitor signs up in Hindi, confirms the address from the e-mail, logs in and comments on a
  section of the draft chapter under consultation; the comment waits for a moderator (the
  consultation is pre-moderated), a moderator approves it in the admin queue, and it appears to
  the public;
* a participant proposes a topic for a report and a second participant supports it.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from tests.e2e.mail import link_in_mail

pytestmark = pytest.mark.browser

CONFIRM_LINK = re.compile(r"https?://\S+/account/confirm/[\w-]+/[\w-]+/")
CONSULTATION_EN = "/en/consultations/cities-and-the-right-to-housing/"
SECTION = "informal-settlements"
PASSWORD = "Shaharon-ka-haq-2026"


def new_page(browser, locale: str = "en-GB"):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    page = context.new_page()
    page.set_default_timeout(20_000)
    return page


def sign_up_and_log_in(page, live_site: str, lang: str, name: str, address: str) -> None:
    page.goto(f"{live_site}/{lang}/account/signup/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill(address)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#signup-form button[type=submit]").click()
    page.wait_for_url(f"{live_site}/{lang}/account/signup/sent/")
    page.goto(live_site + link_in_mail(address, CONFIRM_LINK))
    page.locator("#confirm-email button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{lang}/account/login/"))
    page.locator("#id_email").fill(address)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#login-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/{lang}/account/"))


def hindi_address(page, live_site: str) -> str:
    """The Hindi version of the consultation, from the English page's hreflang alternate."""
    page.goto(live_site + CONSULTATION_EN)
    href = page.locator('link[rel="alternate"][hreflang="hi"]').get_attribute("href")
    assert href, "the consultation has no Hindi version"
    return href


def test_a_new_participant_comments_in_hindi_and_a_moderator_publishes_it(browser, live_site, login, axe):
    stamp = int(time.time())
    address = f"priya-{stamp}@example.org"
    comment = f"अनौपचारिक बस्तियों को हटाने के बजाय उन्नत किया जाना चाहिए। ({stamp})"

    participant = new_page(browser, "hi-IN")
    sign_up_and_log_in(participant, live_site, "hi", "प्रिया शर्मा", address)
    consultation = hindi_address(participant, live_site)
    participant.goto(consultation)
    expect(participant.locator("html")).to_have_attribute("lang", "hi")
    participant.locator(f"#comment-on-{SECTION}-body").fill(comment)
    participant.locator(f"#comment-on-{SECTION}-form button[type=submit]").click()
    participant.wait_for_load_state()
    # The author sees it, marked as awaiting moderation; the public does not.
    own = participant.locator(f"#comment-on-{SECTION}-thread").get_by_text(comment)
    expect(own).to_be_visible()
    visitor = new_page(browser, "hi-IN")
    visitor.goto(consultation)
    expect(visitor.get_by_text(comment)).to_have_count(0)

    moderator = login("moderator")
    moderator.goto(f"{live_site}/admin/comment-moderation/?status=pending")
    moderator.get_by_role("link", name=re.compile(re.escape(comment[:40]))).click()
    moderator.locator('button[name="action"][value="approve"]').click()
    moderator.wait_for_url(re.compile(r"/admin/comment-moderation/"))

    visitor.goto(consultation)
    published = visitor.locator(f"#comment-on-{SECTION}-thread").get_by_text(comment)
    expect(published).to_be_visible()
    assert axe(visitor) == []


def test_a_participant_proposes_a_topic_and_another_supports_it(browser, live_site, axe):
    stamp = int(time.time())
    title = f"Care work and the welfare state ({stamp})"

    proposer = new_page(browser, "es-ES")
    sign_up_and_log_in(proposer, live_site, "es", "Lucía Fernández", f"lucia-{stamp}@example.org")
    proposer.goto(f"{live_site}/en/topics/propose/")
    proposer.locator("#id_title").fill(title)
    proposer.locator("#id_description").fill(
        "Unpaid care work sustains every economy yet is invisible in most social policy. "
        "A report should compare how welfare states recognise it, and what works."
    )
    proposer.locator('input[name="themes"]').first.check()
    proposer.locator('form:has(#id_title) button[type="submit"]').click()
    proposer.wait_for_url(re.compile(r"/en/topics/\d+/$"))
    proposal_url = proposer.url
    heading = proposer.locator("h1")
    expect(heading).to_have_text(title)
    # The proposer cannot support their own proposal: no support button for them.
    expect(proposer.locator('button[name="action"][value="support"]')).to_have_count(0)

    supporter = new_page(browser, "fr-FR")
    sign_up_and_log_in(supporter, live_site, "fr", "Awa Diop", f"awa-{stamp}@example.org")
    supporter.goto(proposal_url)
    count = supporter.locator("#support-" + proposal_url.rstrip("/").rsplit("/", 1)[1] + " .topic-support__count")
    expect(count.locator("strong")).to_have_text("0")
    supporter.locator('button[name="action"][value="support"]').click()
    supporter.wait_for_load_state()
    expect(count.locator("strong")).to_have_text("1")
    expect(supporter.locator('button[name="action"][value="withdraw"]')).to_be_visible()
    assert axe(supporter) == []
