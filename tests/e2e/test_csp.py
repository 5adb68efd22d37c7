"""The Wagtail admin's page editor and wagtail-localize's translation editor still work under the
production Content-Security-Policy (the test settings send it, cms.headers), and a public page
runs its scripts under the strict policy: no violation is reported in the browser's console."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_translation import admin_page_id

pytestmark = pytest.mark.browser


def watch_console(page) -> list[str]:
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if "Content Security Policy" in message.text or message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    return problems


def test_the_page_editor_works_under_the_admin_policy(live_site, login):
    editor = login("editor")
    problems = watch_console(editor)
    page_id = admin_page_id(editor, live_site, "About")
    response = editor.goto(f"{live_site}/admin/pages/{page_id}/edit/")
    assert "script-src 'self' 'unsafe-inline'" in response.headers["content-security-policy"]
    title = editor.locator("#id_title")
    title.fill("About the Panel (checked under CSP)")
    # The actions menu is JavaScript: it opens only if the admin's scripts run.
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Save draft").click()
    expect(editor.locator(".messages")).to_contain_text("has been updated")
    assert problems == []


def test_the_translation_editor_works_under_the_admin_policy(live_site, login):
    translator = login("translator-fr")
    problems = watch_console(translator)
    translator.goto(f"{live_site}/admin/pages/search/?q=propos")  # "À propos du Panel"
    link = translator.locator('a[href^="/admin/pages/"][href$="/edit/"]').first
    page_id = int(re.search(r"/admin/pages/(\d+)/edit/", link.get_attribute("href")).group(1))
    translator.goto(f"{live_site}/admin/pages/{page_id}/edit/")
    # wagtail-localize's React editor renders one button per segment.
    segments = translator.get_by_role("button", name=re.compile(r"^(Translate|Edit)$"))
    expect(segments.first).to_be_visible()
    segments.first.click()
    expect(translator.locator("textarea").first).to_be_visible()
    assert problems == []


def test_public_scripts_run_under_the_strict_policy(live_site, page):
    problems = watch_console(page)
    response = page.goto(f"{live_site}/en/practices/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy
    page.get_by_role("searchbox").first.fill("water")  # autocomplete.js and browse.js are loaded
    page.wait_for_load_state("networkidle")
    assert problems == []
