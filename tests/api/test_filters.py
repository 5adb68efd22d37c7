"""Filters, ordering and pagination of the partner API, and the 400s that explain a wrong request."""

import datetime

import pytest
from django.conf import settings

from cms.models import Country, Theme
from practices.factories import PracticePageFactory
from tests.api.helpers import ENDPOINTS, all_items, get_json, public

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_language_filter_returns_that_language_only(client, endpoint, language):
    items = all_items(client, endpoint, language=language)
    expected = public(endpoint).filter(locale__language_code=language)
    assert items, f"the demo site has {endpoint} in {language}"
    assert {item["language"] for item in items} == {language}
    assert sorted(item["id"] for item in items) == sorted(expected.values_list("pk", flat=True))


def test_wagtails_locale_parameter_points_to_language(client):
    message = get_json(client, "/api/v2/news/", status=400, locale="hi")["message"]
    assert message == "use language instead of locale, e.g. ?language=fr."


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_unknown_language_is_rejected_with_a_message_listing_the_languages(client, endpoint):
    for code in ("xx", "EN", "zh", "en-us", ""):
        message = get_json(client, f"/api/v2/{endpoint}/", status=400, language=code)["message"]
        assert f"unknown language '{code}'" in message
        assert "en, zh-hans, hi, es, fr, ar, bn, pt, ru, ur" in message


def test_theme_filter_compares_slugs_and_names_themes_in_the_items_language(client):
    items = all_items(client, "practices", theme="health", language="fr")
    expected = public("practices").filter(locale__language_code="fr", themes__slug="health").distinct()
    assert items and sorted(item["id"] for item in items) == sorted(expected.values_list("pk", flat=True))
    french_health = Theme.objects.get(locale__language_code="fr", slug="health").name
    assert french_health != "Health"
    for item in items:
        assert {"slug": "health", "name": french_health} in item["themes"]
    news = all_items(client, "news", theme="democracy")
    assert news and all("democracy" in [theme["slug"] for theme in item["themes"]] for item in news)


def test_briefs_and_reports_are_filed_by_their_recommendations_themes(client):
    briefs = all_items(client, "briefs", theme="work")
    assert len(briefs) == public("briefs").count()  # every demo brief recommends something about work
    assert all("work" in [theme["slug"] for theme in brief["themes"]] for brief in briefs)
    assert get_json(client, "/api/v2/briefs/", theme="culture")["meta"]["total_count"] == 0
    assert get_json(client, "/api/v2/reports/", theme="work")["meta"]["total_count"] == 0  # no recommendations


def test_unknown_theme_is_rejected(client):
    message = get_json(client, "/api/v2/practices/", status=400, theme="inequalities")["message"]
    assert "unknown theme 'inequalities'" in message and "inequality" in message


@pytest.mark.parametrize("endpoint", ["news", "practices"])
def test_region_filter_uses_the_un_m49_region_of_the_countries(client, endpoint):
    for region in ("002", "019", "142", "150", "009"):
        items = all_items(client, endpoint, region=region)
        expected = public(endpoint).filter(countries__region=region).distinct()
        assert sorted(item["id"] for item in items) == sorted(expected.values_list("pk", flat=True))
        assert all(region in item["regions"] for item in items)
    assert all_items(client, endpoint, region="002", language="en")
    message = get_json(client, f"/api/v2/{endpoint}/", status=400, region="005")["message"]
    assert "unknown region '005'" in message  # South America is a sub-region, not one of the five


@pytest.mark.parametrize("endpoint", ["reports", "briefs"])
def test_reports_and_briefs_have_no_region_filter(client, endpoint):
    assert (
        "unknown query parameter(s): region" in get_json(client, f"/api/v2/{endpoint}/", 400, region="002")["message"]
    )


def test_news_since_and_until_compare_the_items_date(client, make_news):
    may = make_news("May news", date=datetime.date(2001, 5, 5), countries=[Country.objects.get(code="KE")])
    june = make_news("June news", date=datetime.date(2001, 6, 6))
    titles = [item["title"] for item in all_items(client, "news", since="2001-05-05", until="2001-05-31")]
    assert titles == [may.title]
    assert [item["title"] for item in all_items(client, "news", until="2001-06-06")] == [june.title, may.title]
    assert [item["id"] for item in all_items(client, "news", until="2001-06-06", region="002")] == [may.pk]
    for item in all_items(client, "news", since="2026-11-01"):
        assert item["date"] >= "2026-11-01"


def test_practices_since_and_until_compare_the_day_of_first_publication(client, practice_index):
    moment = datetime.datetime(2003, 3, 3, 23, 30, tzinfo=datetime.UTC)
    practice = PracticePageFactory(parent=practice_index, first_published_at=moment)
    items = all_items(client, "practices", since="2003-03-03", until="2003-03-03")
    assert [(item["id"], item["date"]) for item in items] == [(practice.pk, "2003-03-03")]
    assert not all_items(client, "practices", until="2003-03-02")


def test_reports_since_and_until_match_the_edition_year(client):
    assert len(all_items(client, "reports", since="2018-12-31")) == public("reports").count()  # the 2018 edition
    assert len(all_items(client, "reports", until="2018-01-01")) == public("reports").count()
    assert not all_items(client, "reports", since="2019-01-01")
    assert not all_items(client, "reports", until="2017-12-31")


def test_briefs_since_and_until_compare_the_publication_date(client):
    assert len(all_items(client, "briefs", since="2019-02-20", until="2019-02-20")) == public("briefs").count()
    assert not all_items(client, "briefs", since="2019-02-21")
    assert all(item["date"] == "2019-02-20" for item in all_items(client, "briefs"))


@pytest.mark.parametrize("value", ["2024-02-30", "01/02/2024", "2024-1-1", "20240101", "2024-W01-1", "yesterday"])
def test_invalid_dates_are_rejected(client, value):
    message = get_json(client, "/api/v2/news/", status=400, since=value)["message"]
    assert "since must be a date as YYYY-MM-DD" in message


def test_limit_is_capped_at_fifty_and_pages_do_not_overlap(client):
    assert len(get_json(client, "/api/v2/practices/")["items"]) == 20  # the default
    page = get_json(client, "/api/v2/practices/", limit=50)
    assert len(page["items"]) == 50 and page["meta"]["total_count"] > 50
    for limit in ("51", "1000", "-1", "ten", "1.5", " 5"):
        message = get_json(client, "/api/v2/practices/", status=400, limit=limit)["message"]
        assert "limit must be a whole number from 0 to 50" in message
    assert get_json(client, "/api/v2/practices/", limit=0)["items"] == []
    ids = [item["id"] for item in all_items(client, "practices")]
    assert len(ids) == len(set(ids)) == public("practices").count()


def test_order_sorts_by_date_or_title_and_defaults_to_the_newest_first(client):
    dates = [item["date"] for item in all_items(client, "news")]
    assert dates == sorted(dates, reverse=True)
    titles = [item["title"] for item in all_items(client, "news", language="en", order="title")]
    assert titles == sorted(titles)
    years = [item["edition_year"] for item in all_items(client, "reports", order="edition_year")]
    assert years == sorted(years)
    message = get_json(client, "/api/v2/news/", status=400, order="contact_email")["message"]
    assert "unknown order 'contact_email'" in message and "-date" in message


def test_search_finds_within_the_other_filters(client):
    found = all_items(client, "practices", search="health", language="en")
    assert found and all(item["language"] == "en" for item in found)
    in_africa = all_items(client, "practices", search="health", language="en", region="002", order="title")
    assert in_africa and {item["id"] for item in in_africa} <= {item["id"] for item in found}
    assert [item["title"] for item in in_africa] == sorted(item["title"] for item in in_africa)
    assert get_json(client, "/api/v2/practices/", search="   ") == get_json(client, "/api/v2/practices/")


def test_unknown_and_repeated_parameters_are_rejected(client):
    message = get_json(client, "/api/v2/news/", status=400, lang="fr")["message"]
    assert message.startswith("unknown query parameter(s): lang.") and "language" in message
    response = client.get("/api/v2/news/?language=fr&language=ar")
    assert response.status_code == 400
    assert response.json() == {"message": "query parameter(s) given more than once: language."}
    assert get_json(client, "/api/v2/news/1/", status=400, language="fr")["message"].startswith("unknown query")
