"""How PostgreSQL's search results are read (issue 15's latency target): the pages matching every
term first, the others only when those do not fill the slice, and every part ranked by blocks of
candidates. What a visitor sees must be the single OR ranking's order, page after page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.search.backends import get_search_backend

from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage
from search.backends import postgres as backend_module

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL backend's reading"),
]

QUERY = "zorblat quendle marrowind"


def add_practices(coverage: list[int]) -> None:
    """One practice per number: matching that many of QUERY's words (the first n), its title and
    summary varied so that the ranks differ."""
    parent = PracticeIndexPage.objects.get(locale__language_code="en")
    words = QUERY.split()
    for number, matched in enumerate(coverage):
        title = " ".join([words[0]] * (1 + number % 3) + words[1:matched]) + f" gathering {number}"
        summary = " ".join(words[matched - 1 : matched] * (number % 4)) + " Neighbours meet every week."
        PracticePageFactory(parent=parent, title=title, summary=summary)


def results(query: str = QUERY):
    with translation.override("en"):
        return get_search_backend().search(query, PracticePage.objects.live())


def single_query_ranking(query: str = QUERY) -> list[int]:
    """Today's ranking in one query: every match ranked together (what `get_queryset` still sends)."""
    with translation.override("en"):
        return [page.pk for page in results(query).get_queryset()]


def read(searched, start: int, stop: int | None) -> list[int]:
    with translation.override("en"):
        return [page.pk for page in searched[start:stop]]


def test_two_passes_give_the_single_or_rankings_order_on_every_slice():
    add_practices([3, 1, 2, 3, 1, 3, 2, 2, 3, 1, 2])  # four pages match every word, seven some
    expected = single_query_ranking()
    assert len(expected) == 11
    assert read(results(), 0, None) == expected
    # Slices before, across and after the boundary between all-word and partial matches.
    for size in (1, 2, 3, 4, 5, 10):
        pages = [read(results(), start, start + size) for start in range(0, 12, size)]
        assert [pk for page in pages for pk in page] == expected, size
    assert read(results(), 6, None) == expected[6:]
    assert results().count() == 11


def test_a_query_no_page_matches_entirely_and_a_single_word_keep_their_order():
    add_practices([1, 2, 1, 2, 1])  # no page has "marrowind"
    assert read(results(), 0, None) == single_query_ranking()
    assert [read(results(), start, start + 2) for start in (0, 2, 4)] == [
        single_query_ranking()[0:2],
        single_query_ranking()[2:4],
        single_query_ranking()[4:6],
    ]
    assert read(results("zorblat"), 0, 3) == single_query_ranking("zorblat")[:3]


def test_exclusions_and_phrases_are_kept_in_both_passes():
    add_practices([3, 2, 3, 1, 2])
    for query in (f"{QUERY} -2", '"zorblat quendle" marrowind', "zorblat quendle -marrowind"):
        assert len(single_query_ranking(query)) >= 3, query
        assert read(results(query), 0, None) == single_query_ranking(query), query
        assert read(results(query), 1, 3) == single_query_ranking(query)[1:3], query


def test_blocks_of_candidates_page_through_every_match_once(monkeypatch):
    add_practices([3, 1, 2, 3, 1, 3, 2, 2, 3, 1, 2])
    expected = single_query_ranking()
    monkeypatch.setattr(backend_module, "RANKED_CANDIDATES", 3)
    shown = [pk for start in range(0, 12, 2) for pk in read(results(), start, start + 2)]
    assert sorted(shown) == sorted(expected)  # each match once, none lost at a block's edge
    every = set(expected[:4])
    assert set(shown[:4]) == every  # pages matching every word still come first
    assert read(results(), 0, None) == shown
    single = [pk for start in range(0, 12, 2) for pk in read(results("zorblat"), start, start + 2)]
    assert sorted(single) == sorted(single_query_ranking("zorblat"))


def queries_per_slice(matching_every: int) -> dict[str, int]:
    """Queries to read a slice of three: inside the all-word pages, across their end, past it."""
    slices = {
        "first": (0, 3),
        "across": (matching_every - 1, matching_every + 2),
        "past": (matching_every + 1, matching_every + 4),
    }
    counts = {}
    for name, (start, stop) in slices.items():
        with CaptureQueriesContext(connection) as queries:
            read(results(), start, stop)
        counts[name] = len(queries)
    return counts


def test_queries_per_slice_stay_constant_as_content_grows():
    add_practices([3, 3, 3, 3, 2, 1])
    counts = queries_per_slice(4)
    # All-word pages fill the slice: one query; across the boundary: two; past it: their count too.
    assert counts == {"first": 1, "across": 2, "past": 3}
    add_practices([3, 2, 1] * 4)
    assert queries_per_slice(8) == counts


def test_the_connection_prices_index_reads_as_memory_reads():
    """Else a common word's matches are tested row by row instead of read from the GIN index."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
