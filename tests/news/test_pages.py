"""The news stream as visitors read it, social cards on every page, and republishing."""

import re

import pytest
from django.urls import reverse

from news.models import Licence, NewsIndexPage, NewsPage, Republication
from tests.queries import warm_queries

pytestmark = pytest.mark.django_db


def meta(content: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for name, value in re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)">', content):
        found.setdefault(name, []).append(value)
    return found


def test_index_filters_by_kind_theme_and_region(client):
    assert client.get("/en/news/").content.decode().count('class="news-card"') == 6
    stories = client.get("/en/news/?kind=story").content.decode()
    assert stories.count('class="news-card"') == 2
    health = client.get("/en/news/?theme=health").content.decode()
    assert health.count('class="news-card"') == 1 and "Rwanda" in health
    africa = client.get("/en/news/?region=002").content.decode()
    assert africa.count('class="news-card"') == 2  # Rwanda and Kenya
    assert client.get("/en/news/?kind=nonsense&region=999").content.decode().count('class="news-card"') == 6


def test_index_shows_only_the_visitors_language_and_paginates(client, locales):
    arabic = client.get("/ar/news/").content.decode()
    english = client.get("/en/news/").content.decode()
    # Every item in every language: the Arabic translations and the rest as fallbacks, each once.
    assert arabic.count('class="news-card"') == english.count('class="news-card"') == 6
    assert arabic.count('class="fallback-mark"') == 3
    index = NewsIndexPage.objects.get(locale=locales["en"])
    for number in range(14):
        index.add_child(instance=NewsPage(title=f"Item {number}", slug=f"item-{number}", summary="S", body=[]))
    first = client.get("/en/news/").content.decode()
    assert first.count('class="news-card"') == 12 and 'rel="next" href="?page=2"' in first


def test_index_queries_do_not_grow_with_the_number_of_items(client, locales):
    index = NewsIndexPage.objects.get(locale=locales["en"])
    small = warm_queries(client, "/en/news/?theme=health")
    for number in range(30):
        index.add_child(instance=NewsPage(title=f"Item {number}", slug=f"more-{number}", summary="S", body=[]))
    large = warm_queries(client, "/en/news/?theme=health")
    assert len(small) == len(large) <= 25


def test_home_page_shows_the_latest_items_of_the_visitors_language(client):
    chinese = client.get("/zh-hans/").content.decode()
    assert 'id="latest-news-heading"' in chinese
    assert chinese.count('href="/zh-hans/news/') >= 3
    assert 'href="/en/news/' not in chinese


def test_a_news_item_links_to_the_practice_in_the_readers_language(client):
    chinese = client.get("/zh-hans/news/participatory-budgeting-in-the-portal/").content.decode()
    assert 'href="/zh-hans/practices/participatory-budgeting-porto-alegre/"' in chinese


@pytest.mark.parametrize(
    "url",
    ["/en/", "/ar/about/", "/ur/practices/whanau-ora/", "/zh-hans/news/participatory-budgeting-in-the-portal/"],
)
def test_every_page_has_social_cards_and_a_canonical_url(client, url):
    content = client.get(url).content.decode()
    tags = meta(content)
    for name in ("og:title", "og:description", "og:image", "og:url", "og:locale", "twitter:card", "twitter:image"):
        assert tags.get(name), (url, name)
    # The page's own image, else its share kit's card (a PNG drawn by cms.sharing.cards), else the site's.
    assert tags["og:image"][0].endswith((".png", "/share/card/")) or "fill-1200x630" in tags["og:image"][0]
    assert tags["og:image:width"] == ["1200"] and tags["og:image:height"] == ["630"]
    assert f'<link rel="canonical" href="http://localhost{url}">' in content
    assert len(tags.get("og:locale:alternate", [])) >= 1


def test_arabic_card_carries_arabic_text_and_locales(client):
    content = client.get("/ar/news/call-for-practices-2027/").content.decode()
    tags = meta(content)
    page = NewsPage.objects.get(slug="call-for-practices-2027", locale__language_code="ar")
    assert tags["og:title"] == [page.title]
    assert tags["og:locale"] == ["ar_AR"] and "ur_PK" in tags["og:locale:alternate"]
    assert tags["og:type"] == ["article"]


def test_share_links_load_no_third_party_script(client):
    content = client.get("/en/news/community-health-workers-review/").content.decode()
    assert 'class="share"' in content and "https://www.linkedin.com/sharing/share-offsite/?url=" in content
    assert not re.search(r"<script[^>]+src=\"https?://", content)


def test_republish_gives_html_with_attribution_in_the_readers_language_and_counts(client, locales):
    url = "/fr/news/call-for-practices-2027/republish/"
    page = NewsPage.objects.get(slug="call-for-practices-2027", locale=locales["fr"])
    assert client.get(url).status_code == 200
    assert not Republication.objects.filter(page=page).exists()  # reading the page does not count
    response = client.post(url)
    content = response.content.decode()
    assert (
        "&lt;link rel=&quot;canonical&quot; href=&quot;http://localhost/fr/news/call-for-practices-2027/&quot;&gt;"
        in content
    )
    assert "https://creativecommons.org/licenses/by/4.0/" in content
    assert "&lt;article lang=&quot;fr&quot;" in content
    client.post(url)
    assert Republication.objects.get(page=page).count == 2
    english = NewsPage.objects.get(slug="call-for-practices-2027", locale=locales["en"])
    assert english.republication_count == 2  # editors see all languages together


def test_items_without_an_open_licence_cannot_be_republished(client, locales):
    page = NewsPage.objects.get(slug="mobile-money-story", locale=locales["en"])
    page.licence = Licence.RESERVED
    page.save_revision().publish()
    content = client.get(page.url).content.decode()
    assert "republish/" not in content
    assert client.post(page.url + "republish/").status_code == 404


def test_editors_see_how_often_an_item_was_republished(client, locales, editor):
    page = NewsPage.objects.get(slug="call-for-practices-2027", locale=locales["en"])
    Republication.record(page)
    client.force_login(editor)
    content = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert "republish it 1 time" in content


@pytest.mark.parametrize("language", ["en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"])
def test_a_news_item_renders_within_its_query_budget_in_every_language(client, django_assert_max_num_queries, language):
    url = f"/{language}/news/housing-first-feedback/"
    assert client.get(url).status_code == 200  # warm per-process caches (site root paths, content types)
    # Routing (3: site, path, the item's row), the chrome (1, translation notice included), the item's
    # themes, authors and countries (4) and the pages its blocks link to (2).
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
