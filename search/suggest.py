"""Help with the query: "did you mean" for queries that find nothing, and title suggestions as the
visitor types (the header search box's autocomplete).

"Did you mean" works the same on every backend: each word of the query that is not a word of any
visible title in the visitor's language is replaced by the closest title word (difflib, similarity
of at least 0.75); titles are what visitors look for and their words are sure to find something.
It runs only when a query found nothing, so it costs nothing on the common path.

Suggestions use Wagtail's `.autocomplete()` on the `AutocompleteField`s (page titles, member names),
folded like every search (`search.analysis`: "medel" suggests "Medellín"), once per title (equal
titles, once folded, are offered once), and are cached for a minute per language and query, under
the page cache's generation (`cms.page_cache.remember`): publishing, unpublishing, deleting or
restricting a page, changing a member profile or deactivating an account makes the next request
ask again, so a page that stops being visible also stops being suggested at once.
"""

from __future__ import annotations

import difflib
import hashlib

from django.http import HttpRequest
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from cms import page_cache
from search.analysis import normalise
from search.highlight import words
from search.types import MEMBERS, kind_label, member_kind_label, model_of, type_slug_of_content_type
from search.visibility import member_url, searchable_members, visible_members, visible_pages

SUGGESTIONS = 8
MEMBER_SUGGESTIONS = 3  # at most; titles fill the rest
SUGGESTIONS_CACHE_SECONDS = 60
CLOSENESS = 0.75


# --- Did you mean ------------------------------------------------------------------------------


def did_you_mean(query: str, locale: Locale) -> str:
    """A corrected query built from title words, or "" when there is nothing better to offer."""
    language = locale.language_code
    asked = words(query, language)
    if not asked:
        return ""
    vocabulary: set[str] = set()
    for title in visible_pages(locale).values_list("title", flat=True):
        vocabulary.update(word for word in words(title, language) if len(word) > 1)
    corrected = []
    for word in asked:
        if word in vocabulary or word.isdigit():
            corrected.append(word)
            continue
        closest = difflib.get_close_matches(word, vocabulary, n=1, cutoff=CLOSENESS)
        corrected.append(closest[0] if closest else word)
    if corrected == asked:
        return ""
    joiner = "" if language.startswith("zh") else " "
    return joiner.join(corrected)


# --- Autocomplete ------------------------------------------------------------------------------


def suggestions(query: str, locale: Locale, request: HttpRequest) -> list[dict]:
    """Up to eight {title, url, kind} for the query: page titles first, then up to three members."""
    key_source = f"{locale.language_code}:{normalise(query, locale.language_code)}"
    key = "search:suggest:" + hashlib.sha256(key_source.encode()).hexdigest()
    return page_cache.remember(key, lambda: _suggestions(query, locale, request), SUGGESTIONS_CACHE_SECONDS)


def _suggestions(query: str, locale: Locale, request: HttpRequest) -> list[dict]:
    backend = get_search_backend()
    members = visible_members(
        backend.autocomplete(query, searchable_members().select_related("user"))[:MEMBER_SUGGESTIONS]
    )
    wanted = SUGGESTIONS - len(members)
    # Twice as many as shown, so that titles offered twice (a page and its alias, two pages of the
    # same name) can be dropped and the list still filled.
    pages, seen = [], set()
    for page in visible_pages(locale).autocomplete(query)[: wanted * 2]:
        title = normalise(page.title, locale.language_code)
        if title not in seen and len(pages) < wanted:
            seen.add(title)
            pages.append(page)
    items = [
        {
            "title": page.title,
            "url": page.get_url(request),
            "kind": kind_label(model_of(page.content_type_id)),
            "type": type_slug_of_content_type(page.content_type_id),
        }
        for page in pages
    ]
    items += [
        {"title": profile.name, "url": member_url(profile), "kind": member_kind_label(), "type": MEMBERS}
        for profile in members
    ]
    return items
