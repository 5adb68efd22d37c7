"""The partner API shows live, public content only, however it is asked."""

import pytest
from wagtail.models import PageViewRestriction

from practices.factories import PracticePageFactory
from reports.factories import PolicyBriefPageFactory, ReportPageFactory
from tests.api.helpers import ENDPOINTS, all_items, get_json, public

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_each_endpoint_lists_exactly_its_live_public_items_in_every_language(client, endpoint):
    items = all_items(client, endpoint)
    expected = public(endpoint)
    assert items, "the demo site has content for every endpoint"
    assert sorted(item["id"] for item in items) == sorted(expected.values_list("pk", flat=True))
    assert {item["language"] for item in items} == set(expected.values_list("locale__language_code", flat=True))
    assert {item["meta"]["type"] for item in items} == {expected.model._meta.label}


@pytest.fixture
def hidden(make_news, news_index, practice_index, report_index):
    """One page per endpoint that must never be served, and why."""
    restricted_news = make_news("Members-only news xyzzy")
    PageViewRestriction.objects.create(page=restricted_news, restriction_type="password", password="secret")
    restricted_report = ReportPageFactory(parent=report_index, title="Private report xyzzy")
    PageViewRestriction.objects.create(page=restricted_report, restriction_type="login")
    return {
        "news": [make_news("Draft news xyzzy", live=False), restricted_news],
        "practices": [
            PracticePageFactory(parent=practice_index, title="Unreviewed practice xyzzy", reviewed=False),
            PracticePageFactory(parent=practice_index, title="Draft practice xyzzy", live=False),
        ],
        "reports": [ReportPageFactory(parent=report_index, title="Draft report xyzzy", live=False), restricted_report],
        "briefs": [PolicyBriefPageFactory(parent=report_index, title="Draft brief xyzzy", live=False)],
    }


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_drafts_private_pages_and_unreviewed_practices_are_never_listed(client, hidden, endpoint):
    ids = {page.pk for page in hidden[endpoint]}
    for params in ({}, {"language": "en"}, {"search": "xyzzy"}, {"search": "xyzzy", "order": "title"}):
        listed = {item["id"] for item in all_items(client, endpoint, **params)}
        assert not ids & listed, params
    assert get_json(client, f"/api/v2/{endpoint}/", search="xyzzy")["meta"]["total_count"] == 0


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_drafts_private_pages_and_unreviewed_practices_have_no_detail(client, hidden, endpoint):
    for page in hidden[endpoint]:
        data = get_json(client, f"/api/v2/{endpoint}/{page.pk}/", status=404)
        assert set(data) == {"message"}
        assert "xyzzy" not in str(data)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_wagtail_tree_type_and_lookup_parameters_cannot_reach_hidden_pages(client, hidden, endpoint):
    """Wagtail's generic parameters (child_of, descendant_of, type, id, find/) are not part of this API."""
    page = hidden[endpoint][0]
    parent_id = page.get_parent().pk
    tricks = [
        {"child_of": parent_id},
        {"descendant_of": parent_id},
        {"ancestor_of": page.pk},
        {"translation_of": page.pk},
        {"id": page.pk},
        {"type": "wagtailcore.Page"},
        {"type": "practices.PracticePage"},
        {"fields": "*"},
        {"site": "localhost"},
        {"html_path": page.url_path},
    ]
    for params in tricks:
        response = client.get(f"/api/v2/{endpoint}/", params)
        assert response.status_code == 400, params
        assert "unknown query parameter" in response.json()["message"]
        assert "xyzzy" not in response.content.decode()
    for url in (f"/api/v2/{endpoint}/find/?id={page.pk}", f"/api/v2/{endpoint}/find/?html_path={page.url_path}"):
        response = client.get(url)
        assert response.status_code == 404
        assert "xyzzy" not in response.content.decode()


def test_a_practice_in_the_other_endpoints_type_is_not_served_there(client, practice_index):
    """A detail URL answers only for its own endpoint's type: no reading practices through /news/."""
    practice = PracticePageFactory(parent=practice_index, reviewed=False)
    assert client.get(f"/api/v2/news/{practice.pk}/").status_code == 404
    reviewed = PracticePageFactory(parent=practice_index)
    assert client.get(f"/api/v2/news/{reviewed.pk}/").status_code == 404
    assert client.get(f"/api/v2/practices/{reviewed.pk}/").status_code == 200


def test_a_live_public_item_has_a_detail_like_its_listing_entry(client):
    listed = get_json(client, "/api/v2/news/", language="fr", limit=1)["items"][0]
    detail = get_json(client, listed["meta"]["detail_url"].removeprefix("http://localhost"))
    assert detail == listed


def test_missing_items_and_addresses_are_json_404s_not_redirects(client):
    for url in ("/api/v2/news/2147483647/", "/api/v2/news/99999999999/", "/api/v2/nothing/", "/api/v2/news/abc/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/json"
        assert "message" in response.json()
    assert client.get("/api/v2/news").status_code == 301  # the slash is added, as everywhere on the site


def test_the_api_is_read_only(client):
    for method in ("post", "put", "patch", "delete", "options"):
        response = getattr(client, method)("/api/v2/news/")
        assert response.status_code == 405, method
        assert response["Allow"] == "GET, HEAD"
        assert "message" in response.json()
    assert client.head("/api/v2/news/").status_code == 200
