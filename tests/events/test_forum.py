"""The World Social Progress Forum: edition pages in every script with times in the venue's zone,
iCalendar files, registration with capacity and waiting list, the index and its continents, the admin."""

import datetime
import re
import zoneinfo

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, translation
from django.utils.translation import gettext
from icalendar import Calendar

from cms import geography
from cms.factories import PersonFactory
from events.factories import ForumEditionPageFactory
from events.models import ForumEditionPage, ForumIndexPage, ForumRegistration

pytestmark = pytest.mark.django_db

DHAKA = "/{lang}/events/forum/2027-dhaka/"
VALID = {
    "name": "Ana Quispe",
    "email": "ana@example.org",
    "organisation": "Federación de Comedores Populares",
    "country": "PE",
    "consent": "on",
    "homepage": "",
}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def edition(lang: str = "en", slug: str = "2027-dhaka") -> ForumEditionPage:
    return ForumEditionPage.objects.get(slug=slug, locale__language_code=lang)


def set_for_every_language(page: ForumEditionPage, **fields) -> None:
    """Registration settings are synchronised across languages: change them in all of them."""
    ForumEditionPage.objects.filter(translation_key=page.translation_key).update(**fields)


def register(client, lang: str = "en", address: str = "198.51.100.1", **data):
    return client.post(f"{DHAKA.format(lang=lang)}register/", {**VALID, **data}, REMOTE_ADDR=address)


# --- The edition page ----------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "month"), [("en", "June"), ("ar", "يونيو"), ("hi", "जून"), ("bn", "জুন")])
def test_edition_page_shows_dates_in_the_readers_language_and_times_with_the_venue_offset(client, lang, month):
    response = client.get(DHAKA.format(lang=lang))
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{lang}"' in content
    with translation.override(lang):
        first_day = formats.date_format(datetime.date(2027, 6, 14), "DATE_FORMAT")
        weekday = formats.date_format(datetime.date(2027, 6, 14), "l")
    assert month in first_day and first_day in content and weekday in content
    assert geography.country_name("BD", lang) in content
    opening = content.split('class="session"')[1]
    assert '<time datetime="2027-06-14T09:00:00+06:00">09:00</time>' in opening
    assert '<time datetime="2027-06-14T10:30:00+06:00">10:30</time>' in opening
    assert '(<span dir="ltr">Asia/Dhaka</span>, UTC+06:00)' in opening
    # Languages by their own names, marked up in their language; speakers linking to their pages.
    assert '<bdi lang="bn">বাংলা</bdi>' in opening and '<bdi lang="ar">العربية</bdi>' in opening
    assert re.search(rf'<a href="/{lang}/authors/[\w-]+/">', opening)
    assert f'href="/{lang}/events/forum/2027-dhaka/ics/"' in content


def test_session_text_is_in_the_pages_language(client):
    page = edition("ar")
    arabic_title = page.sessions()[0].title
    assert arabic_title != edition("en").sessions()[0].title
    assert arabic_title in client.get(DHAKA.format(lang="ar")).content.decode()


def test_offsets_follow_daylight_saving_time_at_the_venue(client):
    content = client.get("/en/events/forum/2026-montreal/").content.decode()
    assert '(<span dir="ltr">America/Toronto</span>, UTC-04:00)' in content  # June: Eastern Daylight Time


def test_a_session_past_midnight_ends_the_next_day(locales):
    forum = ForumIndexPage.objects.get(locale=locales["en"])
    page = ForumEditionPageFactory(
        parent=forum, time_zone="Asia/Kolkata", programme=programme(1, [], start="23:00", end="00:30")
    )
    session = page.sessions()[0]
    assert session.end - session.start == datetime.timedelta(minutes=90)
    assert session.offset == "UTC+05:30"


def programme(count: int, speakers: list, start: str = "09:00", end: str = "10:00") -> list:
    sessions = [
        {
            "title": f"Session {number}",
            "start": datetime.time.fromisoformat(start),
            "end": datetime.time.fromisoformat(end),
            "room": "Hall A",
            "format": "panel",
            "languages": ["en", "es"],
            "interpretation": ["ar"],
            "speakers": speakers[number * 2 % len(speakers) : number * 2 % len(speakers) + 2] if speakers else [],
            "description": "",
        }
        for number in range(count)
    ]
    return [("day", {"date": datetime.date(2031, 6, 10), "title": "", "sessions": sessions})]


def test_edition_page_queries_do_not_grow_with_sessions_and_speakers(client, locales):
    forum = ForumIndexPage.objects.get(locale=locales["en"])
    speakers = [PersonFactory(locale=locales["en"], slug=f"speaker-{number}") for number in range(40)]
    small = ForumEditionPageFactory(parent=forum, slug="small", programme=programme(2, speakers))
    large = ForumEditionPageFactory(parent=forum, slug="large", programme=programme(20, speakers))
    for page in (small, large):
        client.get(page.url)  # warm the per-process caches (site root paths, locales)
    with CaptureQueriesContext(connection) as two:
        response = client.get(small.url)
    assert response.content.decode().count('class="session"') == 2
    with CaptureQueriesContext(connection) as twenty:
        response = client.get(large.url)
    content = response.content.decode()
    assert content.count('class="session"') == 20 and content.count("/en/authors/speaker-") == 40
    # Wagtail's SnippetChooserBlock.bulk_to_python fetches every speaker of the StreamField at once.
    assert len(two) == len(twenty)
    assert sum("cms_person" in query["sql"] for query in twenty.captured_queries) == 1


# --- iCalendar ------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_the_whole_programme_downloads_as_icalendar_in_the_venues_time_zone(client, lang):
    response = client.get(f"{DHAKA.format(lang=lang)}ics/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ipsp-forum-2027-dhaka.ics"'
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0" and "International Panel on Social Progress" in calendar["PRODID"]
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Dhaka"]
    page = edition(lang)
    sessions = page.sessions()
    events = calendar.walk("VEVENT")
    assert len(events) == len(sessions) == 6
    opening = events[0]
    start, end = opening.decoded("DTSTART"), opening.decoded("DTEND")
    assert start.tzinfo.key == "Asia/Dhaka" and "TZID=Asia/Dhaka" in response.content.decode()
    assert (start.hour, start.minute) == (9, 0) and (end.hour, end.minute) == (10, 30)
    assert start.astimezone(datetime.UTC).replace(tzinfo=None) == datetime.datetime(2027, 6, 14, 3, 0)
    assert str(opening["SUMMARY"]) == sessions[0].title  # Arabic text intact in the Arabic file
    assert opening["SUMMARY"].params["LANGUAGE"] == lang
    assert opening["UID"] == f"{sessions[0].id}-{page.translation_key}-{lang}@ipsp.org"
    location = str(opening["LOCATION"])
    assert sessions[0].room in location and page.venue in location and page.host_city in location
    assert str(opening["URL"]).endswith(f"/{lang}/events/forum/2027-dhaka/#session-{sessions[0].id}")
    assert "Olivier Bouin" in str(opening["DESCRIPTION"])
    assert len({str(event["UID"]) for event in events}) == 6


def test_arabic_titles_survive_the_round_trip(client):
    content = client.get(f"{DHAKA.format(lang='ar')}ics/").content
    summaries = [str(event["SUMMARY"]) for event in Calendar.from_ical(content).walk("VEVENT")]
    assert summaries == [session.title for session in edition("ar").sessions()]
    assert all(re.search("[\u0600-\u06ff]", summary) for summary in summaries)


def test_one_session_downloads_with_the_same_uid_before_and_after_an_edit(client):
    page = edition("en")
    session = page.sessions()[3]
    url = f"{DHAKA.format(lang='en')}sessions/{session.id}/ics/"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="ipsp-forum-2027-dhaka-{session.id[:8]}.ics"'
    (event,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert event["SUMMARY"] == session.title == "Health close to home"
    assert event.decoded("DTSTART") == datetime.datetime(2027, 6, 15, 9, 30, tzinfo=zoneinfo.ZoneInfo("Asia/Dhaka"))
    uid = str(event["UID"])

    page.programme[1].value["sessions"][0]["title"] = "Health close to home, and far from it"
    page.save_revision().publish()
    (event,) = Calendar.from_ical(client.get(url).content).walk("VEVENT")
    assert str(event["UID"]) == uid and event["SUMMARY"] == "Health close to home, and far from it"


def test_the_same_session_has_its_own_uid_in_each_language(client):
    uids = {}
    for lang in ("en", "ar"):
        session = edition(lang).sessions()[0]
        content = client.get(f"{DHAKA.format(lang=lang)}sessions/{session.id}/ics/").content
        uids[lang] = str(Calendar.from_ical(content).walk("VEVENT")[0]["UID"])
    assert uids["en"] != uids["ar"] and uids["en"].replace("-en@", "-ar@") == uids["ar"]


def test_an_unknown_session_is_not_found(client):
    assert client.get(f"{DHAKA.format(lang='en')}sessions/no-such-session/ics/").status_code == 404


def test_montreal_times_are_converted_with_daylight_saving(client):
    content = client.get("/en/events/forum/2026-montreal/ics/").content
    calendar = Calendar.from_ical(content)
    start = calendar.walk("VEVENT")[0].decoded("DTSTART")
    assert start.astimezone(datetime.UTC).hour == 13  # 09:00 EDT
    assert {sub.name for sub in calendar.walk("VTIMEZONE")[0].subcomponents} == {"STANDARD", "DAYLIGHT"}


# --- Registration ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ar", "hi", "bn", "pt", "ru"])
def test_the_registration_form_is_offered_in_the_readers_language(client, lang):
    response = client.get(f"{DHAKA.format(lang=lang)}register/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{lang}"' in content
    assert f'<option value="BD">{geography.country_name("BD", lang)}</option>' in content
    assert 'name="homepage"' in content and 'name="consent"' in content


def test_the_edition_page_links_to_the_form_and_counts_places(client):
    content = client.get(DHAKA.format(lang="en")).content.decode()
    assert 'href="/en/events/forum/2027-dhaka/register/"' in content
    assert "300 places left" in content


def test_registrations_fill_the_capacity_then_join_the_waiting_list(client, django_capture_on_commit_callbacks):
    set_for_every_language(edition("en"), capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        first = register(client, "en")
    assert first.status_code == 302
    assert first["Location"].startswith("/en/events/forum/2027-dhaka/register/thanks/?r=")
    registration = ForumRegistration.objects.get(email="ana@example.org")
    assert registration.status == "registered" and registration.language == "en"
    assert registration.translation_key == edition("en").translation_key
    assert registration.country_id == "PE"
    assert "You are registered" in client.get(first["Location"]).content.decode()

    # The same edition in Arabic shares the count: the second person waits.
    with django_capture_on_commit_callbacks(execute=True):
        second = register(client, "ar", name="سلمى", email="salma@example.org", address="198.51.100.2")
    assert second.status_code == 302
    waiting = ForumRegistration.objects.get(email="salma@example.org")
    assert waiting.status == "waiting" and waiting.language == "ar" and waiting.edition == edition("ar")
    assert waiting.waiting_position() == 1
    thanks = client.get(second["Location"]).content.decode()
    assert '<html lang="ar"' in thanks and "forum-confirmation--waiting" in thanks

    # A confirmation each, in the language of registration.
    assert [message.to for message in mail.outbox] == [["ana@example.org"], ["salma@example.org"]]
    assert mail.outbox[0].subject == "Forum 2027, Dhaka: your registration is confirmed"
    assert edition("ar").title in mail.outbox[1].subject
    assert "سلمى" in mail.outbox[1].body
    assert "/ar/events/forum/2027-dhaka/" in mail.outbox[1].body

    page = client.get(DHAKA.format(lang="fr")).content.decode()
    assert "forum-registration__full" in page


def test_without_capacity_everybody_gets_a_place(client):
    set_for_every_language(edition("en"), capacity=None)
    for number in range(3):
        register(client, email=f"person{number}@example.org")
    assert set(ForumRegistration.objects.values_list("status", flat=True)) == {"registered"}


def test_an_address_registers_once_per_edition_in_any_language(client):
    register(client, "en", name="Ana Quispe")
    response = register(client, "fr", name="Somebody else", email="ANA@example.org", address="198.51.100.9")
    assert response.status_code == 400
    content = response.content.decode()
    assert 'role="alert"' in content
    with translation.override("fr"):
        assert gettext("This address is already registered for this edition.") in content
    assert "Ana Quispe" not in content and "Federación" in content  # only what this visitor typed
    assert ForumRegistration.objects.filter(email="ana@example.org").count() == 1


def test_errors_keep_what_was_typed(client):
    response = register(client, "es", consent="", email="not-an-address")
    assert response.status_code == 400
    content = response.content.decode()
    assert 'role="alert"' in content
    assert 'value="Ana Quispe"' in content and 'value="not-an-address"' in content
    assert '<option value="PE" selected>' in content
    assert 'href="#id_consent"' in content and 'href="#id_email"' in content
    assert not ForumRegistration.objects.exists()


def test_registration_is_rate_limited_per_address(client):
    for number in range(5):
        assert register(client, email=f"p{number}@example.org").status_code == 302
    response = register(client, email="sixth@example.org", name="Sixth Person")
    assert response.status_code == 429
    assert 'value="Sixth Person"' in response.content.decode()
    assert not ForumRegistration.objects.filter(email="sixth@example.org").exists()
    assert register(client, email="sixth@example.org", address="203.0.113.7").status_code == 302


def test_the_honeypot_registers_nobody(client):
    response = register(client, homepage="https://spam.example")
    assert response.status_code == 302
    assert not ForumRegistration.objects.exists()


def test_a_forged_confirmation_link_reveals_nothing(client):
    register(client)
    content = client.get(f"{DHAKA.format(lang='en')}register/thanks/?r=1").content.decode()
    assert "Ana Quispe" not in content and "You are registered" not in content


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("closed", "Registration is closed."), ("external", "Register on the registration site")],
)
def test_other_registration_modes(client, mode, expected):
    set_for_every_language(edition("en"), registration_mode=mode, registration_url="https://register.example.org/")
    content = client.get(DHAKA.format(lang="en")).content.decode()
    assert expected in content and "/register/" not in content
    assert register(client).status_code == 403
    assert not ForumRegistration.objects.exists()


def test_a_past_edition_takes_no_registrations(client):
    set_for_every_language(edition("en", "2025-nairobi"), registration_mode="form")
    content = client.get("/en/events/forum/2025-nairobi/").content.decode()
    assert "This edition has taken place." in content
    response = client.post("/en/events/forum/2025-nairobi/register/", VALID)
    assert response.status_code == 403


# --- The index and the continents -------------------------------------------------------------------


def test_index_shows_the_next_edition_first_then_the_archive(client):
    content = client.get("/en/events/forum/").content.decode()
    current, archive = content.split('id="archive-heading"')
    assert 'href="/en/events/forum/2027-dhaka/"' in current.split('id="current-heading"')[1]
    assert archive.index("/en/events/forum/2026-montreal/") < archive.index("/en/events/forum/2025-nairobi/")


def test_index_in_another_language_lists_untranslated_past_editions_in_english(client):
    content = client.get("/ar/events/forum/").content.decode()
    current, archive = content.split('id="archive-heading"')
    assert 'href="/ar/events/forum/2027-dhaka/"' in current
    # Under the reader's prefix (a fallback), its title marked as English.
    assert 'href="/ar/events/forum/2025-nairobi/" lang="en" dir="ltr"' in archive
    assert archive.count("/events/forum/2025-nairobi/") == 1


@pytest.mark.parametrize("lang", ["en", "ar", "zh-hans"])
def test_the_index_maps_every_edition_on_its_host_country_as_a_link_with_a_text_alternative(client, lang):
    response = client.get(f"/{lang}/events/forum/")
    world = response.context["map"]
    editions = [*([response.context["current"]] if response.context["current"] else []), *response.context["later"]]
    editions += response.context["past"]
    assert len(editions) >= 3 and {marker.url for marker in world.markers} == {edition.url for edition in editions}
    content = response.content.decode()
    with translation.override(lang):
        title, legend = gettext("Map of the Forum’s editions"), gettext("Current and coming editions")
    assert f'<title id="forum-map-title">{title}</title>' in content and legend in content
    assert '<div dir="ltr">' in content.split('id="forum-map"')[1]  # the drawing is never mirrored
    for edition in editions:
        marker = next(marker for marker in world.markers if marker.url == edition.url)
        country = geography.country_name(edition.country_id, lang)
        assert marker.code == edition.country_id and country in marker.label and edition.title in marker.label
        assert marker.kind == ("past" if edition.has_ended else "next")
        with translation.override(lang):
            assert marker.place == gettext("%(city)s, %(country)s") % {"city": edition.host_city, "country": country}
        # A link on the drawing named by its label, and a row of the table (the text alternative).
        assert re.search(
            rf'<a href="{marker.url}" class="world-map__marker world-map__marker--{marker.kind}" '
            rf'aria-label="{re.escape(marker.label)}"><title>{re.escape(marker.label)}</title><circle cx="[\d.]+"',
            content,
        )
        assert f'<tr><th scope="row"><a href="{marker.url}"' in content


def test_the_index_map_marks_an_untranslated_edition_s_language_in_its_table(client):
    content = client.get("/ar/events/forum/").content.decode()
    table = content.split('class="world-map__table"')[1].split("</table>")[0]
    assert '<a href="/ar/events/forum/2025-nairobi/" lang="en" dir="ltr">' in table
    assert '<a href="/ar/events/forum/2027-dhaka/">' in table


def test_editions_by_continent_show_the_rotation(client):
    content = client.get("/en/events/forum/by-continent/").content.decode()
    rows = re.findall(r'<th scope="row">([^<]+)</th>\s*<td>(.*?)</td>', content, re.S)
    assert [name for name, _cell in rows] == [
        "Africa",
        "North America",
        "Asia",
        "Europe",
        "South America",
        "Oceania",
    ]
    cells = dict(rows)
    assert "2025" in cells["Africa"] and "Nairobi" in cells["Africa"]
    assert "2027" in cells["Asia"] and "Bangladesh" in cells["Asia"]
    assert "Not yet" in cells["Europe"]
    assert "3 of the 6 continents" in content


# --- Admin ---------------------------------------------------------------------------------------


def test_editors_see_registrations_per_edition_and_export_them(client, editor):
    set_for_every_language(edition("en"), capacity=1)
    register(client, "en")
    register(client, "ar", email="salma@example.org", name="Salma")
    client.force_login(editor)
    key = edition("en").translation_key
    response = client.get(f"/admin/forum-registrations/?edition={key}&status=waiting")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Salma" in content and "Ana Quispe" not in content
    assert "Forum 2027, Dhaka (1 of 1 places, 1 waiting)" in content
    export = client.get(f"/admin/forum-registrations/?edition={key}&export=csv")
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "ana@example.org" in csv and "salma@example.org" in csv
    salma = ForumRegistration.objects.get(email="salma@example.org")
    assert "salma@example.org" in client.get(f"/admin/forum-registrations/inspect/{salma.pk}/").content.decode()
    # Read-only, for everybody: nobody adds, edits or deletes what a participant sent.
    assert client.get("/admin/forum-registrations/new/").status_code in (302, 403)
    assert client.get(f"/admin/forum-registrations/edit/{salma.pk}/").status_code in (302, 403)


def test_visitors_and_other_staff_do_not_see_registrations(client, translator_fr):
    assert client.get("/admin/forum-registrations/").status_code == 302  # to the login page
    client.force_login(translator_fr)
    assert client.get("/admin/forum-registrations/").status_code in (302, 403)
