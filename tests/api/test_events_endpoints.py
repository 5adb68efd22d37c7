"""Events in the partner API: Forum and Award editions, and Days whose declaration is released."""

import pytest

pytestmark = pytest.mark.django_db


def items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


@pytest.mark.parametrize("language", ["pt", "ru", "ar"])
def test_forum_editions_in_each_language(client, language):
    (edition,) = items(client, f"/api/v2/forum-editions/?language={language}")
    assert edition["language"] == language
    assert (edition["start_date"], edition["time_zone"], edition["country"]) == ("2027-06-14", "Asia/Dhaka", "BD")


def test_english_lists_every_edition_newest_first(client):
    dates = [item["start_date"] for item in items(client, "/api/v2/forum-editions/?language=en")]
    assert dates == ["2027-06-14", "2026-06-15", "2025-06-16"]
    assert items(client, "/api/v2/forum-editions/?language=en&since=2026-01-01&until=2026-12-31")[0]["title"] == (
        "Forum 2026, Montréal"
    )


def test_an_embargoed_declaration_never_appears(client):
    days = items(client, "/api/v2/social-progress-days/?language=en&limit=50")
    assert [day["start_date"] for day in days] == ["2026-03-16"]
    assert all("inclusive cities" not in day["declaration_title"] for day in days)


def test_urdu_declaration_survives_intact(client):
    from events.models import SocialProgressDayPage

    page = SocialProgressDayPage.objects.get(slug="day-2026", locale__language_code="ur")
    (day,) = items(client, "/api/v2/social-progress-days/?language=ur")
    assert day["declaration_title"] == page.declaration_title
    assert day["title"] == page.title
