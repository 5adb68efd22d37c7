"""The site chrome's rows are cached until any content changes (`cms.templatetags.cms_tags`, issue
17): a page's next request asks no chrome query, and a change is in every language's menus at once,
with the page cache off as in production without it."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from cms.templatetags.cms_tags import footer_pages, menu_pages
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

PRACTICE = "/en/practices/housing-first-finland/"


def chrome_queries(queries) -> list[str]:
    # The chrome's one query is the only one reading the footer flag of standard pages.
    return [query["sql"] for query in queries if "show_in_footer" in query["sql"]]


def menu(content: bytes) -> list[str]:
    return [title for _href, title in menu_links(content)]


def menu_links(content: bytes) -> list[tuple[str, str]]:
    nav = re.search(rb'<nav class="site-nav".*?</nav>', content, re.S)
    assert nav is not None
    return [
        (href.decode(), title.decode())
        for href, title in re.findall(rb'<a href="([^"]*)"[^>]*>([^<]*)</a>', nav.group(0))
    ]


def test_a_pages_next_request_reads_its_chrome_from_the_cache(client):
    assert not settings.PAGE_CACHE_ENABLED  # the pages themselves are rendered every time
    with CaptureQueriesContext(connection) as cold:
        first = client.get(PRACTICE)
    with CaptureQueriesContext(connection) as warm:
        second = client.get(PRACTICE)
    assert len(chrome_queries(cold)) == 1
    assert not chrome_queries(warm)
    assert first.status_code == second.status_code == 200
    assert second.content == first.content  # the same chrome, language switcher and links included


def test_a_published_menu_page_is_in_every_languages_menu_at_once_and_gone_once_unpublished(client, english_home):
    languages = [code for code, _name in settings.LANGUAGES]
    for code in languages:  # every language's chrome cached first
        assert client.get(f"/{code}/").status_code == 200
    page = StandardPageFactory(parent=english_home, title="Forum archive", slug="forum-archive", live=False)
    page.show_in_menus = True
    page.save_revision().publish()  # as an editor publishes: the fallbacks follow in every language
    for code in languages:
        assert "Forum archive" in menu(client.get(f"/{code}/").content), code
    Page.objects.get(pk=page.pk).specific.unpublish()
    for code in languages:
        assert "Forum archive" not in menu(client.get(f"/{code}/").content), code


def test_the_chromes_links_lead_to_each_pages_address_on_the_requests_site(client, english_home):
    """The addresses are kept with the chrome's rows (`href`); a new page's is right at once."""
    page = StandardPageFactory(parent=english_home, title="Forum archive", slug="forum-archive", live=False)
    page.show_in_menus = True
    page.save_revision().publish()
    client.get("/en/")  # the chrome cached with its addresses
    links = menu_links(client.get("/en/").content)
    assert ("/en/forum-archive/", "Forum archive") in links
    assert all(href == Page.objects.get(title=title, locale__language_code="en", depth=3).url for href, title in links)
    french = {title: href for href, title in menu_links(client.get("/fr/").content)}
    assert french["Forum archive"] == "/fr/forum-archive/"  # its fallback in French, under /fr/


def test_menu_and_footer_links_read_without_the_chrome_have_their_addresses_too(english_home):
    """Outside a request (or for another home page) the tags read the links themselves."""
    menu = menu_pages({}, english_home)
    footer = footer_pages({}, english_home)
    assert menu and footer
    assert [page.href for page in [*menu, *footer]] == [page.get_url() for page in [*menu, *footer]]
