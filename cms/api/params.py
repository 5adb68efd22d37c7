"""Query parameters of the partner API, validated exactly as `cms.api.openapi` documents them.

Every rejection is a `BadRequestError`, which Wagtail's viewsets answer with 400 and
`{"message": "..."}`. Validation is strict on purpose: a partner who misspells a parameter or
sends `since=1/2/2024` learns it at once instead of silently receiving unfiltered results.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.http import QueryDict
from wagtail.api.v2.utils import BadRequestError

from cms import geography
from cms.models import Theme

DEFAULT_LIMIT = 20
MAX_LIMIT = 50
MAX_OFFSET = 100_000
MAX_SEARCH_LENGTH = 200
# The largest primary key a detail URL may name (a 32-bit signed integer, as Wagtail's page ids).
MAX_ID = 2**31 - 1

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"[0-9]+")


def language_codes() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def region_codes() -> list[str]:
    return list(geography.REGIONS)


def theme_slugs() -> list[str]:
    """Theme slugs are synchronised across languages: one slug names a theme in all of them."""
    return sorted(set(Theme.objects.values_list("slug", flat=True)))


@dataclass(frozen=True)
class ListingParams:
    language: str | None = None
    theme: str | None = None
    region: str | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None
    search: str | None = None
    order: str | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0


def reject_unknown(query: QueryDict, allowed: set[str]) -> None:
    unknown = sorted(set(query) - allowed)
    if unknown:
        raise BadRequestError(
            f"unknown query parameter(s): {', '.join(unknown)}. Supported here: {', '.join(sorted(allowed)) or 'none'}."
        )
    repeated = sorted(name for name in query if len(query.getlist(name)) > 1)
    if repeated:
        raise BadRequestError(f"query parameter(s) given more than once: {', '.join(repeated)}.")


def _choice(name: str, value: str, choices: list[str]) -> str:
    if value not in choices:
        raise BadRequestError(f"unknown {name} '{value}'. Use one of: {', '.join(choices)}.")
    return value


def _date(name: str, value: str) -> datetime.date:
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadRequestError(f"{name} must be a date as YYYY-MM-DD, e.g. 2024-03-01; got '{value}'.") from None


def _number(name: str, value: str, maximum: int) -> int:
    if not _NUMBER.fullmatch(value) or int(value) > maximum:
        raise BadRequestError(f"{name} must be a whole number from 0 to {maximum}; got '{value}'.")
    return int(value)


def parse_listing(query: QueryDict, *, order_choices: list[str], region: bool) -> ListingParams:
    """The parameters of a listing request; `region` says whether the endpoint can filter by region."""
    if "locale" in query:
        # Wagtail's API calls it `locale`; one name per meaning keeps the description simple.
        raise BadRequestError("use language instead of locale, e.g. ?language=fr.")
    allowed = {"language", "theme", "since", "until", "search", "order", "limit", "offset"}
    if region:
        allowed.add("region")
    reject_unknown(query, allowed)
    values: dict = {}

    if "language" in query:
        values["language"] = _choice("language", query["language"], language_codes())
    if "theme" in query:
        values["theme"] = _choice("theme", query["theme"], theme_slugs())
    if "region" in query:
        values["region"] = _choice("region", query["region"], region_codes())
    for name in ("since", "until"):
        if name in query:
            values[name] = _date(name, query[name])
    if "search" in query:
        search = query["search"]
        if len(search) > MAX_SEARCH_LENGTH:
            raise BadRequestError(f"search must be text of at most {MAX_SEARCH_LENGTH} characters.")
        # Words are matched, never phrases or operators, so nothing is lost by dropping what backends
        # choke on: NUL (PostgreSQL) and the double quote (SQLite FTS5 in modelsearch leaves it
        # unescaped and fails). Blank means no search.
        values["search"] = search.replace("\x00", " ").replace('"', " ").strip() or None
    if "order" in query:
        values["order"] = _choice("order", query["order"], order_choices)
    if "limit" in query:
        values["limit"] = _number("limit", query["limit"], MAX_LIMIT)
    if "offset" in query:
        values["offset"] = _number("offset", query["offset"], MAX_OFFSET)
    return ListingParams(**values)
