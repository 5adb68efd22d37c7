"""Practice keywords in the reader's language: shown on practice pages and cards in the reader's
language (or marked in their own while not translated), filtered by a slug that is the same in every
language, in the partner API, the importer and search."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from cms import fallbacks
from practices.factories import PracticePageFactory
from practices.keyword_data import KEYWORDS
from practices.models import Keyword, PracticeIndexPage, PracticePage
from tests.tooling import axe_violations, html_errors

pytestmark = pytest.mark.django_db


def page_in(page: Page, code: str) -> PracticePage:
    """The practice under a language's prefix: its translation, or the fallback standing in for it."""
    return PracticePage.objects.get(translation_key=page.translation_key, locale__language_code=code)


def keywords_on_page(content: str) -> list[tuple[str, str, str]]:
    """(lang, dir, name) of the keywords in a practice page's "At a glance"."""
    block = re.search(r'<dd class="practice-keywords">(.*?)</dd>', content, re.S)
    assert block, "the page lists no keywords"
    return re.findall(r'<a href="[^"]+" lang="([^"]+)" dir="([^"]+)"[^>]*>([^<]+)</a>', block.group(1))


def keywords_on_cards(content: str) -> list[tuple[str, str, str]]:
    return re.findall(r'class="practice-card__keyword" href="[^"]+" lang="([^"]+)" dir="([^"]+)">([^<]+)</a>', content)


@pytest.fixture
def cash_transfers():
    """A demo practice filed under "cash transfers", in English (its other languages follow it)."""
    keyword = Keyword.objects.get(slug="cash-transfers", locale__language_code="en")
    practice = keyword.practices.filter(locale__language_code="en", alias_of__isnull=True).live().first()
    assert practice is not None
    return practice


# --- Shown in the reader's language ----------------------------------------------------------------


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("hi", "ltr")])
def test_practice_page_and_card_show_keywords_in_the_readers_language(client, cash_transfers, code, direction):
    page = page_in(cash_transfers, code)
    content = client.get(page.url).content.decode()
    shown = keywords_on_page(content)
    expected = {
        (code, direction, KEYWORDS[keyword.name][code])
        for keyword in cash_transfers.keywords.all()
        if keyword.name in KEYWORDS
    }
    assert expected and set(shown) == expected
    assert (code, direction, KEYWORDS["cash transfers"][code]) in shown
    assert "?keyword=cash-transfers" in content

    listing = client.get(f"/{code}/practices/", {"keyword": "cash-transfers"}).content.decode()
    cards = keywords_on_cards(listing)
    assert cards
    assert (code, direction, KEYWORDS["cash transfers"][code]) in cards
    assert all(lang == code for lang, _dir, _name in cards)  # every demo keyword is translated
    assert "cash transfers" not in {name for _lang, _dir, name in cards}


def test_a_keyword_not_translated_yet_keeps_its_own_language(client, locales):
    index = PracticeIndexPage.objects.get(locale=locales["en"])
    keyword = Keyword.objects.create(name="Quillfeather commons", locale=locales["en"])
    translated = Keyword.objects.get(slug="cash-transfers", locale=locales["en"])
    practice = PracticePageFactory(parent=index, title="Quillfeather commons trust", slug="quillfeather")
    practice.keywords = [keyword, translated]
    practice.save_revision().publish()
    page = page_in(practice, "ar")
    assert page.alias_of_id == practice.pk  # the English practice stands in for its Arabic translation

    shown = keywords_on_page(client.get(page.url).content.decode())
    assert ("en", "ltr", "Quillfeather commons") in shown
    assert ("ar", "rtl", KEYWORDS["cash transfers"]["ar"]) in shown
    listing = client.get("/ar/practices/", {"keyword": keyword.slug}).content.decode()
    assert ("en", "ltr", "Quillfeather commons") in keywords_on_cards(listing)
    facet = re.search(r'<label for="facet-keyword-quillfeather-commons">(.*?)</label>', listing, re.S).group(1)
    assert '<span lang="en" dir="ltr">Quillfeather commons</span>' in facet

    # Translated later, in the snippet admin's way (wagtail-localize copies it): shown in Arabic.
    arabic = keyword.copy_for_translation(locales["ar"])
    arabic.name = "مشاعات كويلفيذر"
    arabic.save()
    assert ("ar", "rtl", "مشاعات كويلفيذر") in keywords_on_page(client.get(page.url).content.decode())
    # and found by it: the practices of its language are indexed again with the new name.
    found = PracticePage.objects.live().filter(locale=locales["ar"]).search("كويلفيذر")
    assert page.pk in [result.pk for result in found]


# --- Filtered by a language-independent value ------------------------------------------------------


def _filtered(client, code: str, slug: str) -> tuple[int, set, int]:
    response = client.get(f"/{code}/practices/", {"keyword": slug})
    assert response.status_code == 200
    results = response.context["results"]
    facet = next(facet for facet in response.context["facets"] if facet.name == "keyword")
    option = next(option for option in facet.options if option.value == slug)
    assert option.selected
    return results.paginator.count, {practice.translation_key for practice in results}, option.count


def test_a_keyword_filter_finds_the_same_practices_in_every_language(client):
    for slug in ("cash-transfers", "social-protection", "participatory-budgeting"):
        english = _filtered(client, "en", slug)
        assert english[0] >= 1
        assert _filtered(client, "ar", slug) == english
        assert _filtered(client, "zh-hans", slug) == english


# --- Constant cost ---------------------------------------------------------------------------------


def _queries(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_listing_costs_the_same_queries_for_10_and_40_practices_with_keywords(client, locales):
    # 40: more than three pages of 12 (practices.browsing.PER_PAGE), every row and facet counted again.
    index = PracticeIndexPage.objects.get(locale=locales["en"])
    keywords = list(Keyword.objects.filter(locale=locales["en"], slug__in=["cash-transfers", "forests", "climate"]))
    untranslated = Keyword.objects.create(name="Marrowglen ledger", locale=locales["en"])

    def add(count: int) -> None:
        for _number in range(count):
            practice = PracticePageFactory(parent=index)
            practice.keywords = [*keywords, untranslated]
            practice.save()
            fallbacks.sync_item(practice.translation_key, [locales["ar"]])

    urls = ["/ar/practices/", "/ar/practices/?keyword=forests", "/en/practices/?keyword=marrowglen-ledger&sort=title"]
    add(10)
    few = {url: _queries(client, url) for url in urls}
    add(30)
    assert PracticePage.objects.filter(keywords=untranslated, locale=locales["ar"]).count() == 40
    assert {url: _queries(client, url) for url in urls} == few


# --- The API, the importer and search follow -------------------------------------------------------


def test_the_partner_api_names_keywords_in_the_items_language(client, cash_transfers):
    item = client.get(f"/api/v2/practices/{page_in(cash_transfers, 'fr').pk}/").json()
    if item.get("language") != "fr":  # a fallback is not served by the API: the original is
        item = client.get(f"/api/v2/practices/{cash_transfers.pk}/").json()
    assert {"slug": "cash-transfers", "name": KEYWORDS["cash transfers"][item["language"]]} in item["keywords"]


def test_an_import_links_keywords_in_the_rows_language_and_creates_new_ones(tmp_path, editor, locales):
    from practices.importer import import_practices

    path = tmp_path / "practices.csv"
    path.write_text(
        "external_id,title,summary,language,scale,themes,keywords\n"
        'kw-1,Cantines de quartier,Des cantines.,fr,local,health,"transferts monétaires;Glanage solidaire"\n'
        "kw-2,Autre cantine,Une autre.,fr,local,health,glanage solidaire\n",
        encoding="utf-8",
    )
    result = import_practices(path, user=editor)
    assert not result.errors
    first = PracticePage.objects.get(external_id="kw-1", locale=locales["fr"])
    second = PracticePage.objects.get(external_id="kw-2", locale=locales["fr"])
    new = Keyword.objects.get(locale=locales["fr"], name="Glanage solidaire")
    assert {keyword.slug for keyword in first.keywords.all()} == {"cash-transfers", new.slug}
    assert list(second.keywords.all()) == [new]  # the same new keyword, not a second one


def test_search_finds_a_practice_by_its_keyword_in_the_readers_language(cash_transfers):
    page = page_in(cash_transfers, "ar")
    assert KEYWORDS["cash transfers"]["ar"] in page.search_keywords()
    assert "cash transfers" in page.search_keywords()  # the original's, for a fallback read in Arabic


# --- Valid and accessible --------------------------------------------------------------------------


def keyword_documents(client, practice: Page) -> dict[str, bytes]:
    documents = {}
    for code in ("ar", "ur"):
        for url in (page_in(practice, code).url, f"/{code}/practices/?keyword=cash-transfers"):
            response = client.get(url)
            assert response.status_code == 200, url
            documents[url] = response.content
    return documents


def test_practice_pages_with_keywords_have_no_html_errors(client, cash_transfers):
    assert html_errors(keyword_documents(client, cash_transfers)) == []


@pytest.mark.browser
def test_practice_pages_with_keywords_have_no_accessibility_violations(client, cash_transfers):
    assert axe_violations(keyword_documents(client, cash_transfers)) == {}


# --- Editors and translators ----------------------------------------------------------------------


def test_editors_choose_among_the_keywords_of_the_practices_language(admin_client, cash_transfers, locales):
    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=(cash_transfers.pk,))).content.decode()
    offered = set(map(int, re.findall(r'name="keywords" value="(\d+)"', content)))
    english = set(Keyword.objects.filter(locale=locales["en"]).values_list("pk", flat=True))
    assert offered == english  # not the nine other languages' translations of them
    checked = set(map(int, re.findall(r'name="keywords" value="(\d+)"[^>]*\bchecked', content)))
    assert checked and checked == {keyword.pk for keyword in cash_transfers.keywords.all()}


def test_translators_find_keywords_among_the_snippets(admin_client, locales):
    keyword = Keyword.objects.get(slug="cash-transfers", locale=locales["ar"])
    url = reverse("wagtailsnippets_practices_keyword:list")
    listing = admin_client.get(url, {"q": "cash-transfers"}).content.decode()
    assert KEYWORDS["cash transfers"]["ar"] in listing
    edit = admin_client.get(reverse("wagtailsnippets_practices_keyword:edit", args=(keyword.pk,)))
    assert edit.status_code == 200
