"""The events listing (upcoming first, filters) and the home page's next Forum and next Day."""

import datetime
import re

import pytest

from events.factories import ForumEditionPageFactory
from events.models import ForumIndexPage, SocialProgressDayPage
from tests.queries import warm_queries

pytestmark = pytest.mark.django_db


def sections(content: str) -> tuple[list[str], list[str]]:
    upcoming, past = content.split('id="past-heading"')
    pattern = r'class="event-card__title"><a href="([^"]+)"'
    return re.findall(pattern, upcoming), re.findall(pattern, past)


def test_upcoming_events_come_first_then_the_archive_newest_first(client):
    upcoming, past = sections(client.get("/en/events/").content.decode())
    assert upcoming[0] == "/en/events/forum/2027-dhaka/"
    assert "/en/events/forum/2025-nairobi/" in past and "/en/events/day-2026/" in past
    assert past.index("/en/events/forum/2026-montreal/") < past.index("/en/events/forum/2025-nairobi/")
    assert "/en/events/day-2027/" not in upcoming + past  # embargoed until its go-live date


def test_filters_by_year_continent_and_type(client):
    upcoming, past = sections(client.get("/en/events/?type=forum&continent=africa").content.decode())
    assert upcoming + past == ["/en/events/forum/2025-nairobi/"]
    upcoming, past = sections(client.get("/en/events/?year=2026").content.decode())
    assert set(upcoming + past) == {
        "/en/events/forum/2026-montreal/",
        "/en/events/awards/2026/",
        "/en/events/day-2026/",
    }
    assert client.get("/en/events/?year=abc&continent=mars&type=party").status_code == 200


def test_listing_in_another_language_shows_its_own_pages(client):
    upcoming, past = sections(client.get("/ar/events/").content.decode())
    assert all(url.startswith("/ar/") for url in upcoming + past)
    assert "/ar/events/forum/2027-dhaka/" in upcoming


def test_listing_queries_do_not_grow_with_the_number_of_events(client, locales):
    forum = ForumIndexPage.objects.get(locale=locales["en"])
    before = warm_queries(client, "/en/events/")
    for _number in range(15):
        ForumEditionPageFactory(parent=forum)
    after = warm_queries(client, "/en/events/")
    assert len(before) == len(after)


def test_home_page_features_the_next_forum_and_the_next_day(client, locales):
    content = client.get("/fr/").content.decode()
    section = content.split('id="act-heading"')[1].split("</section>")[0]
    assert 'href="/fr/events/forum/2027-dhaka/"' in section
    day = SocialProgressDayPage.objects.get(slug="day-2026", locale=locales["fr"])
    day.start_date = datetime.date.today() + datetime.timedelta(days=30)
    day.save_revision().publish()
    section = client.get("/fr/").content.decode().split('id="act-heading"')[1].split("</section>")[0]
    assert 'href="/fr/events/day-2026/"' in section
    assert "dans 30 jours" in section  # the countdown, rendered by the server


def test_the_weekly_digest_announces_coming_events_but_never_an_embargoed_day():
    from wagtail.models import Locale

    from news.newsletter import upcoming_events

    russian = upcoming_events(Locale.objects.get(language_code="ru"), datetime.date(2027, 4, 1))
    assert [item.url.rsplit("/ru/", 1)[1] for item in russian] == ["events/forum/2027-dhaka/", "events/awards/2027/"]
    english = upcoming_events(Locale.objects.get(language_code="en"), datetime.date(2027, 1, 1))
    assert all("day-2027" not in item.url for item in english)  # scheduled, not live: embargoed
