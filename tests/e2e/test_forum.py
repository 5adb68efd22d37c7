"""The Forum in a real browser: the 2027 programme in Portuguese and Russian with times in Dhaka,
"Add to calendar" downloading an iCalendar file that calendars can read, and no accessibility
violations on the edition page in English and Arabic."""

import datetime
import re
from pathlib import Path

import pytest
from icalendar import Calendar
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MONTHS = {"pt": re.compile("junho", re.IGNORECASE), "ru": re.compile("июня")}


@pytest.mark.parametrize("lang", ["pt", "ru"])
def test_visitor_reads_the_programme_and_adds_a_session_to_their_calendar(live_site, page, lang):
    page.goto(f"{live_site}/{lang}/events/forum/2027-dhaka/")
    expect(page.locator("html")).to_have_attribute("lang", lang)
    first_day = page.locator(".programme-day").first
    expect(first_day.get_by_role("heading", level=3)).to_have_text(MONTHS[lang])
    opening = first_day.locator(".session").first
    expect(opening.locator(".session__time")).to_have_text("09:00–10:30 (Asia/Dhaka, UTC+06:00)")
    title = opening.get_by_role("heading", level=4).inner_text()

    with page.expect_download() as download_info:
        opening.locator(".session__calendar a").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    (event,) = Calendar.from_ical(Path(download.path()).read_bytes()).walk("VEVENT")
    assert str(event["SUMMARY"]) == title  # the session's title in the page's language
    start = event.decoded("DTSTART")
    assert start.tzinfo.key == "Asia/Dhaka"
    assert start.astimezone(datetime.UTC) == datetime.datetime(2027, 6, 14, 3, 0, tzinfo=datetime.UTC)

    with page.expect_download() as download_info:
        page.locator(".programme__calendar a").click()
    calendar = Calendar.from_ical(Path(download_info.value.path()).read_bytes())
    assert len(calendar.walk("VEVENT")) == page.locator(".session").count()
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Dhaka"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_edition_page_has_no_accessibility_violations(live_site, page, axe, screenshot, lang):
    page.goto(f"{live_site}/{lang}/events/forum/2027-dhaka/")
    expect(page.locator(".session").first).to_be_visible()
    assert axe(page) == []
    screenshot(page, f"forum-2027-{lang}")


def test_the_registration_form_has_no_accessibility_violations_and_keeps_typed_data(live_site, page, axe):
    page.goto(f"{live_site}/en/events/forum/2027-dhaka/register/")
    assert axe(page) == []
    page.get_by_label("Your name").fill("Rina Akter")
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the fields below")
    expect(page.get_by_label("Your name")).to_have_value("Rina Akter")
    assert axe(page) == []


INK = "rgb(27, 31, 36)"  # --color-ink: a focused marker turns dark (the accent is the focus colour)


@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans"])
def test_a_visitor_reaches_an_edition_from_the_map_of_editions_with_the_keyboard(
    browser, live_site, axe, screenshot, lang
):
    page = browser.new_context(viewport={"width": 390, "height": 844}, locale=lang).new_page()
    page.goto(f"{live_site}/{lang}/events/forum/")
    markers = page.locator("#forum-map a.world-map__marker")
    assert markers.count() >= 3
    for index in range(markers.count()):  # each named, for screen readers and as a tooltip
        assert markers.nth(index).get_attribute("aria-label")
    # Never mirrored: Montréal (west) stays left of Dhaka (east) in Arabic too.
    assert page.locator("#forum-map [dir=ltr] svg").count() == 1
    west = page.locator('#forum-map a[href$="2026-montreal/"] circle').bounding_box()
    east = page.locator('#forum-map a[href$="2027-dhaka/"] circle').bounding_box()
    assert west and east and west["x"] < east["x"]
    assert west["width"] >= 12  # a finger's size on a phone
    # The map's text alternative: its title, and the table of editions behind the disclosure.
    expect(page.get_by_role("group", name=page.locator("#forum-map-title").text_content())).to_have_count(1)
    page.locator("#forum-map summary").click()
    expect(page.locator("#forum-map table tbody tr")).to_have_count(markers.count())
    assert axe(page) == []
    screenshot(page, f"forum-map-{lang}-390")
    # Keyboard: from the page's title, Tab reaches the first marker, which shows its focus; Enter opens it.
    page.locator("h1").evaluate("heading => { heading.tabIndex = -1; heading.focus(); }")  # Tab from here
    page.keyboard.press("Tab")
    focused = markers.first
    expect(focused).to_be_focused()
    circle = focused.locator("circle")
    assert circle.evaluate("circle => getComputedStyle(circle).fill") == INK
    assert markers.nth(1).locator("circle").evaluate("circle => getComputedStyle(circle).fill") != INK
    href = focused.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_site}{href}")
    expect(page.locator("h1")).to_be_visible()
    page.context.close()
