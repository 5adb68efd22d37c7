"""The page cache for anonymous readers (cms.page_cache), its purge on every change of a page in every
language where it appears (cms.cache_purge), HTTP revalidation, and the CDN purge (loopback server)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import engines
from django.urls import path
from wagtail.models import Page

from cms import page_cache
from cms.urls import urlpatterns as site_urlpatterns
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from news.models.news_page import Licence
from tests.cms.test_fallbacks import translate_and_publish

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"]


@pytest.fixture(autouse=True)
def page_cache_on(settings, tmp_path):
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = str(tmp_path / "generation")
    page_cache._process_local.cache_clear()
    cache.clear()
    yield
    page_cache._process_local.cache_clear()
    cache.clear()


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def news_item(locales):
    index = NewsIndexPage.objects.get(locale=locales["en"])
    # All rights reserved: no republishing form (a CSRF token), so the page can be cached.
    item = NewsPageFactory(parent=index, title="Aaa cached water boards", slug="cached-water-boards")
    item.licence = Licence.RESERVED
    return publish(item)


def read(client, url: str, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


# --- Hits and misses -----------------------------------------------------------------------------


def test_second_anonymous_request_is_a_hit_without_queries(client, django_assert_num_queries, news_item):
    for url in ("/en/", "/ar/news/", "/en/news/cached-water-boards/", "/ur/news/cached-water-boards/"):
        first, content = read(client, url)
        assert first.status_code == 200 and first["X-Page-Cache"] == "miss", url
        with django_assert_num_queries(0):
            second, again = read(client, url)
        assert second["X-Page-Cache"] == "hit" and again == content, url
        assert "public" in second["Cache-Control"] and "s-maxage=300" in second["Cache-Control"]
        assert second["Content-Language"] == url.split("/")[1]


def test_key_holds_host_language_and_query_string(client, news_item):
    read(client, "/en/news/")
    assert read(client, "/en/news/?page=2")[0]["X-Page-Cache"] == "miss"
    assert read(client, "/en/news/", HTTP_HOST="other.example")[0]["X-Page-Cache"] == "miss"
    # "/" redirects by Accept-Language: never one reader's language for another.
    french = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert french.status_code == 302 and french["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ar")["Location"] == "/ar/"


def test_cache_off_renders_every_time_but_still_sends_the_headers(client, settings, news_item):
    settings.PAGE_CACHE_ENABLED = False
    for _ in range(2):
        response = client.get("/en/news/")
        assert "X-Page-Cache" not in response and "public" in response["Cache-Control"] and response["ETag"]


# --- Never personal content -----------------------------------------------------------------------


def test_logged_in_pages_are_never_stored_nor_served_from_the_cache(client, editor, news_item):
    anonymous, public_content = read(client, "/en/news/cached-water-boards/")
    assert anonymous["X-Page-Cache"] == "miss"
    client.force_login(editor)
    personal, content = read(client, "/en/news/cached-water-boards/")
    assert "X-Page-Cache" not in personal and "private" in personal["Cache-Control"]
    assert "Log out" in content and "Log out" not in public_content
    client.logout()
    client.cookies.clear()
    assert "Log out" not in read(client, "/en/news/cached-water-boards/")[1]


def test_a_page_with_a_csrf_form_is_not_stored(client):
    # The choice: a form with a CSRF token is never cached (here the sign-up page; also news items
    # with the republishing form).
    for _ in range(2):
        response = client.get("/en/account/signup/")
        assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
        assert "X-Page-Cache" not in response and "private" in response["Cache-Control"]
        client.cookies.clear()


def test_fallback_pages_are_cached_and_their_translation_request_form_works_without_a_token(client, news_item):
    url = "/bn/news/cached-water-boards/"
    read(client, url)
    response, content = read(client, url)
    assert response["X-Page-Cache"] == "hit" and "translation-notice__request" in content
    assert "csrfmiddlewaretoken" not in content
    alias = Page.objects.get(translation_key=news_item.translation_key, locale__language_code="bn")
    client.handler.enforce_csrf_checks = True
    asked = client.post("/bn/translation-requests/", {"page": alias.pk})
    assert asked.status_code == 302 and "translation=counted" in asked["Location"]


def test_logged_in_translation_request_still_needs_its_token(client, editor, news_item):
    alias = Page.objects.get(translation_key=news_item.translation_key, locale__language_code="bn")
    client.handler.enforce_csrf_checks = True
    client.force_login(editor)
    assert client.post("/bn/translation-requests/", {"page": alias.pk}).status_code == 403


def _render(request, source: str, **context) -> HttpResponse:
    return HttpResponse(engines["django"].from_string(source).render(context, request))


def view_plain(request):
    return _render(request, "plain {{ request.path }}")


def view_with_message(request):
    messages.info(request, "Saved just for you")
    return _render(request, "{% for message in messages %}{{ message }}{% endfor %}")


def view_with_session(request):
    request.session["seen"] = True
    return HttpResponse("session")


def view_with_csrf_token(request):
    return HttpResponse(f"token {get_token(request)}")


def view_with_nonce(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')


def view_preview(request):
    request.is_preview = True
    return HttpResponse("draft")


def view_private(request):
    response = HttpResponse("mine")
    response["Cache-Control"] = "private"
    return response


urlpatterns = [  # the site's own URLs too: the admin's, which some middleware reverses
    *site_urlpatterns,
    path("plain/", view_plain),
    path("message/", view_with_message),
    path("session/", view_with_session),
    path("csrf/", view_with_csrf_token),
    path("nonce/", view_with_nonce),
    path("preview/", view_preview),
    path("private/", view_private),
]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize("url", ["/message/", "/session/", "/csrf/", "/nonce/", "/preview/", "/private/"])
def test_personal_responses_are_never_stored(client, url):
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200 and "X-Page-Cache" not in response, url
        assert "public" not in response.get("Cache-Control", "")
        client.cookies.clear()


@pytest.mark.urls(__name__)
def test_requests_with_a_session_or_message_cookie_bypass_the_cache(client):
    assert client.get("/plain/")["X-Page-Cache"] == "miss"
    assert client.get("/plain/")["X-Page-Cache"] == "hit"
    for cookie in ("sessionid", "messages"):
        client.cookies.clear()
        client.cookies[cookie] = "something"
        assert "X-Page-Cache" not in client.get("/plain/"), cookie


@pytest.mark.urls(__name__)
def test_a_cache_that_is_down_serves_pages_normally(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:9/0"},
    }
    settings.PAGE_CACHE_ALIAS = "pages"
    page_cache._process_local.cache_clear()
    for _ in range(2):
        response = client.get("/plain/")
        assert response.status_code == 200 and response.content == b"plain /plain/"
    page_cache.bump()  # a publish while the cache is down does not fail either


# --- Purge: every language where the page appears, at once ---------------------------------------


def where_it_appears(page: Page) -> dict[str, str]:
    return {
        item.locale.language_code: item.url
        for item in Page.objects.filter(translation_key=page.translation_key).live().select_related("locale")
    }


def test_publish_is_read_back_in_every_language_at_once(client, news_item):
    urls = where_it_appears(news_item)
    assert sorted(urls) == sorted(LANGUAGES)  # the original and its nine fallbacks
    listings = [f"/{code}/news/" for code in LANGUAGES] + [f"/{code}/news/feed/rss/" for code in ("en",)]
    for url in [*urls.values(), *listings]:
        read(client, url)
        assert read(client, url)[0]["X-Page-Cache"] == "hit", url
    news_item.title = "Bbb water boards, corrected"
    publish(news_item)
    for url in [*urls.values(), *listings]:
        response, content = read(client, url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Bbb water boards, corrected" in content and "Aaa cached water boards" not in content, url


def test_unpublish_and_delete_are_read_back_at_once(client, news_item, django_capture_on_commit_callbacks):
    urls = where_it_appears(news_item)
    for url in urls.values():
        assert read(client, url)[0].status_code == 200
    news_item.unpublish()
    for url in urls.values():
        assert client.get(url).status_code == 404, url
    assert "Aaa cached water boards" not in read(client, "/fr/news/")[1]
    news_item = publish(news_item)
    for url in urls.values():
        assert read(client, url)[0].status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        news_item.delete()
    for url in urls.values():
        assert client.get(url).status_code == 404, url
    assert "Aaa cached water boards" not in read(client, "/en/news/")[1]


def test_move_is_read_back_at_once(client, news_item, locales):
    old_url = news_item.url
    assert read(client, old_url)[0].status_code == 200
    about = Page.objects.get(locale=locales["en"], depth=3, slug="about")
    news_item.move(about, pos="last-child")
    moved = Page.objects.get(pk=news_item.pk)
    assert moved.url.startswith("/en/about/") and client.get(moved.url).status_code == 200
    old = client.get(old_url)  # Wagtail leaves a redirect behind
    assert old.status_code == 301 and old["Location"].endswith(moved.url)


def test_published_translation_replaces_the_cached_fallback_at_once(client, news_item):
    url = "/fr/news/cached-water-boards/"
    read(client, url)
    assert "translation-notice--fallback" in read(client, url)[1]
    french = translate_and_publish(news_item, "fr")
    assert french.url == url
    assert "translation-notice--fallback" not in read(client, url)[1]


def test_a_snippet_or_setting_change_empties_the_cache(client, news_item):
    from cms.models import Theme

    read(client, "/en/news/")
    Theme.objects.filter(locale__language_code="en").first().save()
    assert read(client, "/en/news/")[0]["X-Page-Cache"] == "miss"


def test_a_bulk_block_bumps_the_generation_once_at_its_end(client, news_item, monkeypatch):
    from cms import cache_purge
    from cms.models import Theme

    bumps = []
    monkeypatch.setattr(page_cache, "bump", lambda: bumps.append(1))
    read(client, "/en/news/")
    with cache_purge.deferred():
        for theme in Theme.objects.filter(locale__language_code="en")[:5]:
            theme.save()
        publish(news_item)
        assert bumps == []
    assert bumps == [1]  # (and once more after the commit, as every change)
    monkeypatch.undo()
    page_cache.bump()
    assert read(client, "/en/news/")[0]["X-Page-Cache"] == "miss"
    with cache_purge.deferred():
        pass
    assert read(client, "/en/news/")[0]["X-Page-Cache"] == "hit"  # nothing changed: nothing bumped


# --- Revalidation ----------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["/en/news/", "/en/news/feed/rss/", "/sitemap.xml", "/api/v2/news/"])
def test_conditional_requests_get_304(client, url, news_item):
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and "public" in first["Cache-Control"], url
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b"", url
    assert client.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


# --- The CDN ----------------------------------------------------------------------------------------


class PurgeRecorder(BaseHTTPRequestHandler):
    received: list[tuple[str, str]]

    def do_PURGE(self):
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    received: list[tuple[str, str]] = []
    handler = type("Recorder", (PurgeRecorder,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, received
    server.shutdown()
    server.server_close()


def test_publish_purges_every_url_showing_the_page_from_the_cdn(
    settings, purge_server, news_item, django_capture_on_commit_callbacks
):
    server, received = purge_server
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    news_item.title = "Ccc purged"
    with django_capture_on_commit_callbacks(execute=True):
        publish(news_item)
    paths = {path for _host, path in received}
    assert {host for host, _path in received} == {"localhost"}
    for code in LANGUAGES:
        for expected in (f"/{code}/news/cached-water-boards/", f"/{code}/news/", f"/{code}/"):
            assert expected in paths, expected
    assert {"/en/news/feed/rss/", "/en/news/feed/atom/", "/sitemap.xml"} <= paths
    assert f"/api/v2/news/{news_item.pk}/" in paths and "/api/v2/news/" in paths
    assert len(paths) == len(received)  # each URL once, though the aliases were published too


def test_remember_each_computes_only_the_missing_items_at_once_until_any_content_changes():
    """`page_cache.remember_each`: many keys in one round trip, the missing ones computed together."""
    calls = []

    def compute(missing: list[int]) -> dict[int, str]:
        calls.append(sorted(missing))
        return {item: f"value {item}" for item in missing}

    keys = {item: f"test:each:{item}" for item in (1, 2, 3)}
    everything = {1: "value 1", 2: "value 2", 3: "value 3"}
    assert page_cache.remember_each({1: keys[1]}, compute) == {1: "value 1"}
    assert page_cache.remember_each(keys, compute) == everything
    assert page_cache.remember_each(keys, compute) == everything
    assert calls == [[1], [2, 3]]
    page_cache.bump()
    assert page_cache.remember_each(keys, compute) == everything
    assert calls == [[1], [2, 3], [1, 2, 3]]
