"""Highlighting: the words of a query marked in a snippet of about thirty words of a result's text.

Titles are shown whole and unmarked: the snippet already shows where the words matched, and a title
reads (and is quoted elsewhere on the site) as the editors wrote it.

The text is plain (tags already stripped by `search.texts`) and is HTML-escaped piece by piece, so
a `<mark>` can only ever wrap escaped text, never land inside a tag. Words are compared in the form
the search index compares them (`search.analysis.normalise`: casefolded, Arabic diacritics and
letter variants folded), so "مدرسة" marks "مَدرسه" as the index matched it.

Matching is deliberately loose because the backends stem (PostgreSQL's dictionaries, Elasticsearch's
analysers) and this code cannot ask them which word form matched: a word matches when it starts with
the query word minus a short ending ("policy" marks "policies"); in Arabic script, where articles
and prepositions are attached ("والسياسات"), when it contains it. Chinese has no spaces: the query
is split into words (jieba, through `search.analysis.segment`) and each word is marked wherever its
characters appear in a row.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.analysis import normalise, segment

SNIPPET_WORDS = 30
# Long chapters: the first match is looked for in this many characters; after that, the start is shown.
SCAN_LIMIT = 20_000
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_CHAR = re.compile(f"[{_HAN}]")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def _mark_ranges() -> str:
    """Combining marks of the Basic Multilingual Plane as a character class body: Devanagari and
    Bengali vowel signs, Arabic tashkeel… Python's `\\w` does not include them, and a word must not be
    cut at every vowel sign."""
    ranges, start, previous = [], None, None
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if start is None:
                start = code
            elif code != previous + 1:
                ranges.append((start, previous))
                start = code
            previous = code
    if start is not None:
        ranges.append((start, previous))
    return "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges) + "\u200c\u200d"


_MARKS = _mark_ranges()
# A Han character is a token on its own (Chinese words are found as runs of them); otherwise a
# token is a run of letters, digits and combining marks.
_TOKEN = re.compile(f"[{_HAN}]|(?:(?![{_HAN}])[\\w{_MARKS}])+")
_TERM = re.compile(f"[\\w{_MARKS}]+")
_SPACE = re.compile(r"\s+")


class Token(NamedTuple):
    start: int
    end: int
    norm: str
    han: bool


@lru_cache(maxsize=50_000)
def _normalise_word(word: str, language: str) -> str:
    return normalise(word, language)


def words(text: str, language: str) -> list[str]:
    """The words of `text` as the index compares them (normalised; Chinese split into words)."""
    try:
        text = segment(normalise(text, language), language)
    except ImportError:  # jieba missing: Chinese runs stay whole, still found as substrings
        text = normalise(text, language)
    return [match.group() for match in _TERM.finditer(text)]


def query_terms(query: str, language: str) -> list[str]:
    """The words of `query`, each once. Words of one or two letters (one character in Chinese) are
    dropped, as they would mark half the text, unless the query has nothing longer."""
    terms = list(dict.fromkeys(words(query, language)))
    long_terms = [term for term in terms if len(term) >= (2 if _HAN_CHAR.search(term) else 3)]
    return long_terms or terms


class _Tokens:
    """The tokens of `text` (its first `SCAN_LIMIT` characters), read only as far as they are asked
    for: a snippet needs the words up to its first match and thirty more, not the whole chapter."""

    def __init__(self, text: str, language: str) -> None:
        self._matches = _TOKEN.finditer(text, 0, SCAN_LIMIT)
        self._language = language
        self._read: list[Token] = []

    def get(self, position: int) -> Token | None:
        """The token at `position`, None past the last one."""
        while len(self._read) <= position:
            match = next(self._matches, None)
            if match is None:
                return None
            word = match.group()
            self._read.append(
                Token(match.start(), match.end(), _normalise_word(word, self._language), bool(_HAN_CHAR.match(word)))
            )
        return self._read[position]

    def __getitem__(self, position: int) -> Token:
        """A token read already (by `get`)."""
        return self._read[position]


def _stem(term: str) -> str:
    if len(term) < 5:
        return term
    return term[:-1] if len(term) < 8 else term[:-2]


def _word_matches(word: str, term: str) -> bool:
    if word == term:
        return True
    if _ARABIC_SCRIPT.search(term):
        return _stem(term) in word
    # Either may carry the longer ending: "policies" marks "policy" as "policy" marks "policies".
    return word.startswith(_stem(term)) or (len(word) >= 4 and term.startswith(_stem(word)))


def _match_at(tokens: _Tokens, token: Token, position: int, terms: list[str]) -> int:
    """How many tokens from `token`, at `position`, one of the terms covers (0: none)."""
    for term in terms:
        if not _HAN_CHAR.search(term):
            if not token.han and _word_matches(token.norm, term):
                return 1
            continue
        # A Chinese word: its characters as consecutive, adjacent tokens.
        length, text, end = 0, "", token.start
        while len(text) < len(term) and (candidate := tokens.get(position + length)) is not None:
            if candidate.start != end:
                break
            text += candidate.norm
            end = candidate.end
            length += 1
        if length and text == term:
            return length
    return 0


def _matches(tokens: _Tokens, terms: list[str], position: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """(first token, token count) of every match starting from `position` and before `stop` (or the
    first match alone, without `stop`), left to right, never overlapping."""
    found: list[tuple[int, int]] = []
    while terms and (stop is None or position < stop) and (token := tokens.get(position)) is not None:
        length = _match_at(tokens, token, position, terms)
        if length:
            found.append((position, length))
            if stop is None:
                break
            position += length
        else:
            position += 1
    return found


def _render(text: str, spans: list[tuple[int, int]], offset: int = 0) -> SafeString:
    """`text` escaped, with <mark> around each (start, end) span (offsets relative to `offset`)."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:  # adjacent matches (Chinese words in a row) read as one
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    html, cursor = [], 0
    for start, end in merged:
        start, end = start - offset, end - offset
        html.append(escape(text[cursor:start]))
        html.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    html.append(escape(text[cursor:]))
    return mark_safe(_SPACE.sub(" ", "".join(html)).strip())  # noqa: S308 - every piece is escaped above


def _weight(token: Token) -> float:
    return 0.5 if token.han else 1.0  # two Chinese characters read about as much as one word


def snippet(text: str, terms: list[str], language: str, words: int = SNIPPET_WORDS) -> SafeString:
    """About `words` words of `text` around the first match (or from the start), matches marked,
    with an ellipsis where text was cut."""
    tokens = _Tokens(text, language)
    if tokens.get(0) is None:
        return _render(text[:300], [])
    matches = _matches(tokens, terms)
    first = matches[0][0] if matches else 0
    before = words / 3 if matches else 0  # a little context before the first match, the rest after
    start, used = first, 0.0
    while start > 0 and used + _weight(tokens[start - 1]) <= before:
        start -= 1
        used += _weight(tokens[start])
    end = first
    while (token := tokens.get(end)) is not None and used + _weight(token) <= words:
        used += _weight(token)
        end += 1
    end = max(end, first + 1)
    begin_at = 0 if start == 0 else tokens[start].start
    end_at = tokens[end - 1].end
    if tokens.get(end) is None and end_at < len(text) and len(text) <= SCAN_LIMIT:
        end_at = len(text)  # keep the closing punctuation of the text
    # No match starts before the first, so the snippet's matches are those from the first on.
    shown = _matches(tokens, terms, first, end) if matches else []
    spans = [
        (tokens[position].start, tokens[position + length - 1].end)
        for position, length in shown
        if position + length <= end
    ]
    body = _render(text[begin_at:end_at], spans, offset=begin_at)
    prefix = "… " if begin_at > 0 else ""
    suffix = " …" if end_at < len(text) else ""
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 - body is escaped; the rest is literal
