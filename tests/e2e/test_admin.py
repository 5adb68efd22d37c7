"""The admin in a real browser: logging in, and a page going through expert review to publication."""

import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_admin_login(live_site, page):
    page.goto(f"{live_site}/admin/")
    page.wait_for_url(f"{live_site}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Your username and password didn't match")).to_be_visible()
    page.get_by_label("Password").fill("ipsp-demo-2026")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_site}/admin/")
    expect(page.get_by_role("heading", name="International Panel on Social Progress")).to_be_visible()


def approve_on_dashboard(page, live_site: str, title: str, *, assess: bool = False, page_id: int | None = None) -> str:
    """Approve the page from the dashboard; an expert (`assess=True`) rates it against the criteria first.
    `page_id` finds the row by its edit link (a translation on a fallback is listed under the title
    readers still see). The approver is told, and the page leaves their "Awaiting your review"."""
    page.goto(f"{live_site}/admin/")
    if page_id is not None:
        row = page.locator("#awaiting-review-section tr", has=page.locator(f'a[href="/admin/pages/{page_id}/edit/"]'))
    else:
        row = page.locator("#awaiting-review-section tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    # "Approve", or "Approve (from Europe: an expert from another region must also approve)".
    row.get_by_role("button", name=re.compile(r"^Approve(?! with comment)")).click()
    if assess:
        modal = page.locator(".modal-content")
        criteria = ("Evidence of results", "Relevance to social progress", "Adaptability elsewhere")
        for criterion in (*criteria, "Participation of those affected"):
            # Nothing is pre-set: the expert chooses each rating.
            expect(modal.get_by_role("group", name=criterion).locator("input:checked")).to_have_count(0)
        for criterion in criteria:
            modal.get_by_role("group", name=criterion).get_by_label("Meets the criterion", exact=True).check()
        modal.get_by_role("group", name="Participation of those affected").get_by_label(
            "Partly meets the criterion"
        ).check()
        modal.get_by_label("Assessment").fill("Well documented; relevant to the Panel's themes.")
        modal.get_by_label("Name me as a reviewer on the public page").check()
        modal.get_by_role("button", name=re.compile(r"^Approve")).click()
        expect(modal).to_be_hidden()
    page.wait_for_load_state("networkidle")
    expect(page.locator(".messages")).to_contain_text("left your queue")
    told = page.locator(".messages").inner_text()
    page.goto(f"{live_site}/admin/")
    if page_id is not None:
        gone = page.locator("#awaiting-review-section tr", has=page.locator(f'a[href="/admin/pages/{page_id}/edit/"]'))
    else:
        gone = page.locator("#awaiting-review-section tr", has_text=title)
    expect(gone).to_have_count(0)
    return told


def test_editor_submits_expert_reviewer_approves_moderator_publishes(live_site, page, login, screenshot):
    title = f"Brief on care work {int(time.time())}"
    slug = title.lower().replace(" ", "-")

    editor = login("editor")
    editor.goto(f"{live_site}/en/reports/")
    add_url = editor.locator('a[href*="/add_subpage/"]').first.get_attribute("href")
    editor.goto(add_url if add_url.startswith("http") else f"http:{add_url}")
    editor.get_by_role("link", name="Standard page", exact=True).click()  # the reports tree offers several page types
    editor.locator("#id_title").fill(title)
    editor.locator("#id_introduction").fill("Care work sustains every society and is rarely counted.")
    editor.get_by_role("tab", name="Promote").click()
    editor.locator("#id_slug").fill(slug)
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Submit to Expert review").click()
    editor.wait_for_load_state()
    expect(editor.locator(".messages")).to_contain_text("created and submitted for moderation")
    assert page.goto(f"{live_site}/en/reports/{slug}/").status == 404  # a draft is never public

    reviewer = login("reviewer")
    screenshot(reviewer, "admin-reviewer-dashboard")
    approve_on_dashboard(reviewer, live_site, title, assess=True)
    assert page.goto(f"{live_site}/en/reports/{slug}/").status == 404  # still waiting for sign-off

    moderator = login("moderator")
    approve_on_dashboard(moderator, live_site, title)
    # Under load the first reader has, twice in CI, met a 404 a second after the approval's answer
    # (cause not yet found); a reader a few seconds later must find the page. Never public: fails.
    for _attempt in range(20):
        response = page.goto(f"{live_site}/en/reports/{slug}/")
        if response.status == 200:
            break
        page.wait_for_timeout(500)
    assert response.status == 200
    assert page.locator("h1").inner_text() == title
