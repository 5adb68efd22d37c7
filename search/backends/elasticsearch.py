"""Wagtail's Elasticsearch 8 backend with one analyser per language.

Elasticsearch cannot pick an analyser per document, so every searchable text field (including
Wagtail's `_all_text` catch-all and its boosted copies) gets one sub-field per language, each
with that language's analyser: `_all_text.fr` uses the built-in `french` analyser, `_all_text.ur`
a custom Urdu one, and so on. A document is indexed under all of them (one index, no routing);
a query searches the sub-fields of the active language. The price is index size (ten analysed
copies of the text) for a simple, single-index design that Wagtail's rebuild and aliases handle
unchanged. Texts go through `search.analysis` on both sides, like the database backends: Chinese
arrives segmented by jieba and its analyser only splits on spaces and punctuation (no plugin).
"""

from __future__ import annotations

from copy import deepcopy

from modelsearch.backends.elasticsearchbase import Field  # Wagtail re-exports the backends, not this
from wagtail.search.backends import elasticsearch8 as upstream
from wagtail.search.index import AutocompleteField, SearchField
from wagtail.search.utils import deep_update

from search.analysis import SNOWBALL_LANGUAGES, analyse
from search.backends.common import AnalysingQueryMixin, object_language

# Sub-field name (primary language subtag) → analyser. Built-in analysers where Elasticsearch has
# one (stemming and normalisation included); custom ones below for Urdu and Chinese.
ANALYSERS = {
    **SNOWBALL_LANGUAGES,
    "bn": "bengali",
    "ur": "ipsp_urdu",
    "zh": "ipsp_chinese",
}

ANALYSIS = {
    "settings": {
        "analysis": {
            "analyzer": {
                # No Urdu analyser ships with Elasticsearch: Arabic-script normalisation (hamza,
                # alef and yeh forms, diacritics) plus the Persian letters Urdu shares (ی ک ہ).
                "ipsp_urdu": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "decimal_digit", "arabic_normalization", "persian_normalization"],
                },
                # Text arrives segmented into words by jieba (search.analysis.segment).
                "ipsp_chinese": {
                    "type": "custom",
                    "tokenizer": "ipsp_words",
                    "filter": ["cjk_width", "lowercase"],
                },
            },
            "tokenizer": {
                "ipsp_words": {"type": "pattern", "pattern": "[\\s\\p{P}]+"},
            },
        }
    }
}


def language_field(language: str) -> str | None:
    """The sub-field name for a language code ("zh-hans" → "zh"), or None for another language."""
    key = language.split("-")[0].lower()
    return key if key in ANALYSERS else None


def _add_language_fields(properties: dict) -> None:
    for mapping in properties.values():
        if mapping.get("type") == "nested":
            _add_language_fields(mapping["properties"])
        elif mapping.get("type") == "text" and "analyzer" not in mapping:  # not the edge n-grams
            mapping["fields"] = {key: {"type": "text", "analyzer": name} for key, name in ANALYSERS.items()}


class LanguageMapping(upstream.Elasticsearch8Mapping):
    def get_mapping(self) -> dict:
        mapping = super().get_mapping()
        _add_language_fields(mapping["properties"])
        return mapping

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, (SearchField, AutocompleteField)) and isinstance(value, str):
            language = object_language(obj)
            value = analyse(value, language, index=True)
            if edgengrams:
                edgengrams = [value]
        return name, value, edgengrams


class LanguageSearchQueryCompiler(AnalysingQueryMixin, upstream.Elasticsearch8SearchQueryCompiler):
    """Every word optional (a `bool` of `should` clauses): Elasticsearch's scoring ranks the
    documents that match most of them first."""

    mapping_class = LanguageMapping
    PARSE_QUERY = True
    DEFAULT_OPERATOR = "or"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if key := language_field(self.language):
            self.remapped_fields = [Field(f"{field.field_name}.{key}", field.boost) for field in self.remapped_fields]


class LanguageAutocompleteQueryCompiler(AnalysingQueryMixin, upstream.Elasticsearch8AutocompleteQueryCompiler):
    """Autocomplete keeps upstream's edge n-grams (`_edgengrams`), fed with analysed text."""

    mapping_class = LanguageMapping


class LanguageElasticsearchBackend(upstream.Elasticsearch8SearchBackend):
    mapping_class = LanguageMapping
    query_compiler_class = LanguageSearchQueryCompiler
    autocomplete_query_compiler_class = LanguageAutocompleteQueryCompiler
    settings = deep_update(deepcopy(upstream.Elasticsearch8SearchBackend.settings), ANALYSIS)


SearchBackend = LanguageElasticsearchBackend
