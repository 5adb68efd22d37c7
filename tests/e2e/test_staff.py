"""The staff's day in a real browser (issue 19): what an expert, a moderator, an editor and a
translator each do, and what got in their way before."""

import re
import time

import pytest
from playwright.sync_api import expect

from tests.e2e.test_admin import approve_on_dashboard
from tests.e2e.test_translation import admin_page_id

pytestmark = pytest.mark.browser


def share_practice(page, live_site: str, title: str, country: str) -> None:
    """A visitor proposes a practice through the public form (it enters expert review)."""
    page.goto(f"{live_site}/en/practices/share/")
    page.get_by_label("Name of the practice").fill(title)
    page.get_by_label("Summary").fill("Volunteers repair household objects with their owners, every Saturday.")
    page.get_by_label("Lead organisation").fill("Repair Café Lyon")
    page.locator("#id_countries-filter").fill(country)  # the searchable list (multiselect.js)
    page.keyboard.press("Enter")  # the only match is ticked
    page.get_by_role("group", name="Themes").get_by_label("Environment").check()
    page.locator("#id_scale").select_option("local")
    page.get_by_label("Who runs it?").select_option("community")
    page.get_by_label("Your name").fill("Camille Martin")
    page.get_by_label("Your e-mail address").fill("camille@example.org")
    page.get_by_label("The information is accurate").check()
    page.get_by_role("button", name="Send for review").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Thank you")


def test_an_expert_is_told_the_approval_counted_and_cannot_approve_twice(live_site, page, login):
    title = f"Repair cafés of Lyon {int(time.time())}"
    share_practice(page, live_site, title, "France")

    reviewer = login("reviewer")  # Europe, like the practice: an expert of another region must also approve
    stale_tab = reviewer.context.new_page()
    stale_tab.goto(f"{live_site}/admin/")  # opened before approving, so it still offers the button
    told = approve_on_dashboard(reviewer, live_site, title, assess=True)  # confirmed, and gone from the queue
    assert "waits for an expert from another region" in told

    row = stale_tab.locator("#awaiting-review-section tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name=re.compile(r"^Approve(?! with comment)")).click()
    expect(stale_tab.locator(".messages")).to_contain_text("You have already approved")

    # An expert from another region completes the review; the moderator signs off, and is told too.
    approve_on_dashboard(login("reviewer-africa"), live_site, title, assess=True)
    moderator = login("moderator")
    approve_on_dashboard(moderator, live_site, title)
    page.goto(f"{live_site}/en/practices/?q=Repair")
    expect(page.locator(".practice-card", has_text=title)).to_have_count(1)


def test_the_theme_chooser_offers_only_the_themes_of_the_pages_language(live_site, login):
    editor = login("editor")
    english_id = admin_page_id(editor, live_site, "Barefoot")
    editor.goto(f"{live_site}/admin/pages/{english_id}/edit/")
    editor.get_by_role("tab", name="Classification").click()
    themes = editor.locator('input[name="themes"]')
    expect(themes.first).to_be_visible()
    labels = [
        label.strip()
        for label in editor.locator('input[name="themes"] + *, label:has(input[name="themes"])').all_inner_texts()
    ]
    assert labels and len(labels) == len(set(labels))  # no "Culture, Culture"
    assert "Salud" not in " ".join(labels) and "Santé" not in " ".join(labels)
    assert themes.count() < 20  # one language's themes, not ten languages' (about 100)
