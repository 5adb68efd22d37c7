"""Wagtail's PostgreSQL search backend with one text search configuration per language.

Upstream builds every tsvector and tsquery with one configuration. Here an index entry's vectors
use the configuration of the object's locale (`french` for a French page, `simple` for objects
without a locale and for languages PostgreSQL has no stemmer for), and a query uses the
configuration of the active language, OR-ed with `simple` so exact words still match entries
indexed without stemming. Texts go through `search.analysis` on both sides.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorExact
from django.db.models import Case, FloatField, Value, When
from django.db.models.sql.subqueries import InsertQuery
from wagtail.search.backends.database.postgres import postgres
from wagtail.search.utils import get_content_type_pk

from search.analysis import SNOWBALL_LANGUAGES
from search.backends.common import (
    AnalysingIndexerMixin,
    AnalysingQueryMixin,
    DeferrableTitleNormsMixin,
    DeferringRebuilderMixin,
)
from search.query import positive_terms

IndexEntry = postgres.IndexEntry

# PostgreSQL 15's built-in Snowball configurations carry the same names as the Snowball stemmers
# search.analysis uses; Bengali, Urdu and Chinese have none and use `simple` (after normalisation
# and segmentation).
CONFIGS = SNOWBALL_LANGUAGES
SIMPLE = "simple"


def config_for(language: str) -> str:
    """The text search configuration for a language code ("fr", "zh-hans", "" for none)."""
    return CONFIGS.get(language.split("-")[0].lower(), SIMPLE)


class LanguageObjectIndexer(AnalysingIndexerMixin, postgres.ObjectIndexer):
    def __init__(self, obj, backend) -> None:
        super().__init__(obj, backend)
        self.config = config_for(self.language)


class LanguagePostgresIndex(DeferrableTitleNormsMixin, postgres.PostgresIndex):
    def add_items(self, model, objs) -> None:
        """Upstream's bulk upsert, with `LanguageObjectIndexer` in place of upstream's indexer (the
        only change: upstream names its indexer class inside this method)."""
        if not model.get_search_fields():
            return
        indexers = [LanguageObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for name in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(IndexEntry._meta.get_field(name), getattr(indexer, name))
                sql, vector_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(vector_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm,
                                     title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body, title_text = EXCLUDED.title_text,
                              body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


class LanguageQueryMixin(AnalysingQueryMixin):
    def build_tsquery(self, query, config=None):
        """The active language's stemmed query OR the same words unstemmed: entries indexed with
        `simple` (no locale, or another language than the visitor's) still match exact words."""
        stemmed = super().build_tsquery(query, config=config)
        if stemmed is None or config in (None, SIMPLE) or self.fields is not None:
            return stemmed
        return stemmed | super().build_tsquery(query, config=SIMPLE)


# A page that matches one more term of the query ranks above any page that matches fewer, whatever
# their text ranks (ts_rank stays well below this for the short texts of an index entry).
COVERAGE_WEIGHT = 100.0
# Among pages matching as many terms, a page written in the reader's language comes before an alias
# that shows another language's original in this language's tree.
OWN_LANGUAGE_WEIGHT = 1.0


class LanguagePostgresSearchQueryCompiler(LanguageQueryMixin, postgres.PostgresSearchQueryCompiler):
    PARSE_QUERY = True
    DEFAULT_OPERATOR = "or"

    def get_config(self, backend) -> str:
        return config_for(self.language)

    def _build_rank_expression(self, vectors, config):
        """Upstream's rank (title and body, field weights) plus, first, how many of the query's terms
        the entry matches (every word is optional, but the pages with the most of them come first),
        and a step for pages in the reader's own language over aliases."""
        rank = super()._build_rank_expression(vectors, config)
        if any(field.name == "alias_of" for field in self.queryset.model._meta.get_fields()):
            rank = rank + Case(
                When(alias_of__isnull=True, then=Value(OWN_LANGUAGE_WEIGHT)),
                default=Value(0.0),
                output_field=FloatField(),
            )
        terms = positive_terms(self.query)
        if len(terms) < 2:
            return rank
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        matched = [
            Case(
                When(SearchVectorExact(combined, self.build_tsquery(term, config=config)), then=Value(1.0)),
                default=Value(0.0),
                output_field=FloatField(),
            )
            for term in terms
        ]
        coverage = matched[0]
        for term in matched[1:]:
            coverage = coverage + term
        return coverage * COVERAGE_WEIGHT + rank


class LanguagePostgresAutocompleteQueryCompiler(LanguageQueryMixin, postgres.PostgresAutocompleteQueryCompiler):
    """Autocomplete keeps upstream's `simple` configuration (prefixes must not be stemmed)."""


class LanguagePostgresSearchRebuilder(DeferringRebuilderMixin, postgres.PostgresSearchRebuilder):
    pass


class LanguagePostgresSearchAtomicRebuilder(DeferringRebuilderMixin, postgres.PostgresSearchAtomicRebuilder):
    pass


class LanguagePostgresSearchBackend(postgres.PostgresSearchBackend):
    index_class = LanguagePostgresIndex
    rebuilder_class = LanguagePostgresSearchRebuilder
    atomic_rebuilder_class = LanguagePostgresSearchAtomicRebuilder
    query_compiler_class = LanguagePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = LanguagePostgresAutocompleteQueryCompiler
