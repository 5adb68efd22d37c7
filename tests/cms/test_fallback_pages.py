"""What surrounds a fallback page: the switcher, hreflang, sitemap, feeds, the translation status
report, readers' translation requests, and what happens when the original goes away."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms import fallbacks, translation_requests, translation_status
from cms.models import TranslationRequest
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage
from tests.tooling import axe_violations, html_errors

pytestmark = pytest.mark.django_db


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def english_only(locales):
    index = PracticeIndexPage.objects.get(locale=locales["en"])
    return publish(PracticePageFactory(parent=index, title="Aaa community water boards", slug="water-boards"))


def alias_in(page: Page, code: str) -> Page:
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code)


def switcher(content: str) -> str:
    return content[
        content.find('<nav class="language-switcher"') : content.find("</nav>", content.find("language-switcher"))
    ]


def test_switcher_keeps_the_reader_on_the_item_and_hreflang_lists_real_translations_only(client, english_only):
    content = client.get("/ar/practices/water-boards/").content.decode()
    links = switcher(content)
    for code in ("en", "hi", "zh-hans", "ur"):
        assert f'href="/{code}/practices/water-boards/"' in links, code
    assert 'href="/hi/"' not in links and "(home page" not in links
    hreflangs = re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', content)
    assert hreflangs == [
        ("en", "http://testserver/en/practices/water-boards/"),
        ("x-default", "http://testserver/en/practices/water-boards/"),
    ]
    assert re.findall(r'og:locale:alternate" content="([^"]+)"', content) == ["en_GB"]


def test_fallback_page_names_both_languages_and_marks_its_content(client, english_only):
    content = client.get("/ar/practices/water-boards/").content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert '<div class="fallback-content" lang="en" dir="ltr">' in content
    notice = content[
        content.find('id="translation-notice"') : content.find("</aside>", content.find('id="translation-notice"'))
    ]
    assert "الإنجليزية" in notice and "العربية" in notice  # "In English · not yet translated into Arabic"
    assert "اطلب ترجمة إلى العربية" in notice
    assert '<link rel="canonical" href="http://localhost/en/practices/water-boards/">' in content


def test_fallback_notice_writes_language_names_in_lowercase_in_french(client, english_only):
    content = client.get("/fr/practices/water-boards/").content.decode()
    notice = content[
        content.find('id="translation-notice"') : content.find("</aside>", content.find('id="translation-notice"'))
    ]
    assert "Langue d’origine : anglais · pas encore traduit (français)" in notice
    assert "Demander une traduction : français" in notice


def test_listing_marks_fallback_items_in_their_own_language(client, english_only):
    content = client.get("/ur/practices/?sort=title").content.decode()
    assert (
        f'<h3 class="practice-card__title" lang="en" dir="ltr"><a href="{alias_in(english_only, "ur").url}">' in content
    )
    assert 'class="fallback-mark"' in content
    english = client.get("/en/practices/?sort=title").content.decode()
    assert 'class="fallback-mark"' not in english


def test_every_page_advertises_its_languages_news_feed(client):
    for url in ("/ar/", "/bn/practices/", "/hi/about/"):
        content = client.get(url).content.decode()
        code = url.split("/")[1]
        assert re.search(
            rf'<link rel="alternate" type="application/rss\+xml" title="[^"]+" href="/{code}/news/feed/rss/">', content
        ), url


def test_sitemap_and_feeds_leave_fallbacks_out(client, locales):
    index = NewsIndexPage.objects.get(locale=locales["en"])
    item = publish(NewsPageFactory(parent=index, title="Only in English, for the feeds", slug="english-feed-item"))
    assert alias_in(item, "fr").alias_of_id == item.pk
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/news/english-feed-item/" in sitemap and "/fr/news/english-feed-item/" not in sitemap
    assert "Only in English, for the feeds" in client.get("/en/news/feed/rss/").content.decode()
    french_feed = client.get("/fr/news/feed/rss/").content.decode()
    assert "Only in English, for the feeds" not in french_feed
    assert "<language>fr</language>" in french_feed


def test_status_report_counts_a_fallback_as_missing(english_only):
    row = next(row for row in translation_status.page_statuses() if row.page.pk == english_only.pk)
    assert alias_in(english_only, "fr").alias_of_id is not None
    assert {status.state for status in row.locales.values()} == {translation_status.MISSING}
    assert translation_status.waiting_counts(["fr"])["fr"] >= 1


def test_reader_asks_for_a_translation_once_and_the_report_puts_it_first(client, english_only, moderator):
    cache.clear()
    alias = alias_in(english_only, "bn")
    response = client.post("/bn/translation-requests/", {"page": alias.pk})
    assert response.status_code == 302 and response["Location"].endswith("?translation=counted#translation-notice")
    assert "ধন্যবাদ" in client.get(response["Location"]).content.decode()
    again = client.post("/bn/translation-requests/", {"page": alias.pk})
    assert again["Location"].endswith("?translation=already#translation-notice")
    other_visitor = client.post("/bn/translation-requests/", {"page": alias.pk}, REMOTE_ADDR="203.0.113.9")
    assert other_visitor["Location"].endswith("?translation=counted#translation-notice")
    assert translation_requests.demand([english_only.translation_key]) == {(english_only.translation_key, "bn"): 2}
    assert TranslationRequest.objects.filter(visitor__contains="203.0.113.9").count() == 0  # hashed
    # Only fallbacks of the reader's language can be asked for; GET is not a vote.
    assert client.post("/fr/translation-requests/", {"page": alias.pk}).status_code == 404
    assert client.post("/bn/translation-requests/", {"page": english_only.pk}).status_code == 404
    assert client.get("/bn/translation-requests/").status_code == 405
    client.force_login(moderator)
    report = client.get("/admin/reports/translation-status/?locale=bn").content.decode()
    rows = re.findall(r'<tr>\s*<td><a href="/admin/pages/(\d+)/edit/">', report)
    assert rows[0] == str(english_only.pk)


def test_translation_requests_are_rate_limited(client, english_only, settings):
    cache.clear()
    aliases = Page.objects.filter(alias_of__isnull=False, locale__language_code="hi")[: translation_requests.LIMIT + 1]
    outcomes = [client.post("/hi/translation-requests/", {"page": page.pk})["Location"] for page in aliases]
    assert all("translation=counted" in url for url in outcomes[:-1])
    assert "translation=limited" in outcomes[-1]


def test_unpublishing_or_deleting_the_original_removes_its_fallbacks(
    english_only, locales, django_capture_on_commit_callbacks
):
    assert Page.objects.filter(alias_of=english_only).count() == 9
    english_only.unpublish()
    assert Page.objects.filter(translation_key=english_only.translation_key).count() == 1
    english_only = publish(english_only)
    assert Page.objects.filter(alias_of=english_only).count() == 9
    with django_capture_on_commit_callbacks(execute=True):
        english_only.delete()
    assert not Page.objects.filter(translation_key=english_only.translation_key).exists()


def test_sync_fallbacks_backfills_and_is_idempotent(locales):
    index = PracticeIndexPage.objects.get(locale=locales["en"])
    page = PracticePageFactory(parent=index, title="Imported before fallbacks existed")  # no publish signal
    assert fallbacks.sync_all() == 9
    assert Page.objects.filter(alias_of=page).count() == 9
    assert fallbacks.sync_all() == 0


def _listing_queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_listings_cost_the_same_queries_for_10_and_40_fallback_items(client, locales):
    # 40 of each: more than three pages of 12 in the practices and news listings.
    practices = PracticeIndexPage.objects.get(locale=locales["en"])
    news = NewsIndexPage.objects.get(locale=locales["en"])
    arabic = [locales["ar"]]

    def add(count: int) -> None:
        for _number in range(count):
            for page in (PracticePageFactory(parent=practices), NewsPageFactory(parent=news)):
                fallbacks.sync_item(page.translation_key, arabic)

    add(10)
    few = {url: _listing_queries(client, url) for url in ("/ar/practices/", "/ar/news/", "/ar/")}
    add(30)
    assert Page.objects.filter(alias_of__isnull=False, locale=locales["ar"]).count() >= 80
    many = {url: _listing_queries(client, url) for url in few}
    assert many == few


def fallback_documents(client, page: Page) -> dict[str, bytes]:
    """The English practice under Arabic and Urdu (mixed directions), with the listing that shows it."""
    documents = {}
    for code in ("ar", "ur"):
        for url in (alias_in(page, code).url, f"/{code}/practices/?sort=title"):
            response = client.get(url)
            assert response.status_code == 200, url
            documents[url] = response.content
    documents["/ar/ asked"] = client.get(alias_in(page, "ar").url + "?translation=counted").content
    return documents


def test_fallback_pages_have_no_html_errors(client, english_only):
    assert html_errors(fallback_documents(client, english_only)) == []


@pytest.mark.browser
def test_fallback_pages_have_no_accessibility_violations(client, english_only):
    assert axe_violations(fallback_documents(client, english_only)) == {}
