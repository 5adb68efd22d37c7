"""What every language-aware backend shares: the language of an indexed object, the language of a
query, and the analysis (`search.analysis`) of both."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.encoding import force_str
from django.utils.translation import get_language
from wagtail.models import Locale
from wagtail.search.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText, SearchQuery

from search.analysis import analyse
from search.query import parse

# Locale ids never change language in practice, but an edit in the admin clears the cache anyway.
_locale_languages: dict[int, str] = {}


def _forget_locales(**kwargs) -> None:
    _locale_languages.clear()


post_save.connect(_forget_locales, sender=Locale, dispatch_uid="search.backends.forget_locales")
post_delete.connect(_forget_locales, sender=Locale, dispatch_uid="search.backends.forget_locales")


def object_language(obj) -> str:
    """The language of an object's text: its locale's for translatable objects, the original's for
    an alias page (an alias shows its original's text in another language's tree, so it is
    stemmed as that text's language), or "" for objects without a locale (member profiles, images,
    documents): those are indexed without stemming."""
    locale_id = getattr(obj, "locale_id", None)
    if getattr(obj, "alias_of_id", None) is not None:
        original = getattr(obj, "alias_of", None)
        locale_id = getattr(original, "locale_id", locale_id)
    if locale_id is None:
        return ""
    if locale_id not in _locale_languages:
        _locale_languages.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_languages.get(locale_id, "")


def query_language() -> str:
    """The language a query is analysed in: the active one (the URL's /<lang>/ prefix)."""
    return get_language() or settings.LANGUAGE_CODE


def map_query_text(query: SearchQuery, change: Callable[[str], str]) -> SearchQuery:
    """A copy of Wagtail's query tree with `change` applied to the text of every leaf."""
    if isinstance(query, PlainText):
        return PlainText(change(query.query_string), operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(change(query.query_string))
    if isinstance(query, Fuzzy):
        return Fuzzy(change(query.query_string), operator=query.operator, unaccent=query.unaccent)
    if isinstance(query, (And, Or)):
        return type(query)([map_query_text(subquery, change) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(map_query_text(query.subquery, change))
    if isinstance(query, Boost):
        return Boost(map_query_text(query.subquery, change), query.boost)
    return query  # MatchAll


def analyse_query(query: SearchQuery, language: str) -> SearchQuery:
    """The query with the words the index holds: every text leaf through `search.analysis`.

    A leaf made only of diacritics or punctuation analyses to nothing; it is kept as typed, so the
    backend treats it as upstream does (it matches nothing) instead of failing on an empty term."""
    return map_query_text(query, lambda text: analyse(text, language) or text)


class AnalysingIndexerMixin:
    """Mixed into a database backend's `ObjectIndexer`: every indexed text is analysed in the
    language of the object's locale before the database sees it."""

    def __init__(self, obj, backend) -> None:
        super().__init__(obj, backend)
        self.language = object_language(obj)
        # Upstream reads every field once per vector (title, body, autocomplete, plain texts).
        self._analysed: dict[str, str] = {}
        self._prepared: dict[int, list] = {}

    def prepare_field(self, obj, field):
        """Each of the object's own fields read once, not once per vector (five times): a field that
        is a method with queries of its own (a practice's places, themes, keywords) runs once."""
        if obj is not self.obj:
            yield from super().prepare_field(obj, field)
            return
        if id(field) not in self._prepared:
            self._prepared[id(field)] = list(super().prepare_field(obj, field))
        yield from self._prepared[id(field)]

    def prepare_value(self, value) -> str:
        if isinstance(value, (list, dict)):
            return super().prepare_value(value)  # joins the items, each analysed by this method
        text = force_str(value)
        if text not in self._analysed:
            self._analysed[text] = analyse(text, self.language, index=True)
        return self._analysed[text]


class AnalysingQueryMixin:
    """Mixed into a query compiler: the query is analysed in the active language.

    Search compilers (`PARSE_QUERY`) also read a typed query with web-search syntax
    (`search.query.parse`: optional words, quoted phrases, -exclusions); autocomplete keeps the
    words as typed, all required, the last one a prefix."""

    PARSE_QUERY = False  # search compilers set it, with DEFAULT_OPERATOR = "or"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.language = query_language()
        if self.PARSE_QUERY and isinstance(self.query, PlainText):
            parsed = parse(self.query.query_string, self.language, self.query.operator)
            self.query = parsed if parsed is not None else Not(MatchAll())
        else:
            self.query = analyse_query(self.query, self.language)


class DeferrableTitleNormsMixin:
    """Mixed into a database backend's index. Upstream recomputes the title norms (an average over
    the whole index table, then an update) after every `add_items` call; a bulk loader sets
    `backend.defer_title_norms` and refreshes once at the end instead (`search.management.load_tree`)."""

    def _refresh_title_norms(self, full: bool = False) -> None:
        if not getattr(self.backend, "defer_title_norms", False):
            super()._refresh_title_norms(full=full)


class DeferringRebuilderMixin:
    """Mixed into a database backend's rebuilders: `update_index` adds items chunk by chunk and the
    rebuild ends with a full title-norm refresh anyway, so the refresh after each chunk (an
    average over the whole table each time) is skipped while rebuilding."""

    def start(self):
        index = super().start()
        index.backend.defer_title_norms = True
        return index

    def finish(self) -> None:
        self.index.backend.defer_title_norms = False
        super().finish()
