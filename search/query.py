"""What a visitor types, as a query tree every backend understands (web-search syntax).

    microcredit women Bangladesh     any of the words; pages with the most of them rank first
    "cable car" Medellin             a quoted phrase is one term, its words together and in order
    housing -Finland                 a word after "-" must not appear
    housing or homelessness          "or" (also "OR", "|") only separates terms: every term is optional

Every word is optional because a visitor's one extra word (a country the text does not name, a
synonym) must not hide the page that has all the others; the backends rank pages by how many of
the terms they match, then by their usual relevance (`search.backends`). Terms are analysed
(`search.analysis`) before they reach a backend, so a Chinese word typed without spaces becomes
several terms, like the words the index holds.
"""

from __future__ import annotations

import re

from wagtail.search.query import And, Not, Or, Phrase, PlainText, SearchQuery

from search.analysis import analyse

_TOKENS = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Control characters: a NUL breaks PostgreSQL's parameters.
_CONTROL = re.compile("[\x00-\x1f\x7f]")
OR_WORDS = {"or", "|"}


def _words(text: str, language: str) -> list[str]:
    """The analysed words of a piece of the query; punctuation alone analyses to nothing."""
    return [word for word in analyse(text, language).split() if any(char.isalnum() for char in word)]


def parse(text: str, language: str, operator: str = "or") -> SearchQuery | None:
    """The query tree for `text`, or None when nothing searchable is left (only exclusions, or
    only punctuation). With `operator="and"` every positive term is required.

    The plain words stay together in one `PlainText` (Elasticsearch's `multi_match` and SQLite's
    bm25 score them as one query; PostgreSQL counts them one by one, see `positive_terms`)."""
    words: list[str] = []
    phrases: list[SearchQuery] = []
    negative: list[SearchQuery] = []
    text = _CONTROL.sub(" ", text)
    for match in _TOKENS.finditer(text):
        minus, quoted, word = match.groups()
        if word is not None:
            if word.casefold() in OR_WORDS:
                continue
            minus, piece = ("-", word[1:]) if word.startswith("-") and len(word) > 1 else ("", word)
            piece = piece.replace('"', " ")  # a stray quote inside a word would break FTS5's syntax
            analysed = _words(piece, language)
            if minus:
                negative += [PlainText(term, operator="and") for term in analysed]
            else:
                words += analysed
        else:
            analysed = _words(quoted, language)
            if len(analysed) > 1:
                (negative if minus else phrases).append(Phrase(" ".join(analysed)))
            elif analysed and minus:
                negative.append(PlainText(analysed[0], operator="and"))
            elif analysed:
                words += analysed
    positive = ([PlainText(" ".join(dict.fromkeys(words)), operator=operator)] if words else []) + phrases
    if not positive:
        return None
    query = positive[0] if len(positive) == 1 else (And if operator.lower() == "and" else Or)(positive)
    if negative:
        query = And([query, *[Not(term) for term in negative]])
    return query


def positive_terms(query: SearchQuery) -> list[SearchQuery]:
    """The optional terms of a parsed query, one per word or phrase (what a page's coverage
    counts), exclusions left out."""
    if isinstance(query, And) and any(isinstance(sub, Not) for sub in query.subqueries):
        kept = [sub for sub in query.subqueries if not isinstance(sub, Not)]
        return positive_terms(kept[0]) if len(kept) == 1 else kept
    if isinstance(query, Or):
        return [term for sub in query.subqueries for term in positive_terms(sub)]
    if isinstance(query, PlainText) and query.operator.lower() == "or":
        return [PlainText(word, operator="and") for word in query.query_string.split()]
    return [query]
