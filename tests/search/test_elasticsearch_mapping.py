"""The Elasticsearch backend's index settings, mapping, documents and query bodies, checked without
a server: creating the client does not connect, and these are the dicts it would send."""

from __future__ import annotations

import pytest
from django.utils import translation
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.settings import env
from home.models import StandardPage
from search.backends.elasticsearch import ANALYSERS


@pytest.fixture
def backend():
    return get_search_backend("search.backends.elasticsearch", URLS=["http://127.0.0.1:9"], INDEX_PREFIX="ipsp_")


def query_body(backend, language: str, query: str, queryset=None) -> dict:
    with translation.override(language):
        compiler = backend.query_compiler_class(queryset if queryset is not None else Page.objects.live(), query)
    return compiler.get_query()


def test_elasticsearch_url_selects_the_language_aware_backend(monkeypatch):
    monkeypatch.setenv("ELASTICSEARCH_URL", "http://search.internal:9200")
    monkeypatch.setenv("ELASTICSEARCH_INDEX", "ipsp")

    config = env.search_backends()["default"]

    assert config["BACKEND"] == "search.backends.elasticsearch"
    assert config["URLS"] == ["http://search.internal:9200"]
    assert config["INDEX_PREFIX"] == "ipsp_"


def test_pages_go_to_one_prefixed_index(backend):
    assert backend.get_index_for_model(StandardPage).name == "ipsp_wagtailcore_page"


def test_index_settings_define_the_urdu_and_chinese_analysers(backend):
    analysis = backend.settings["settings"]["analysis"]

    urdu = analysis["analyzer"]["ipsp_urdu"]
    assert urdu["filter"] == ["lowercase", "decimal_digit", "arabic_normalization", "persian_normalization"]
    chinese = analysis["analyzer"]["ipsp_chinese"]
    assert analysis["tokenizer"][chinese["tokenizer"]] == {"type": "pattern", "pattern": "[\\s\\p{P}]+"}
    # Wagtail's own analysers are kept for autocomplete.
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_every_searchable_text_field_has_one_sub_field_per_language(backend):
    properties = backend.mapping_class(StandardPage).get_mapping()["properties"]

    for name in (
        "_all_text",
        "_all_text_boost_2_0",
        "title",
        "home_standardpage__introduction",
        "home_standardpage__body",
    ):
        languages = properties[name]["fields"]
        assert {key: field["analyzer"] for key, field in languages.items()} == ANALYSERS, name
    assert properties["_all_text"]["fields"]["fr"] == {"type": "text", "analyzer": "french"}
    assert properties["_all_text"]["fields"]["ar"]["analyzer"] == "arabic"
    assert properties["_all_text"]["fields"]["zh"]["analyzer"] == "ipsp_chinese"
    # Autocomplete keeps Wagtail's edge n-grams, and filters stay keywords.
    assert "fields" not in properties["_edgengrams"]
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert properties["locale_id_filter"] == {"type": "integer"}


@pytest.mark.django_db
def test_documents_carry_analysed_text_in_the_language_of_their_locale(backend, locales):
    mapping = backend.mapping_class(StandardPage)
    chinese = StandardPage(title="城市住房的新报告", introduction="", locale=locales["zh-hans"], pk=1)
    urdu = StandardPage(title="پاکستان میں تَعْلِیم", introduction="", locale=locales["ur"], pk=2)

    assert mapping.get_document(chinese)["title"].split() == ["城市", "住房", "的", "新", "报告"]
    assert mapping.get_document(urdu)["title"] == "پاكستان ميں تعليم"
    assert mapping.get_document(urdu)["_edgengrams"] == ["پاكستان ميں تعليم"]


@pytest.mark.django_db
def test_a_french_query_searches_the_french_sub_fields(backend, locales):
    body = query_body(backend, "fr", "Politiques SOCIALES", Page.objects.live().filter(locale=locales["fr"]))

    assert body["bool"]["must"] == {
        "multi_match": {
            "query": "politiques sociales",
            "fields": ["_all_text.fr", "_all_text_boost_1_5.fr^1.5", "_all_text_boost_2_0.fr^2.0"],
        }
    }
    assert {"term": {"locale_id_filter": locales["fr"].pk}} in body["bool"]["filter"][1]["bool"]["must"]


def test_an_arabic_query_is_normalised_and_searches_the_arabic_sub_fields(backend):
    body = query_body(backend, "ar", "السِّيَاسَات الاجتماعيّة في إفريقيا")

    assert body["bool"]["must"]["multi_match"] == {
        "query": "السياسات الاجتماعية في افريقيا",
        "fields": ["_all_text.ar", "_all_text_boost_1_5.ar^1.5", "_all_text_boost_2_0.ar^2.0"],
    }


def test_a_chinese_query_is_segmented_and_searches_the_chinese_sub_fields(backend):
    body = query_body(backend, "zh-hans", "社会进步报告")

    assert body["bool"]["must"]["multi_match"] == {
        "query": "社会 进步 报告",
        "fields": ["_all_text.zh", "_all_text_boost_1_5.zh^1.5", "_all_text_boost_2_0.zh^2.0"],
    }


def test_autocomplete_queries_the_edge_ngrams_with_analysed_text(backend):
    with translation.override("ur"):
        compiler = backend.autocomplete_query_compiler_class(Page.objects.live(), "پاکس")

    assert compiler.get_query()["bool"]["must"] == {"match": {"_edgengrams": {"query": "پاكس"}}}
