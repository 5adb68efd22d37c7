"""Wagtail's PostgreSQL search backend with one text search configuration per language.

Upstream builds every tsvector and tsquery with one configuration. Here an index entry's vectors
use the configuration of the object's locale (`french` for a French page, `simple` for objects
without a locale and for languages PostgreSQL has no stemmer for), and a query uses the
configuration of the active language, OR-ed with `simple` so exact words still match entries
indexed without stemming. Texts go through `search.analysis` on both sides.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorExact
from django.db import ProgrammingError
from django.db.models import BooleanField, Case, ExpressionWrapper, F, FloatField, Value, When
from django.db.models.sql.subqueries import InsertQuery
from wagtail.search.backends.database.postgres import postgres
from wagtail.search.query import Fuzzy, MatchAll, Not
from wagtail.search.utils import get_content_type_pk

from search.analysis import SNOWBALL_LANGUAGES
from search.backends.common import (
    AnalysingIndexerMixin,
    AnalysingQueryMixin,
    DeferrableTitleNormsMixin,
    DeferringRebuilderMixin,
)
from search.query import positive_terms

# The parts of a multi-word query's ranking (`LanguagePostgresSearchResults`): the pages that match
# every term, then the pages that match some.
EVERY_TERM = "every"
SOME_TERMS = "some"
# How many matches one ranking query ranks at most (`LanguagePostgresSearchResults`).
RANKED_CANDIDATES = 1000

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

    def splits_by_coverage(self) -> bool:
        """Whether the ranking is read in two parts, the pages matching every term first: a query of
        several optional terms, ranked (`LanguagePostgresSearchResults`)."""
        return self.ranks_in_blocks() and len(positive_terms(self.query)) > 1

    def ranks_in_blocks(self) -> bool:
        """Whether the ranking is read block by block (`LanguagePostgresSearchResults`): any ranked
        full-text query over the index (not `MatchAll`, not a fuzzy one, not given `fields`)."""
        return self.order_by_relevance and self.fields is None and not isinstance(self.query, (MatchAll, Not, Fuzzy))

    def _every_term(self, config):
        """The tsquery of the pages that match every positive term (each term as `build_tsquery`
        makes it, so that a page matches it exactly when its coverage counts all the terms)."""
        terms = [self.build_tsquery(term, config=config) for term in positive_terms(self.query)]
        every = terms[0]
        for term in terms[1:]:
            every = every & term
        return every

    def _cheap_order(self, config) -> list:
        """The order in which candidates are picked for ranking, read from the small columns only
        (never the body's tsvector, nor a rank): pages whose title matches first, the shorter
        titles first among them (Wagtail's title norm, which weighs the title's rank), then the
        newest (highest id). The reader's own language is left to the rank: as a sort key it leads
        PostgreSQL to a plan that reads every page of the language one by one."""
        title_matches = ExpressionWrapper(
            SearchVectorExact(F("index_entries__title"), self.build_tsquery(self.query, config=config)),
            output_field=BooleanField(),
        )
        return [title_matches.desc(), F("index_entries__title_norm").desc(), F("pk").desc()]

    def search(self, config, start, stop, score_field=None, backend=None, part=None, block=None):
        """Upstream's ranked search; with `part` only the pages that match every term
        (`EVERY_TERM`) or the others (`SOME_TERMS`), and with `block` only the `block`-th
        `RANKED_CANDIDATES` of those in `_cheap_order`, ranked among themselves."""
        if part is None and block is None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        matches = super().search(config, None, None, backend=backend)
        if part is not None:
            every = self._every_term(config)
            matches = matches.filter(_vector_=every) if part == EVERY_TERM else matches.exclude(_vector_=every)
        if block is None:
            return matches[start:stop]
        # The block's index entries, picked in the cheap order; then only they are ranked, found by
        # their primary key (the match is not tested again).
        candidates = matches.order_by(*self._cheap_order(config)).values("index_entries__id")[
            block * RANKED_CANDIDATES : (block + 1) * RANKED_CANDIDATES
        ]
        rank = self._build_rank_expression(self.get_search_vectors(None), config)
        block_pages = self.queryset.filter(index_entries__id__in=candidates)
        return self._apply_ordering_and_scoring(block_pages, rank, start, stop, score_field)


class LanguagePostgresAutocompleteQueryCompiler(LanguageQueryMixin, postgres.PostgresAutocompleteQueryCompiler):
    """Autocomplete keeps upstream's `simple` configuration (prefixes must not be stemmed)."""


class LanguagePostgresSearchRebuilder(DeferringRebuilderMixin, postgres.PostgresSearchRebuilder):
    pass


class LanguagePostgresSearchAtomicRebuilder(DeferringRebuilderMixin, postgres.PostgresSearchAtomicRebuilder):
    pass


class LanguagePostgresSearchResults(postgres.PostgresSearchResults):
    """Upstream's results, read so that a query ranks a bounded number of pages, however many match.

    Every word of a query is optional, but the pages that match all of them rank first (see
    `_build_rank_expression`). So a query of several terms first asks for the pages that match every
    term (few: the query is selective); only when they do not fill the slice asked for does a second
    query rank the pages that match some of the terms, the first ones left out. The order is the
    single OR ranking's: all-term pages, then the others, each by the same rank.

    And each part is ranked block by block: the first `RANKED_CANDIDATES` of its matches in a cheap
    order (title match, title norm, newest; `_cheap_order`) are ranked among themselves, then the
    next block, and so on. A part with fewer matches than that (every query on the demo content) is
    ranked exactly as one query would; a word that matches ten thousand pages ranks a thousand of
    them for its first results pages instead of all ten thousand. Every match still appears exactly
    once as one pages through, and `count()` stays the exact number of matches (a count ranks
    nothing).

    Queries per slice: one when the all-term pages fill it, two otherwise, one more when the slice
    starts past the all-term pages (their count) or spans a block boundary; never more with more
    content."""

    def _part(self, config, part, start: int, stop: int | None) -> list:
        """Rows `start:stop` of one part of the ranking, block by block."""
        compiler = self.query_compiler
        rows: list = []
        block = start // RANKED_CANDIDATES
        while stop is None or start + len(rows) < stop:
            low = block * RANKED_CANDIDATES
            wanted_start = start + len(rows) - low
            wanted_stop = RANKED_CANDIDATES if stop is None else min(stop - low, RANKED_CANDIDATES)
            found = list(
                compiler.search(
                    config, wanted_start, wanted_stop, self._score_field, self.backend, part=part, block=block
                )
            )
            rows += found
            if len(found) < wanted_stop - wanted_start or wanted_stop < RANKED_CANDIDATES:
                break  # the part has no more matches, or the slice ends in this block
            block += 1
        return rows

    def _do_search(self):
        compiler = self.query_compiler
        if not isinstance(compiler, LanguagePostgresSearchQueryCompiler) or not compiler.ranks_in_blocks():
            return super()._do_search()
        config = compiler.get_config(self.backend)
        start, stop = self.start, self.stop
        try:
            if not compiler.splits_by_coverage():
                return self._part(config, None, start, stop)
            every = self._part(config, EVERY_TERM, start, stop)
            if stop is not None and len(every) >= stop - start:
                return every
            # The all-term pages end before `stop`: their number is known, unless the slice starts
            # past them all (then they are counted).
            if every or start == 0:
                matching_every = start + len(every)
            else:
                matching_every = compiler.search(config, None, None, backend=self.backend, part=EVERY_TERM).count()
            rest_stop = None if stop is None else stop - matching_every
            return every + self._part(config, SOME_TERMS, max(start - matching_every, 0), rest_stop)
        except ProgrammingError as error:
            self._handle_missing_postgres_extension(error)


class LanguagePostgresSearchBackend(postgres.PostgresSearchBackend):
    results_class = LanguagePostgresSearchResults
    index_class = LanguagePostgresIndex
    rebuilder_class = LanguagePostgresSearchRebuilder
    atomic_rebuilder_class = LanguagePostgresSearchAtomicRebuilder
    query_compiler_class = LanguagePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = LanguagePostgresAutocompleteQueryCompiler
