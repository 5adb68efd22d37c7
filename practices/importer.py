"""Import practices from a partner's CSV or JSON file: parse → validate → plan → apply.

Every row is read and checked before anything is written, so a file is reported in full in one run.
Rows are matched to existing practices on (external_id, language): re-importing a file updates
those practices with a new revision instead of creating duplicates, and rows whose values already
match the latest revision are left alone. New practices start as drafts in the "Expert review"
workflow of their language's practice index, like the visitor submissions of `practices.submissions`.

`publish=True` is for files whose practices were reviewed before import (a partner's reviewed
repository): each practice is published, with an approved `ExpertReview` recorded in the importing
user's name, because a practice without one is never shown (`PracticePage.serve`, the listings).

Lookups (languages, countries, themes, goals, keywords, existing practices and their latest revisions) are
loaded once for the whole file; only the page writes themselves are per row.
"""

from __future__ import annotations

import csv
import datetime
import difflib
import io
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.text import slugify
from modelsearch import signal_handlers as search_signal_handlers
from wagtail.log_actions import log
from wagtail.models import Locale, Page, Revision, TaskState, Workflow, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted

from cms import bulk_pages, cache_purge
from cms.models import Country, ExpertReview, Theme
from cms.models.reviews import CRITERIA, Rating
from practices.models import (
    ActorType,
    Keyword,
    PracticeIndexPage,
    PracticePage,
    Scale,
    Status,
    SustainableDevelopmentGoal,
)
from practices.models.taxonomy import keyword_for_name
from search.analysis import normalise

FORMATS = ("csv", "json")
REQUIRED = ("external_id", "title", "summary", "language", "scale")
# `organisation` and `status` may be left empty: the practice then shows "not given", never a guess.
OPTIONAL = (
    "organisation",
    "country_codes",
    "themes",
    "sdgs",
    "keywords",
    "start_year",
    "status",
    "website",
    "actor_type",
)
COLUMNS = REQUIRED + OPTIONAL
LIST_SEPARATORS = re.compile(r"[;,]")
FIRST_YEAR = 1800
SDG_RANGE = range(1, 18)
validate_url = URLValidator(schemes=["http", "https"])
BATCH = 500  # ids per query when loading existing pages and revisions; new practices per bulk write
# Checked by the bulk path's own means (the tree, the locale, ids read from the database) rather
# than by a query per row and foreign key.
UNCHECKED_FIELDS = ["path", "depth", "numchild", "url_path", "translation_key"] + [
    field.name for field in PracticePage._meta.concrete_fields if field.is_relation
]

_meta = PracticePage._meta
MAX_LENGTHS = {
    "external_id": _meta.get_field("external_id").max_length,
    "title": _meta.get_field("title").max_length,
    "summary": _meta.get_field("summary").max_length,
    "website": _meta.get_field("website").max_length,
    "organisation": 255,  # OrganisationBlock.name
}
KEYWORD_LENGTH = Keyword._meta.get_field("name").max_length
CHOICES = {
    "scale": [value for value, _label in Scale.choices],
    "status": [value for value, _label in Status.choices],
    "actor_type": [value for value, _label in ActorType.choices],
}
DEFAULTS = {"actor_type": ActorType.CIVIL_SOCIETY.value}
# Likely duplicates: an existing practice (any language) in one of the row's countries whose title,
# folded like search folds it, is this similar (difflib ratio) or equal.
DUPLICATE_SIMILARITY = 0.85


class ImportFileError(Exception):
    """The file as a whole cannot be imported (unreadable, wrong format, unknown columns)."""


@dataclass
class SourceRow:
    """One record as read from the file, before any checks."""

    position: str  # "line 7" (CSV, physical line of the file) or "item 3" (JSON, 1-based)
    values: dict[str, object]
    errors: list[str] = field(default_factory=list)  # problems found while reading


@dataclass
class RowError:
    position: str
    reasons: list[str]

    def __str__(self) -> str:
        return f"{self.position}: {'; '.join(self.reasons)}"


@dataclass
class PracticeRow:
    """A valid row, with its values cleaned and its taxonomy resolved against the database."""

    position: str
    external_id: str
    title: str
    summary: str
    organisation: str
    language: str
    scale: str
    status: str
    actor_type: str
    start_year: int | None
    website: str
    countries: list[Country]
    themes: list[Theme]
    sdgs: list[SustainableDevelopmentGoal]
    # Keywords in the row's language, found by name or slug; a new one is unsaved until the row is applied.
    keywords: list[Keyword] = field(default_factory=list)


@dataclass
class Lookups:
    """Everything validation and planning need, loaded in a handful of queries."""

    indexes: dict[str, PracticeIndexPage]  # language code → the practice index of that locale
    languages: set[str]
    countries: dict[str, Country]
    themes: dict[tuple[int, str], Theme]  # (locale id, slug)
    theme_slugs: set[str]  # in any locale, to tell a missing translation from a typo
    goals: dict[tuple[int, int], SustainableDevelopmentGoal]  # (locale id, number)
    keywords: dict[tuple[int, str], Keyword]  # (locale id, folded name or slug)
    existing: dict[tuple[str, int], list[int]]  # (external id, locale id) → practice page ids
    # country code ("" for none) → (folded title, title, page id, language) of every practice
    titles: dict[str, list[tuple[str, str, int, str]]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Lookups:
        indexes: dict[str, PracticeIndexPage] = {}
        for index in PracticeIndexPage.objects.select_related("locale").order_by("path"):
            indexes.setdefault(index.locale.language_code, index)
        themes = {(theme.locale_id, theme.slug): theme for theme in Theme.objects.all()}
        existing: dict[tuple[str, int], list[int]] = defaultdict(list)
        rows = PracticePage.objects.exclude(external_id="").values_list("external_id", "locale_id", "pk")
        for external_id, locale_id, pk in rows.order_by("pk"):
            existing[(external_id, locale_id)].append(pk)
        return cls(
            titles=_titles_by_country(),
            indexes=indexes,
            languages=set(Locale.objects.values_list("language_code", flat=True))
            & {code for code, _name in settings.LANGUAGES},
            countries={country.code: country for country in Country.objects.all()},
            themes=themes,
            theme_slugs={slug for _locale, slug in themes},
            goals={(goal.locale_id, goal.number): goal for goal in SustainableDevelopmentGoal.objects.all()},
            keywords={
                (keyword.locale_id, key): keyword
                for keyword in Keyword.objects.all()
                for key in (keyword.slug, keyword.name.casefold())
            },
            existing=dict(existing),
        )


def _titles_by_country() -> dict[str, list[tuple[str, str, int, str]]]:
    """Every practice's title (any language, aliases left out) under each of its countries."""
    practices = PracticePage.objects.filter(alias_of__isnull=True).values_list(
        "pk", "title", "locale__language_code", "countries__code"
    )
    titles: dict[str, list[tuple[str, str, int, str]]] = defaultdict(list)
    for pk, title, language, country in practices.order_by("pk"):
        titles[country or ""].append((_folded_title(title), title, pk, language))
    return dict(titles)


def _folded_title(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", normalise(title, "")).split())


Action = Literal["create", "update", "unchanged", "duplicate"]


@dataclass
class PlannedRow:
    row: PracticeRow
    index: PracticeIndexPage
    action: Action
    page: PracticePage | None = None  # the existing practice (update, unchanged)
    revision: Revision | None = None  # its latest revision, which an update builds on
    reviewed: bool = False  # the existing practice has an approved expert review
    duplicates: list[tuple[str, int, str]] = field(default_factory=list)  # (title, page id, language)

    def duplicate_warning(self) -> str:
        found = "; ".join(f'"{title}" (page {pk}, {language})' for title, pk, language in self.duplicates)
        return f'{self.row.position}: "{self.row.title}" looks like a duplicate of {found}'


@dataclass
class ImportResult:
    planned: list[PlannedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0  # skipped as likely duplicates (--skip-duplicates)
    dry_run: bool = False
    rolled_back: bool = False  # all-or-nothing and some row was bad: nothing was written
    warnings: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len(self.errors)

    def summary(self) -> str:
        duplicates = f", {self.duplicates} skipped (likely duplicates)" if self.duplicates else ""
        if self.dry_run:
            return (
                f"would create {self.created}, would update {self.updated}, would skip {self.skipped} (bad rows)"
                f"{duplicates.replace('skipped', 'would skip')}, {self.unchanged} unchanged"
            )
        return (
            f"{self.created} created, {self.updated} updated, {self.skipped} skipped (bad rows){duplicates}, "
            f"{self.unchanged} unchanged"
        )


# --- Parse ---------------------------------------------------------------------------------------


def detect_format(path: Path, requested: str | None = None) -> str:
    if requested:
        if requested not in FORMATS:
            raise ImportFileError(f"Unknown format {requested!r}; use csv or json.")
        return requested
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ImportFileError(f"Cannot tell the format of {path.name} from its extension; pass --format csv or json.")
    return suffix


def read_rows(path: Path, fmt: str | None = None, ignore: Iterable[str] = ()) -> list[SourceRow]:
    """The file's records; `ignore` names columns (CSV) or fields (JSON) to drop unread."""
    fmt = detect_format(path, fmt)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"Cannot read {path}: {error.strerror}.") from error
    try:
        # utf-8-sig: spreadsheet programs often start UTF-8 CSV files with a byte-order mark.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportFileError(
            f"line {line}: {path.name} is not UTF-8 text (byte {error.start}); save it as UTF-8."
        ) from error
    ignored = {name.strip().lower() for name in ignore if name.strip()}
    rows = _read_csv(io.StringIO(text, newline=""), ignored) if fmt == "csv" else _read_json(text, ignored)
    return rows


def _read_csv(handle: Iterable[str], ignored: set[str] = frozenset()) -> list[SourceRow]:
    reader = csv.reader(handle)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise ImportFileError("The file is empty: expected a header row naming the columns.") from None
    except csv.Error as error:
        raise ImportFileError(f"line 1: {error}") from error
    _check_header(header, ignored)
    header = ["" if name in ignored else name for name in header]  # "" columns are not read
    rows = []
    previous_line = reader.line_num
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise ImportFileError(f"line {previous_line + 1}: {error}") from error
        # A quoted value may span several physical lines: a record is numbered by its first line.
        position, previous_line = f"line {previous_line + 1}", reader.line_num
        if not any(value.strip() for value in values):
            continue
        row = SourceRow(position, {name: value for name, value in zip(header, values, strict=False) if name})
        if len(values) > len(header):
            row.errors.append(
                f"{len(values)} values but the header names {len(header)} columns "
                "(a value containing a comma must be in double quotes)"
            )
        rows.append(row)
    return rows


def _unknown(names: Iterable[str], ignored: set[str], where: str) -> None:
    """CSV columns and JSON fields alike: an unknown name stops the import before any row (a
    misspelt optional column would otherwise be dropped without a word), unless it is ignored."""
    unknown = list(dict.fromkeys(name for name in names if name and name not in COLUMNS and name not in ignored))
    if unknown:
        listed = ", ".join(unknown)
        raise ImportFileError(
            f"{where}unknown column(s): {listed}. Known columns: {', '.join(COLUMNS)}. "
            f"Rename them, or leave them out with --ignore-columns {','.join(unknown)}."
        )


def _check_header(header: list[str], ignored: set[str] = frozenset()) -> None:
    duplicates = sorted({name for name in header if name and header.count(name) > 1})
    if duplicates:
        raise ImportFileError(f"line 1: column(s) named twice: {', '.join(duplicates)}.")
    _unknown(header, ignored, "line 1: ")
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportFileError(f"line 1: missing required column(s): {', '.join(missing)}.")


def _read_json(text: str, ignored: set[str] = frozenset()) -> list[SourceRow]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"Not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}.") from error
    if not isinstance(data, list):
        raise ImportFileError("A JSON import file must be a list of objects, one per practice.")
    rows = []
    for number, item in enumerate(data, start=1):
        position = f"item {number}"
        if not isinstance(item, dict):
            rows.append(SourceRow(position, {}, [f"expected an object, got {type(item).__name__}"]))
            continue
        values = {str(key).strip().lower(): value for key, value in item.items()}
        rows.append(SourceRow(position, {key: value for key, value in values.items() if key not in ignored}))
    names = [name for row in rows for name in row.values]
    unknown = [name for name in dict.fromkeys(names) if name not in COLUMNS]
    if unknown:
        first = next(row.position for row in rows if unknown[0] in row.values)
        _unknown(unknown, ignored, f"{first}: ")
    return rows


# --- Validate ------------------------------------------------------------------------------------


def validate(rows: list[SourceRow], lookups: Lookups) -> tuple[list[PracticeRow], list[RowError]]:
    """Check every row; return the good rows and one error (with all its reasons) per bad row."""
    checked = [(source, *_clean(source, lookups)) for source in rows]
    positions_by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for source, _row, _reasons, key in checked:
        if key is not None:
            positions_by_key[key].append(source.position)
    good, errors = [], []
    for source, row, reasons, key in checked:
        if key is not None and len(positions_by_key[key]) > 1:
            external_id, language = key
            reasons.append(
                f'external_id "{external_id}" appears more than once for language "{language}" '
                f"({', '.join(positions_by_key[key])})"
            )
        if reasons:
            errors.append(RowError(source.position, reasons))
        else:
            good.append(row)
    return good, errors


def _clean(source: SourceRow, lookups: Lookups) -> tuple[PracticeRow | None, list[str], tuple[str, str] | None]:
    """The cleaned row (None if bad), every reason it is bad, and its (external_id, language) key."""
    reasons = list(source.errors)
    values = source.values
    raw = {
        name: _text(values.get(name), name, reasons)
        for name in (*REQUIRED, "organisation", "status", "website", "actor_type")
    }
    reasons.extend(f"{name} is required" for name in REQUIRED if raw[name] == "")
    text = {name: value or "" for name, value in raw.items()}
    for name, limit in MAX_LENGTHS.items():
        if len(text[name]) > limit:
            reasons.append(f"{name} is {len(text[name])} characters long (at most {limit})")

    choices = {}
    for name, allowed in CHOICES.items():
        value = text[name].lower() or DEFAULTS.get(name, "")
        choices[name] = value
        if value and value not in allowed:
            reasons.append(f'{name.replace("_", " ")} "{text[name]}" is not one of {", ".join(allowed)}')

    website = text["website"]
    if website:
        try:
            validate_url(website)
        except ValidationError:
            reasons.append(f'website "{website}" is not a valid address (it must start with http:// or https://)')

    start_year = _year(values.get("start_year"), reasons)

    language = text["language"].lower().replace("_", "-")
    index = lookups.indexes.get(language)
    if language and language not in lookups.languages:
        reasons.append(
            f'unknown language "{text["language"]}" (site languages: {", ".join(sorted(lookups.languages))})'
        )
    elif language and index is None:
        reasons.append(f'no practice index page in language "{language}"')
    locale_id = index.locale_id if index else None

    countries = _countries(_items(values.get("country_codes"), "country_codes", reasons), lookups, reasons)
    themes = _themes(_items(values.get("themes"), "themes", reasons), lookups, locale_id, language, reasons)
    sdgs = _goals(_items(values.get("sdgs"), "sdgs", reasons), lookups, locale_id, language, reasons)
    keywords = _keywords(_items(values.get("keywords"), "keywords", reasons), lookups, locale_id, reasons)

    external_id = text["external_id"]
    if external_id and locale_id and len(lookups.existing.get((external_id, locale_id), [])) > 1:
        ids = ", ".join(str(pk) for pk in lookups.existing[(external_id, locale_id)])
        reasons.append(
            f'several "{language}" practices already have external_id "{external_id}" (page ids {ids}); '
            "keep one in the admin first"
        )

    key = (external_id, language) if external_id and language else None
    if reasons:
        return None, reasons, key
    row = PracticeRow(
        position=source.position,
        external_id=external_id,
        title=text["title"],
        summary=text["summary"],
        organisation=text["organisation"],
        language=language,
        scale=choices["scale"],
        status=choices["status"],
        actor_type=choices["actor_type"],
        start_year=start_year,
        website=website,
        countries=countries,
        themes=themes,
        sdgs=sdgs,
        keywords=keywords,
    )
    return row, reasons, key


def _countries(codes: list[str] | None, lookups: Lookups, reasons: list[str]) -> list[Country]:
    countries = []
    for code in codes or []:
        country = lookups.countries.get(code.upper())
        if country is None:
            reasons.append(f'unknown country code "{code}"')
        elif country not in countries:
            countries.append(country)
    return countries


def _themes(
    slugs: list[str] | None, lookups: Lookups, locale_id: int | None, language: str, reasons: list[str]
) -> list[Theme]:
    if slugs == []:
        reasons.append("at least one theme is required")
    themes = []
    for slug in slugs or []:
        theme = lookups.themes.get((locale_id, slug.lower())) if locale_id else None
        if theme is not None:
            if theme not in themes:
                themes.append(theme)
        elif slug.lower() not in lookups.theme_slugs:
            reasons.append(f'unknown theme "{slug}" (themes: {", ".join(sorted(lookups.theme_slugs))})')
        elif locale_id:
            reasons.append(f'theme "{slug}" has no "{language}" version yet')
    return themes


def _keywords(names: list[str] | None, lookups: Lookups, locale_id: int | None, reasons: list[str]) -> list[Keyword]:
    """Keywords are written in the row's language: an existing one (by name or slug) or a new one."""
    keywords: list[Keyword] = []
    for name in names or []:
        name = " ".join(name.split())
        if len(name) > KEYWORD_LENGTH:
            reasons.append(f'keyword "{name[:40]}…" is {len(name)} characters long (at most {KEYWORD_LENGTH})')
            continue
        slug = slugify(name, allow_unicode=True)[:KEYWORD_LENGTH]
        if not slug:
            reasons.append(f'keyword "{name}" has no letters or digits')
            continue
        keyword = lookups.keywords.get((locale_id, name.casefold())) or lookups.keywords.get((locale_id, slug))
        if keyword is None:
            keyword = Keyword(locale_id=locale_id, name=name, slug=slug)
        if keyword.slug not in {chosen.slug for chosen in keywords}:
            keywords.append(keyword)
    return keywords


def _goals(
    items: list[str] | None, lookups: Lookups, locale_id: int | None, language: str, reasons: list[str]
) -> list[SustainableDevelopmentGoal]:
    goals = []
    for item in items or []:
        number = _integer(item)
        if number is None:
            reasons.append(f'SDG "{item}" is not a number')
        elif number not in SDG_RANGE:
            reasons.append(f"SDG {number} is not between 1 and 17")
        elif locale_id:
            goal = lookups.goals.get((locale_id, number))
            if goal is None:
                reasons.append(f'SDG {number} has no "{language}" version')
            elif goal not in goals:
                goals.append(goal)
    return goals


def _text(value: object, name: str, reasons: list[str]) -> str | None:
    """The value as stripped text; None (with a reason) for a JSON value that is not text."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    reasons.append(f"{name} must be text, got {type(value).__name__}")
    return None


def _items(value: object, name: str, reasons: list[str]) -> list[str] | None:
    """A list from a JSON list or a CSV cell separated by ";" or ","; None (with a reason) if neither."""
    if value is None:
        return []
    if isinstance(value, str):
        parts: list[object] = LIST_SEPARATORS.split(value)
    elif isinstance(value, list):
        parts = value
    elif isinstance(value, int) and not isinstance(value, bool):
        parts = [value]
    else:
        reasons.append(f"{name} must be a list, got {type(value).__name__}")
        return None
    items = []
    for part in parts:
        if isinstance(part, bool) or not isinstance(part, str | int):
            reasons.append(f"{name} must hold text or numbers, got {type(part).__name__}")
            return None
        item = str(part).strip()
        if item:
            items.append(item)
    return items


def _integer(value: object) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        return int(value.strip())
    return None


def _year(value: object, reasons: list[str]) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    year = _integer(value)
    this_year = datetime.date.today().year
    if year is None:
        reasons.append(f'start year "{value}" is not a whole number')
    elif not FIRST_YEAR <= year <= this_year:
        reasons.append(f"start year {year} is not between {FIRST_YEAR} and {this_year}")
    return year


# --- Plan ----------------------------------------------------------------------------------------


def plan(
    rows: list[PracticeRow], lookups: Lookups, *, publish: bool = False, skip_duplicates: bool = False
) -> list[PlannedRow]:
    """Decide per row: create, update, leave unchanged (the latest revision already says the same),
    or, with `skip_duplicates`, leave out a new practice that looks like one that exists."""
    planned = []
    for row in rows:
        index = lookups.indexes[row.language]
        ids = lookups.existing.get((row.external_id, index.locale_id))
        entry = PlannedRow(row, index, "update" if ids else "create")
        if entry.action == "create":
            entry.duplicates = likely_duplicates(row, lookups)
            if entry.duplicates and skip_duplicates:
                entry.action = "duplicate"
        planned.append(entry)
    _attach_existing([entry for entry in planned if entry.action == "update"], lookups)
    for entry in planned:
        if entry.action == "update" and _matches(entry, publish=publish):
            entry.action = "unchanged"
    return planned


def likely_duplicates(row: PracticeRow, lookups: Lookups) -> list[tuple[str, int, str]]:
    """Existing practices, in any language, that share a country with the row (or, for a row
    without countries, have none either) and whose title is the same or very similar once folded."""
    folded = _folded_title(row.title)
    found: dict[int, tuple[str, int, str]] = {}
    for code in [country.code for country in row.countries] or [""]:
        for other, title, pk, language in lookups.titles.get(code, []):
            if pk in found:
                continue
            matcher = difflib.SequenceMatcher(None, folded, other)
            if other == folded or (
                matcher.real_quick_ratio() >= DUPLICATE_SIMILARITY
                and matcher.quick_ratio() >= DUPLICATE_SIMILARITY
                and matcher.ratio() >= DUPLICATE_SIMILARITY
            ):
                found[pk] = (title, pk, language)
    return list(found.values())


def _attach_existing(entries: list[PlannedRow], lookups: Lookups) -> None:
    for start in range(0, len(entries), BATCH):
        batch = entries[start : start + BATCH]
        ids = [lookups.existing[(entry.row.external_id, entry.index.locale_id)][0] for entry in batch]
        pages = PracticePage.objects.in_bulk(ids)
        revisions = Revision.objects.in_bulk([page.latest_revision_id for page in pages.values()])
        reviewed = set(
            ExpertReview.objects.approved()
            .filter(translation_key__in=[page.translation_key for page in pages.values()])
            .values_list("translation_key", flat=True)
        )
        for entry, pk in zip(batch, ids, strict=True):
            entry.page = pages[pk]
            entry.revision = revisions.get(entry.page.latest_revision_id)
            entry.reviewed = entry.page.translation_key in reviewed


def _matches(entry: PlannedRow, *, publish: bool) -> bool:
    page, row = entry.page, entry.row
    if entry.revision is None:
        return False
    if publish and not (page.live and not page.has_unpublished_changes and entry.reviewed):
        return False
    content = entry.revision.content
    return (
        content.get("title") == row.title
        and content.get("summary") == row.summary
        and content.get("scale") == row.scale
        and content.get("status") == row.status
        and content.get("actor_type") == row.actor_type
        and content.get("start_year") == row.start_year
        and (content.get("website") or "") == row.website
        and set(content.get("countries") or []) == {country.pk for country in row.countries}
        and set(content.get("themes") or []) == {theme.pk for theme in row.themes}
        and set(content.get("sdgs") or []) == {goal.pk for goal in row.sdgs}
        and set(content.get("keywords") or []) == {keyword.pk for keyword in row.keywords}
        and (_lead_organisation(content.get("organisations")) or "") == row.organisation
    )


def _stream_data(value: object) -> list[dict]:
    if isinstance(value, str):
        value = json.loads(value) if value else []
    return list(value or [])


def _lead_organisation(value: object) -> str | None:
    for block in _stream_data(value):
        if block.get("type") == "organisation" and block["value"].get("role") == "lead":
            return block["value"].get("name")
    return None


# --- Apply ---------------------------------------------------------------------------------------


@dataclass
class Applier:
    """Writes planned rows; one instance per import run."""

    user: object
    publish: bool
    source_name: str
    workflows: dict[int, Workflow | None] = field(default_factory=dict)  # index id → its workflow
    slugs: dict[int, set[str]] = field(default_factory=dict)  # index id → slugs taken under it

    def apply(self, entry: PlannedRow) -> None:
        if entry.action == "create":
            self._create(entry)
        elif entry.action == "update":
            self._update(entry)

    def _new_page(self, entry: PlannedRow) -> PracticePage:
        row, index = entry.row, entry.index
        page = PracticePage(
            title=row.title,
            slug=self._unique_slug(index, row.title),
            summary=row.summary,
            organisations=[("organisation", {"name": row.organisation, "role": "lead", "website": ""})]
            if row.organisation
            else [],
            external_id=row.external_id,
            locale_id=index.locale_id,
            live=False,
        )
        _assign(page, row)
        return page

    def _create(self, entry: PlannedRow) -> None:
        page = self._new_page(entry)
        entry.index.add_child(instance=page)
        index = entry.index
        log(instance=page, action="wagtail.create", user=self.user)
        revision = page.save_revision(user=self.user, log_action=True)
        self._review_or_publish(page, revision, index, started=False)

    def create_many(self, entries: list[PlannedRow]) -> tuple[list[int], list[RowError]]:
        """`_create` for many rows at once, as drafts submitted to their index's workflow, in a
        handful of queries per language (`cms.bulk_pages`): the new page ids, and the rows the
        model's field checks refused (nothing of theirs is written)."""
        refused: list[RowError] = []
        by_index: dict[int, list[PracticePage]] = defaultdict(list)
        indexes = {}
        for entry in entries:
            page = self._new_page(entry)
            try:
                page.clean_fields(exclude=UNCHECKED_FIELDS)
            except ValidationError as error:
                self.slugs[entry.index.pk].discard(page.slug)
                refused.append(RowError(entry.row.position, _error_reasons(error)))
                continue
            by_index[entry.index.pk].append(page)
            indexes[entry.index.pk] = entry.index
        created = []
        for index_id, pages in by_index.items():
            index = indexes[index_id]
            bulk_pages.add_children(index, pages)
            # As row by row: Page.save logs the creation (by the page's owner, none here), then `_create` does.
            bulk_pages.log_entries(pages, "wagtail.create", None, content_changed=True)
            bulk_pages.log_entries(pages, "wagtail.create", self.user)
            revisions = bulk_pages.save_revisions(pages, self.user)
            bulk_pages.log_entries(pages, "wagtail.edit", self.user, revisions=revisions, content_changed=True)
            workflow = self.workflow_for(index)
            if workflow is not None:
                bulk_pages.start_workflows(pages, workflow, self.user)
            bulk_pages.update_references(pages)
            created += [page.pk for page in pages]
        return created, refused

    def update_many(self, entries: list[PlannedRow]) -> tuple[list[int], list[RowError], list[PlannedRow]]:
        """`_update` for many rows at once (`cms.bulk_pages`): the updated page ids, the rows the
        model's field checks refused, and the rows left to `_update` (a review that asked for
        changes is resumed, as Wagtail resumes it, one row at a time)."""
        active = WorkflowState.objects.active().filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(entry.page.pk) for entry in entries],
        )
        states: dict[str, WorkflowState] = {}
        for state in active.select_related("workflow", "current_task_state__task").order_by("created_at"):
            states[state.object_id] = state  # the latest, as `page.current_workflow_state`
        refused: list[RowError] = []
        left: list[PlannedRow] = []
        by_index: dict[int, list[tuple[PracticePage, WorkflowState | None]]] = defaultdict(list)
        entries_of: dict[int, list[PlannedRow]] = defaultdict(list)
        indexes = {}
        for entry in entries:
            state = states.get(str(entry.page.pk))
            workflow = self.workflow_for(entry.index)
            if workflow is not None and state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                left.append(entry)
                continue
            page = self._updated_page(entry, lookups=False)
            try:
                page.clean_fields(exclude=UNCHECKED_FIELDS)
            except ValidationError as error:
                refused.append(RowError(entry.row.position, _error_reasons(error)))
                continue
            by_index[entry.index.pk].append((page, state))
            entries_of[entry.index.pk].append(entry)
            indexes[entry.index.pk] = entry.index
        updated = []
        for index_id, pairs in by_index.items():
            index = indexes[index_id]
            pages = [page for page, _state in pairs]
            drafts = [(page, entry) for (page, _state), entry in zip(pairs, entries_of[index_id], strict=True)]
            drafts = [(page, entry.page) for page, entry in drafts if not page.live]
            bulk_pages.save_drafts([page for page, _row in drafts], [row for _page, row in drafts])
            revisions = bulk_pages.save_revisions(pages, self.user)
            bulk_pages.log_entries(pages, "wagtail.edit", self.user, revisions=revisions, content_changed=True)
            workflow = self.workflow_for(index)
            if workflow is not None:
                started = [(state, page) for page, state in pairs if state is not None]
                # Approvals given to the previous content must not count for the new one.
                bulk_pages.cancel_workflows(
                    [state for state, _page in started], [page for _state, page in started], self.user
                )
                bulk_pages.start_workflows(pages, workflow, self.user)
            bulk_pages.update_references([page for page, _row in drafts])  # a live page's row is unchanged
            updated += [page.pk for page in pages]
        return updated, refused, left

    def _updated_page(self, entry: PlannedRow, *, lookups: bool = True) -> PracticePage:
        # Build on the latest revision, so an editor's unsaved-to-live work on other fields is kept.
        content = entry.revision.content if entry.revision else None
        if content is not None and not lookups:
            # The many-to-many values are the row's (`_assign`): not looked up from the revision.
            content = {key: value for key, value in content.items() if key not in ASSIGNED_RELATIONS}
        page = entry.page.with_content_json(content) if content is not None else entry.page
        row = entry.row
        page.title = row.title
        page.summary = row.summary
        page.organisations = json.dumps(_with_lead(_stream_data(page.organisations.get_prep_value()), row))
        _assign(page, row)
        return page

    def _update(self, entry: PlannedRow) -> None:
        page = self._updated_page(entry)
        if not page.live:
            page.save()  # as the admin does: a draft's own row follows its latest revision
        revision = page.save_revision(user=self.user, log_action=True)
        self._review_or_publish(page, revision, entry.index, started=True)

    def _review_or_publish(
        self, page: PracticePage, revision: Revision, index: PracticeIndexPage, *, started: bool
    ) -> None:
        if self.publish:
            ExpertReview.objects.create(
                page=page,
                translation_key=page.translation_key,
                revision=revision,
                reviewer=self.user,
                reviewer_name=self.user.get_full_name() or self.user.get_username(),
                reviewer_region=getattr(self.user, "region", ""),
                decision=ExpertReview.Decision.APPROVED,
                assessment=f"Reviewed before import from {self.source_name}.",
                imported_from=self.source_name,
                name_publicly=False,
                **{name: Rating.MEETS for name, _label in CRITERIA},
            )
            # Publishing also cancels a workflow still in progress on the page.
            revision.publish(user=self.user, log_action=True)
            return
        workflow = self.workflow_for(index)
        if workflow is None:
            return
        state = page.current_workflow_state if started else None
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user=self.user)
        else:
            if state is not None:
                # Approvals given to the previous content must not count for the new one.
                state.cancel(user=self.user)
            workflow.start(page, self.user)

    def workflow_for(self, index: PracticeIndexPage) -> Workflow | None:
        if index.pk not in self.workflows:
            workflow = index.get_workflow()
            self.workflows[index.pk] = workflow if workflow is not None and workflow.active else None
        return self.workflows[index.pk]

    def _unique_slug(self, index: PracticeIndexPage, title: str) -> str:
        if index.pk not in self.slugs:
            self.slugs[index.pk] = set(index.get_children().values_list("slug", flat=True))
        taken = self.slugs[index.pk]
        base = slugify(title, allow_unicode=True)[:60].strip("-") or "practice"
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        return slug


ASSIGNED_RELATIONS = ("countries", "themes", "sdgs", "keywords")


def _assign(page: PracticePage, row: PracticeRow) -> None:
    page.scale = row.scale
    page.status = row.status
    page.actor_type = row.actor_type
    page.start_year = row.start_year
    page.website = row.website
    page.countries = row.countries
    page.themes = row.themes
    page.sdgs = row.sdgs
    # A keyword new to the site is created with the first row that uses it, in the row's language.
    page.keywords = [
        keyword if keyword.pk else keyword_for_name(keyword.name, keyword.locale_id) for keyword in row.keywords
    ]


def _is_lead(block: dict) -> bool:
    return block.get("type") == "organisation" and block["value"].get("role") == "lead"


def _with_lead(blocks: list[dict], row: PracticeRow) -> list[dict]:
    """The file names the lead organisation (or none); partners added by editors are kept."""
    if not row.organisation:
        return [block for block in blocks if not _is_lead(block)]
    for block in blocks:
        if _is_lead(block):
            block["value"]["name"] = row.organisation
            return blocks
    return [{"type": "organisation", "value": {"name": row.organisation, "role": "lead", "website": ""}}, *blocks]


@contextmanager
def workflow_emails_muted() -> Iterator[None]:
    """Silence Wagtail's per-page "submitted for review" e-mails during a bulk import.

    Without this, every imported practice e-mails every expert reviewer and superuser twice: a
    5,000-row file would send tens of thousands of messages. The drafts still appear on each
    reviewer's dashboard under "Awaiting your review".
    """
    from wagtail.admin import signal_handlers

    receivers = [
        (task_submitted, signal_handlers.task_submission_email_notifier, TaskState),
        (workflow_submitted, signal_handlers.workflow_submission_email_notifier, WorkflowState),
    ]
    uids = ["group_approval_task_submitted_email_notification", "workflow_state_submitted_email_notification"]
    muted = [
        (signal, receiver, sender, uid)
        for (signal, receiver, sender), uid in zip(receivers, uids, strict=True)
        if signal.disconnect(sender=sender, dispatch_uid=uid)
    ]
    try:
        yield
    finally:
        for signal, receiver, sender, uid in muted:
            signal.connect(receiver, sender=sender, dispatch_uid=uid)


class DeferredSearchUpdates:
    """Index the imported practices once, in bulk, at the end, instead of after every save.

    Creating a practice row by row saves it twice (the page, then its first revision), each save
    asking the search backend to index it again (a third of an import's time); the bulk path saves
    none. While this is active, saves of practices are only noted, as are the practices written in
    bulk (`pending`); on leaving, each noted practice is indexed once, from the database, through
    the search backends' `add_bulk` (`cms.bulk_pages.index`: any backend, database or
    Elasticsearch), including the rows committed before an error stopped the import.
    """

    def __init__(self) -> None:
        self.pending: dict[int, None] = {}

    def _note(self, instance, raw=False, **kwargs) -> None:
        if not raw:
            self.pending[instance.pk] = None

    def forget_since(self, mark: int) -> None:
        """Drop what was noted after the `mark`-th entry (a row rolled back)."""
        for pk in list(self.pending)[mark:]:
            del self.pending[pk]

    def __enter__(self) -> DeferredSearchUpdates:
        self.muted = post_save.disconnect(search_signal_handlers.post_save_signal_handler, sender=PracticePage)
        post_save.connect(self._note, sender=PracticePage, weak=False)
        return self

    def flush(self) -> None:
        bulk_pages.index(PracticePage, list(self.pending))
        self.pending.clear()

    def __exit__(self, exc_type, *exc) -> None:
        post_save.disconnect(self._note, sender=PracticePage)
        if self.muted:
            post_save.connect(search_signal_handlers.post_save_signal_handler, sender=PracticePage)
        self.flush()


def _error_reasons(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()]
    return list(error.messages)


def check_publish_permission(user, planned: list[PlannedRow]) -> None:
    """Publishing records an expert review in the user's name: they must be allowed to publish there."""
    for index in {entry.index.pk: entry.index for entry in planned}.values():
        if not index.permissions_for_user(user).can_publish_subpage():
            raise ImportFileError(
                f"{user.get_username()} may not publish practices under {index.title!r} ({index.locale.language_code})."
            )


def import_practices(
    path: Path,
    *,
    user,
    fmt: str | None = None,
    dry_run: bool = False,
    publish: bool = False,
    all_or_nothing: bool = False,
    skip_duplicates: bool = False,
    ignore_columns: Iterable[str] = (),
    progress: Callable[[int, int], None] | None = None,
    on_row: Callable[[PlannedRow], None] | None = None,
    row_by_row: bool = False,
) -> ImportResult:
    """Read, check and (unless `dry_run`) import a file of practices. Raises `ImportFileError`.

    New drafts are written in bulk (`Applier.create_many`), unless `row_by_row` (or `publish`):
    then each row goes through Wagtail's own `add_child` and `save_revision`, as an editor's would.
    Both ways give the same pages, revisions, log entries and workflow states (tests compare them).
    """
    sources = read_rows(path, fmt, ignore_columns)
    lookups = Lookups.load()
    rows, errors = validate(sources, lookups)
    result = ImportResult(errors=errors, dry_run=dry_run)
    result.planned = plan(rows, lookups, publish=publish, skip_duplicates=skip_duplicates)
    result.warnings = [entry.duplicate_warning() for entry in result.planned if entry.duplicates]
    if result.warnings and not skip_duplicates:
        result.warnings.append("Pass --skip-duplicates to leave likely duplicates out.")
    if publish:
        check_publish_permission(user, result.planned)
    if all_or_nothing and errors:
        result.rolled_back = True
        return result
    if dry_run:
        for entry in result.planned:
            _count(result, entry.action)
        return result

    applier = Applier(user=user, publish=publish, source_name=path.name)
    if not publish:
        languages = sorted({entry.row.language for entry in result.planned if entry.action in ("create", "update")})
        result.warnings += [
            f'The "{language}" practice index has no active workflow: its drafts were not submitted for review.'
            for language in languages
            if applier.workflow_for(lookups.indexes[language]) is None
        ]
    total = len(result.planned)
    in_bulk = [] if row_by_row or publish else [e for e in result.planned if e.action in ("create", "update")]
    creates = [entry for entry in in_bulk if entry.action == "create"]
    updates = [entry for entry in in_bulk if entry.action == "update"]
    bulk = {id(entry) for entry in in_bulk}
    rows = [entry for entry in result.planned if id(entry) not in bulk]
    done = 0
    # All or nothing: one transaction for the file. Otherwise each row (each batch of new practices
    # written in bulk) commits on its own, so a long import that stops half-way keeps what it did,
    # and running it again finishes the job. The page cache is marked stale once, at the end, and
    # the search index is written once, in bulk, for every practice the import saved.
    deferred = DeferredSearchUpdates()
    with (
        workflow_emails_muted(),
        cache_purge.deferred(),
        deferred,
        transaction.atomic() if all_or_nothing else nullcontext(),
    ):
        batches = [(creates[start : start + BATCH], "create") for start in range(0, len(creates), BATCH)]
        batches += [(updates[start : start + BATCH], "update") for start in range(0, len(updates), BATCH)]
        for batch, action in batches:
            left = []
            with transaction.atomic():
                if action == "create":
                    written, refused = applier.create_many(batch)
                else:
                    written, refused, left = applier.update_many(batch)
            deferred.pending.update(dict.fromkeys(written))
            rows += left
            left_ids = {id(entry) for entry in left}
            batch = [entry for entry in batch if id(entry) not in left_ids]
            result.errors += refused
            if refused and all_or_nothing:
                transaction.set_rollback(True)
                result.rolled_back = True
                break
            refused_at = {error.position for error in refused}
            for entry in batch:
                if entry.row.position not in refused_at:
                    _count(result, entry.action)
                    if on_row:
                        on_row(entry)
            done += len(batch)
            if progress:
                progress(done, total)
        for entry in [] if result.rolled_back else rows:
            mark = len(deferred.pending)
            try:
                if entry.action in ("create", "update"):
                    with transaction.atomic():
                        applier.apply(entry)
            except ValidationError as error:
                deferred.forget_since(mark)  # rolled back: nothing to index
                # The checks above mirror the model's; this catches whatever they missed.
                result.errors.append(RowError(entry.row.position, _error_reasons(error)))
                if entry.action == "create":
                    entry.index.refresh_from_db(fields=["numchild"])  # add_child counts before it saves
                if all_or_nothing:
                    transaction.set_rollback(True)
                    result.rolled_back = True
                    break
            else:
                _count(result, entry.action)
                if on_row:
                    on_row(entry)
            done += 1
            if progress:
                progress(done, total)
        if result.rolled_back:
            deferred.pending.clear()
    if result.rolled_back:
        result.created = result.updated = result.unchanged = 0
    return result


def _count(result: ImportResult, action: Action) -> None:
    if action == "create":
        result.created += 1
    elif action == "update":
        result.updated += 1
    elif action == "duplicate":
        result.duplicates += 1
    else:
        result.unchanged += 1
