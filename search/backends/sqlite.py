"""Wagtail's SQLite (FTS5) search backend with analysis and Snowball stemming done in Python.

SQLite has no stemmers, so for the seven languages PostgreSQL stems, this backend stems the
indexed title and body and the query words with the same Snowball algorithms (`search.analysis.
stem`); the query also keeps its unstemmed words (OR) so entries without a locale, indexed
unstemmed, match exact words. Autocomplete is analysed but never stemmed (prefixes).
"""

from __future__ import annotations

from django.utils.functional import cached_property
from wagtail.search.backends.database.sqlite import sqlite
from wagtail.search.query import Not, Or, SearchQuery
from wagtail.search.utils import get_content_type_pk

from search.analysis import stem
from search.backends.common import (
    AnalysingIndexerMixin,
    AnalysingQueryMixin,
    DeferrableTitleNormsMixin,
    DeferringRebuilderMixin,
    map_query_text,
)

IndexEntry = sqlite.IndexEntry


class LanguageObjectIndexer(AnalysingIndexerMixin, sqlite.ObjectIndexer):
    @cached_property
    def title(self) -> str:
        return stem(super().title, self.language)

    @cached_property
    def body(self) -> str:
        return stem(super().body, self.language)


class LanguageSQLiteIndex(DeferrableTitleNormsMixin, sqlite.SQLiteIndex):
    def add_items(self, model, objs) -> None:
        """Upstream's upsert, with `LanguageObjectIndexer` in place of upstream's indexer (the only
        change: upstream names its indexer class inside this method)."""
        if not model.get_search_fields():
            return
        indexers = [LanguageObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        indexed = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in indexed:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=get_content_type_pk(model),
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed
        )
        self._refresh_title_norms()


def _negates(query: SearchQuery) -> bool:
    if isinstance(query, Not):
        return True
    return any(_negates(subquery) for subquery in getattr(query, "subqueries", ()))


class LanguageSQLiteSearchQueryCompiler(AnalysingQueryMixin, sqlite.SQLiteSearchQueryCompiler):
    """FTS5's bm25 sums what each matched term contributes, so with every word optional the pages
    that match most of them already rank first."""

    PARSE_QUERY = True
    DEFAULT_OPERATOR = "or"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        stemmed = map_query_text(self.query, lambda text: stem(text, self.language) or text)
        if _negates(self.query):
            # Upstream moves NOT to the front of the FTS5 query, which an OR of two trees would defeat.
            self.query = stemmed
        elif repr(stemmed) != repr(self.query):
            self.query = Or([stemmed, self.query])


class LanguageSQLiteAutocompleteQueryCompiler(AnalysingQueryMixin, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class LanguageSQLiteSearchRebuilder(DeferringRebuilderMixin, sqlite.SQLiteSearchRebuilder):
    pass


class LanguageSQLiteSearchAtomicRebuilder(DeferringRebuilderMixin, sqlite.SQLiteSearchAtomicRebuilder):
    pass


class LanguageSQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    index_class = LanguageSQLiteIndex
    rebuilder_class = LanguageSQLiteSearchRebuilder
    atomic_rebuilder_class = LanguageSQLiteSearchAtomicRebuilder
    query_compiler_class = LanguageSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = LanguageSQLiteAutocompleteQueryCompiler
