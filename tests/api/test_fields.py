"""What each item of the partner API says, in which language, and what it never says."""

import pytest

from cms.models import Theme
from news.models import NewsPage
from practices.factories import PracticePageFactory
from practices.models import PracticePage
from tests.api.helpers import ENDPOINTS, all_items, get_json

pytestmark = pytest.mark.django_db

META = {"type", "detail_url", "html_url", "slug", "first_published_at"}
SHARED = {"id", "meta", "title", "language", "translation_key", "themes"}
FIELDS = {
    "news": SHARED | {"summary", "date", "kind", "countries", "regions", "authors", "licence", "licence_url"},
    "practices": SHARED
    | {"summary", "date", "countries", "regions", "scale", "status", "actor_type", "start_year", "website"}
    | {"organisations", "sdgs", "keywords"},
    "reports": SHARED
    | {"subtitle", "summary", "edition_year", "contributors", "recommendations", "publisher", "isbn", "doi", "licence"},
    "briefs": SHARED | {"summary", "date", "contributors", "recommendations"},
}


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_items_carry_their_endpoints_fields_and_meta(client, endpoint):
    item = get_json(client, f"/api/v2/{endpoint}/", language="es", limit=1)["items"][0]
    assert set(item) == FIELDS[endpoint]
    assert set(item["meta"]) == META
    assert item["meta"]["html_url"].startswith("http://localhost/es/")
    assert item["meta"]["detail_url"] == f"http://localhost/api/v2/{endpoint}/{item['id']}/"


@pytest.mark.parametrize("language", ["ar", "ur"])
@pytest.mark.parametrize("model", [NewsPage, PracticePage])
def test_arabic_and_urdu_text_arrives_as_stored(client, model, language):
    endpoint = {NewsPage: "news", PracticePage: "practices"}[model]
    response = client.get(f"/api/v2/{endpoint}/", {"language": language, "limit": 50})
    items = response.json()["items"]
    assert items
    body = response.content.decode("utf-8")
    for item in items:
        page = model.objects.get(pk=item["id"])
        assert (item["title"], item["summary"]) == (page.title, page.summary)
        assert page.title in body  # sent as UTF-8 text, not \u escapes
        names = dict(Theme.objects.filter(locale__language_code=language).values_list("slug", "name"))
        assert all(theme["name"] == names[theme["slug"]] for theme in item["themes"])


def test_a_practices_contact_email_never_appears(client, practice_index):
    practice = PracticePageFactory(
        parent=practice_index,
        title="Practice with a private contact",
        contact_name="Private Person",
        contact_email="private.contact@example.org",
    )
    listing = client.get("/api/v2/practices/", {"search": "private contact", "limit": 50}).content.decode()
    detail = client.get(f"/api/v2/practices/{practice.pk}/").content.decode()
    assert "Practice with a private contact" in listing and "Practice with a private contact" in detail
    every_page = str(all_items(client, "practices"))
    schema = client.get("/api/v2/openapi.json").content.decode()
    for text in (listing, detail, every_page, schema):
        assert "private.contact@example.org" not in text and "contact_email" not in text
        assert "Private Person" not in text  # the contact's name is not published on the site either
    # Not as a field, a filter or an ordering: each would tell whether a guessed address is right.
    for params in ({"fields": "contact_email"}, {"contact_email": "private.contact@example.org"}):
        assert client.get("/api/v2/practices/", params).status_code == 400
    assert client.get("/api/v2/practices/", {"order": "contact_email"}).status_code == 400


def test_news_tells_partners_whether_they_may_republish(client):
    items = all_items(client, "news", language="en")
    assert items
    for item in items:
        page = NewsPage.objects.get(pk=item["id"])
        assert item["licence"] == page.licence
        assert item["licence_url"] == (page.licence_url or None)


def test_translations_share_their_translation_key(client):
    english = get_json(client, "/api/v2/briefs/", language="en")["items"][0]
    others = [item for item in all_items(client, "briefs") if item["translation_key"] == english["translation_key"]]
    assert sorted(item["language"] for item in others) == sorted(
        ["en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"]
    )


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_a_full_page_of_items_costs_a_fixed_number_of_queries(client, endpoint, django_assert_max_num_queries):
    client.get(f"/api/v2/{endpoint}/")  # warm the site root paths cache, as in production
    # Practices also read their keywords and the keywords' names in every language (two queries).
    with django_assert_max_num_queries(10 if endpoint == "practices" else 8):
        data = get_json(client, f"/api/v2/{endpoint}/", limit=50)
    assert len(data["items"]) == min(50, data["meta"]["total_count"])
