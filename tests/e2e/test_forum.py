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
