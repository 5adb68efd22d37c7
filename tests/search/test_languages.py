"""Real searches in each of the ten languages, through the query the site search makes
(`Page.objects.live().public().filter(locale=…).search(q)` in the visitor's language).

Each case puts a word on a live page in one form and searches for it in another: plural and
singular for the languages with a stemmer, a Chinese word inside an unsegmented sentence, Arabic
and Urdu with and without diacritics and letter variants, Bengali in two Unicode spellings. The
same cases pass on SQLite, where `search.backends.sqlite` stems in Python with the Snowball
algorithms PostgreSQL uses, so none is PostgreSQL-only.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.utils import translation
from wagtail.models import Page

from home.factories import StandardPageFactory
from search.analysis import normalise, segment, stem

# (language, text on the page, query, what it shows)
CASES = [
    ("en", "Housing policies for growing cities", "policy", "English plural indexed, singular searched"),
    ("es", "Las viviendas cooperativas de Montevideo", "vivienda", "Spanish plural → singular"),
    ("fr", "Les inégalités de revenu en Europe", "inégalité", "French plural → singular"),
    ("pt", "As cooperativas agrícolas do Cerrado", "cooperativa", "Portuguese plural → singular"),
    ("ru", "Доклады о социальном прогрессе", "доклад", "Russian plural → singular"),
    ("ar", "السياسات الاجتماعية في المجتمعات الريفية", "مجتمع", "Arabic plural with article → singular"),
    ("ar", "إصلاح الأراضي الزراعية", "اصلاح", "Arabic alef with hamza indexed, bare alef searched"),
    ("ar", "التعليم العالي في المغرب", "التَّعْلِيمُ", "Arabic query with tashkeel"),
    ("hi", "शिक्षा नीतियों पर नई रिपोर्टें", "रिपोर्ट", "Hindi plural → singular"),
    ("hi", "ग्रामीण स्वास्थ्य सेवाएँ", "स्वास्थ्य", "Hindi exact word"),
    ("bn", "গ্রামীণ উন্ন\u09dfন প্রকল্প", "উন্ন\u09af\u09bcন", "Bengali ya with nukta, precomposed vs decomposed"),
    ("bn", "নারী শিক্ষার অগ্রগতি", "অগ্রগতি", "Bengali exact word"),
    ("ur", "پاکستان میں تَعْلِیم کی صورتحال", "تعليم", "Urdu with diacritics and ی indexed, Arabic ي searched"),
    ("ur", "کراچی کے شہری منصوبے", "كراچي", "Urdu keheh ک indexed, Arabic kaf ك searched"),
    ("zh-hans", "社会进步国际小组发布了关于城市住房的新报告", "住房", "Chinese word inside a sentence"),
    ("zh-hans", "社会进步国际小组发布了关于城市住房的新报告", "城市住房", "Chinese query of two words"),
]


def site_search(language: str, query: str, locale) -> list[int]:
    with translation.override(language):
        return [page.pk for page in Page.objects.live().public().filter(locale=locale).search(query)[:10]]


@pytest.fixture
def publish(home_pages, django_capture_on_commit_callbacks):
    """A live page in `language` holding `text`, indexed the way a save indexes it (on commit)."""

    def make(language: str, text: str) -> Page:
        with django_capture_on_commit_callbacks(execute=True):
            return StandardPageFactory(parent=home_pages[language], title=text, introduction="")

    return make


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "text", "query", "why"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES])
def test_search_finds_the_word_in_another_form(publish, language, text, query, why):
    page = publish(language, text)

    assert page.pk in site_search(language, query, page.locale), why


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "text", "query"), [("fr", "Les inégalités de revenu", "logement")])
def test_search_does_not_find_a_word_the_page_does_not_hold(publish, language, text, query):
    page = publish(language, text)

    assert page.pk not in site_search(language, query, page.locale)


@pytest.mark.django_db
def test_a_page_in_another_language_is_not_found_from_this_locale(publish, locales):
    page = publish("fr", "Les coopératives d'habitation")

    assert page.pk not in site_search("es", "coopératives", locales["es"])


@pytest.mark.django_db
def test_autocomplete_matches_a_prefix_across_arabic_letter_variants(publish):
    page = publish("ar", "إصلاح الأراضي الزراعية")

    with translation.override("ar"):
        found = Page.objects.live().filter(locale=page.locale).autocomplete("اصل")

    assert page.pk in [result.pk for result in found]


@pytest.mark.django_db
def test_the_backend_in_use_is_the_language_aware_one():
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()

    assert type(backend).__module__ == f"search.backends.{connection.vendor.replace('postgresql', 'postgres')}"


def test_normalise_strips_arabic_diacritics_and_unifies_letter_variants():
    assert normalise("التَّعْلِيمُ", "ar") == "التعليم"
    assert normalise("أإآٱ", "ar") == "اااا"
    assert normalise("مستشفى", "ar") == "مستشفي"
    assert normalise("ـــعلم", "ar") == "علم"  # tatweel
    assert normalise("پاکستان ہے ی", "ur") == normalise("پاكستان هے ي", "ur")
    assert normalise("٢٠٢٦ ۲۰۲۶ २०२६", "ur") == "2026 2026 2026"


def test_normalise_casefolds_and_applies_nfkc():
    assert normalise("Straße ＩＰＳＰ", "en") == "strasse ipsp"


def test_segment_splits_chinese_into_words_and_leaves_other_text_alone():
    assert segment("城市住房的新报告。", "zh-hans").split() == ["城市", "住房", "的", "新", "报告"]
    assert "共和国" in segment("中华人民共和国", "zh-hans", index=True).split()
    assert segment("Les inégalités", "fr") == "Les inégalités"


def test_stem_joins_plural_and_singular_only_where_a_stemmer_exists():
    assert stem("policies", "en") == stem("policy", "en")
    assert stem("রিপোর্টগুলো", "bn") == "রিপোর্টগুলো"
