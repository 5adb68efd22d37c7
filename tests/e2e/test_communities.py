"""Communities of practice in a real browser: a participant joins an open community and posts in
its discussion; the message is published at once (post-moderation) and a visitor reads it."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from cms.demo import DEMO_PASSWORD

pytestmark = pytest.mark.browser

COMMUNITY = "/en/communities/climate-and-livelihoods-in-the-pacific/"


def test_a_participant_joins_an_open_community_and_posts_in_it(browser, live_site, axe):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"{live_site}/en/account/login/?next={COMMUNITY}")
    page.locator("#id_email").fill("participant@demo.ipsp.org")
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.locator("#login-form button[type=submit]").click()
    page.wait_for_url(re.compile(re.escape(COMMUNITY)))

    page.get_by_role("button", name="Join the community").click()
    expect(page.get_by_text("Welcome: you are now a member of this community.")).to_be_visible()
    expect(page.get_by_role("button", name="Leave the community")).to_be_visible()

    message = f"Our island relocated its school after the floods; happy to share the plan. ({int(time.time())})"
    page.locator("#discussion-body").fill(message)
    page.locator("#discussion-form button[type=submit]").click()
    expect(page.get_by_text("Thank you: your message is published.")).to_be_visible()
    expect(page.locator("#discussion-thread").get_by_text(message)).to_be_visible()
    assert axe(page) == []

    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(live_site + COMMUNITY)
    expect(visitor.get_by_text(message)).to_be_visible()
    context.close()
