"""Site search: one query in, one results page out (grouped by type, snippets highlighted, paginated).

`run_search` is what the view calls. The number of SQL queries does not depend on how many results
a page shows: the page search returns plain `Page` rows (title, URL path, type), the type counts
come from one facet query, and the snippets' text of every result shown (promoted ones included)
is read in one query (`search.texts.page_texts`) and kept until any content changes
(`search.texts.shown_texts`). Members are a second search: a results page that shows some makes one
query more than one that shows none, whatever their number.

Ordering: promoted results first (page 1 only, in the editors' order), then pages by relevance,
then members by relevance. Relevance scores of two separate searches cannot be compared, so
members follow the pages in "All" rather than being interleaved; the "Members" filter shows them
alone.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.safestring import SafeString
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError
from wagtail.search.utils import normalise_query_string

from cms.locales import active_locale
from cms.tasks import retrying_task
from search.highlight import query_terms, snippet
from search.suggest import did_you_mean
from search.texts import shown_texts
from search.types import (
    ALL,
    MEMBERS,
    PAGE_TYPE_SLUGS,
    RESULT_TYPES,
    ResultType,
    content_type_ids,
    kind_label,
    member_kind_label,
    model_of,
    result_type,
    type_slug_of_content_type,
)
from search.visibility import member_url, searchable_members, visible_pages

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@dataclass
class Result:
    title: str
    url: str
    kind: str  # "Practice", "Policy brief", "Member"…
    type: str  # the filter it belongs to (a `ResultType.slug`)
    snippet: SafeString  # highlighted
    detail: str = ""  # a member's organisation
    recommended: bool = False


@dataclass
class Facet:
    slug: str
    label: str
    count: int
    url: str
    selected: bool


@dataclass
class SearchOutcome:
    query: str
    type: ResultType
    facets: list[Facet] = field(default_factory=list)
    total: int = 0  # every result of the query, whatever the type filter
    promoted: list[Result] = field(default_factory=list)
    page: PaginatorPage | None = None  # its object_list holds `Result`s
    suggestion: str = ""  # "did you mean"
    suggestion_url: str = ""
    browse_links: list[tuple[str, str]] = field(default_factory=list)  # (title, url) when nothing is found

    @property
    def results(self) -> list[Result]:
        return list(self.page.object_list) if self.page else []

    @property
    def previous_url(self) -> str:
        return _url(self.query, self.type.slug, self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self) -> str:
        return _url(self.query, self.type.slug, self.page.next_page_number()) if self.page.has_next() else ""


def clean_query(raw: str) -> str:
    """Words, quotes and minus signs (`search.query` reads them as phrases and exclusions); the
    rest of the backends' own syntax (FTS5 treats `*`, `^` and parentheses as operators) would turn
    a visitor's typing into a server error."""
    cleaned = "".join(" " if char in "*^()[]{}:<>\\" or ord(char) < 32 else char for char in raw)
    return " ".join(cleaned.split())[:MAX_QUERY_LENGTH]


class _Chain(Sequence):
    """Several searches read as one list for the paginator, each counted once and sliced lazily."""

    def __init__(self, parts: list[tuple[object, int]]):
        self.parts = parts  # (search results, their count)

    def count(self) -> int:
        return sum(count for _results, count in self.parts)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop if index.stop is not None else self.count()
        items, offset = [], 0
        for results, count in self.parts:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                items += list(results[low:high])
            offset += count
        return items


def _url(query: str, type_slug: str = ALL, page: int = 1) -> str:
    params = {"q": query}
    if type_slug != ALL:
        params["type"] = type_slug
    if page > 1:
        params["page"] = page
    return "?" + urlencode(params)


def _type_counts(pages, query: str) -> dict[str, int]:
    """Matching pages per type in one facet query (any backend with facets), else one count per type."""
    counts = dict.fromkeys(PAGE_TYPE_SLUGS, 0)
    try:
        by_content_type = pages.search(query).facet("content_type_id")
    except (NotImplementedError, FilterFieldError):
        return {slug: pages.filter(content_type__in=content_type_ids(slug)).search(query).count() for slug in counts}
    for content_type_id, count in by_content_type.items():
        counts[type_slug_of_content_type(content_type_id)] += count
    return counts


def _promotions(query: str, pages) -> list[SearchPromotion]:
    """The editors' picks for this query: visible pages of this language, and external links. Most
    queries have none: one plain query then; the promoted pages' visibility is asked only when
    there are some (a second query)."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .filter(Q(page__isnull=False) | Q(external_link_url__gt=""))
        .select_related("page", "page__locale")
        .order_by("sort_order", "pk")
    )
    promoted = [promotion.page_id for promotion in promotions if promotion.page_id]
    visible = set(pages.filter(pk__in=promoted).values_list("pk", flat=True)) if promoted else set()
    return [promotion for promotion in promotions if not promotion.page_id or promotion.page_id in visible]


def _page_results(pages: list[Page], terms: list[str], language: str, request, descriptions=None) -> list[Result]:
    texts = shown_texts(pages)
    descriptions = descriptions or {}
    results = []
    for page in pages:
        model = model_of(page.content_type_id)
        text = descriptions.get(page.pk) or texts.get(page.pk, "")
        results.append(
            Result(
                title=page.title,
                url=page.get_url(request) or "",
                kind=kind_label(model),
                type=type_slug_of_content_type(page.content_type_id),
                snippet=snippet(text, terms, language),
            )
        )
    return results


def _member_result(profile, terms: list[str], language: str) -> Result:
    return Result(
        title=profile.name,
        url=member_url(profile),
        kind=member_kind_label(),
        type=MEMBERS,
        snippet=snippet(profile.bio, terms, language),
        detail=profile.organisation,
    )


def _external_result(promotion: SearchPromotion, terms: list[str], language: str) -> Result:
    return Result(
        title=promotion.external_link_text or promotion.external_link_url,
        url=promotion.external_link_url,
        kind="",
        type=ALL,
        snippet=snippet(promotion.description, terms, language),
    )


def _browse_links(locale: Locale, request) -> list[tuple[str, str]]:
    """The practice and report indexes of the language, for queries that find nothing."""
    models = [apps.get_model("practices", "PracticeIndexPage"), apps.get_model("reports", "ReportIndexPage")]
    indexes = visible_pages(locale).type(*models).select_related("locale").order_by("-content_type_id")
    return [(index.title, index.get_url(request)) for index in indexes]


def _page_number(raw) -> int:
    try:
        return max(int(raw), 1)
    except (TypeError, ValueError):
        return 1


def _facets(query: str, chosen: ResultType, counts: dict[str, int], promotions) -> list[Facet]:
    """The type filter: each type with its count, promoted pages included in theirs."""
    counts = dict(counts)
    for promotion in promotions:
        if promotion.page_id:
            counts[type_slug_of_content_type(promotion.page.content_type_id)] += 1
    total = sum(counts.values()) + sum(1 for promotion in promotions if not promotion.page_id)
    return [
        Facet(
            slug=option.slug,
            label=str(option.label),
            count=total if option.slug == ALL else counts[option.slug],
            url=_url(query, option.slug),
            selected=option.slug == chosen.slug,
        )
        for option in RESULT_TYPES
    ]


def _paginate(parts: list[tuple[object, int]], page_number) -> PaginatorPage:
    paginator = Paginator(_Chain(parts), RESULTS_PER_PAGE)
    try:
        return paginator.page(_page_number(page_number))
    except (EmptyPage, PageNotAnInteger):
        return paginator.page(paginator.num_pages)


def _shown_promotions(promotions: list[SearchPromotion], chosen: ResultType, page_number: int) -> list:
    """Promotions go on the first page of "All", and of the filter their page belongs to."""
    if page_number != 1:
        return []
    if chosen.slug == ALL:
        return promotions
    return [p for p in promotions if p.page_id and type_slug_of_content_type(p.page.content_type_id) == chosen.slug]


@retrying_task()
def count_search(query: str, day: str) -> None:
    """One search of `query` on `day` (ISO) for the admin's "Search terms" report; every results
    page counts, as in Wagtail's docs. Queued: the results page does not wait for Wagtail's three
    statements (the query's row, the day's row, its count), nor for another search of the same
    words updating the same row."""
    Query.get(query).add_hit(datetime.date.fromisoformat(day))


def run_search(request: HttpRequest, raw_query: str, type_slug: str | None, page_number) -> SearchOutcome:
    query = clean_query(raw_query)
    chosen = result_type(type_slug)
    outcome = SearchOutcome(query=query, type=chosen)
    if not query:
        return outcome
    locale = active_locale()
    language = locale.language_code
    terms = query_terms(query, language)

    count_search.enqueue(query, timezone.now().date().isoformat())
    visible = visible_pages(locale)
    promotions = _promotions(query, visible)
    promoted_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    # Promoted pages are shown once, at the top, rather than again further down.
    organic = (visible.exclude(id__in=promoted_ids) if promoted_ids else visible).select_related("locale")
    members = get_search_backend().search(query, searchable_members().select_related("user"))
    counts = _type_counts(organic, query)
    counts[MEMBERS] = members.count()
    outcome.facets = _facets(query, chosen, counts, promotions)
    outcome.total = outcome.facets[0].count

    if chosen.slug == ALL:
        parts = [(organic.search(query), sum(counts[slug] for slug in PAGE_TYPE_SLUGS)), (members, counts[MEMBERS])]
    elif chosen.slug == MEMBERS:
        parts = [(members, counts[MEMBERS])]
    else:
        parts = [(organic.filter(content_type__in=content_type_ids(chosen.slug)).search(query), counts[chosen.slug])]
    page = _paginate(parts, page_number)

    shown = list(page.object_list)
    promoted = _shown_promotions(promotions, chosen, page.number)
    promoted_pages = [promotion.page for promotion in promoted if promotion.page_id]
    descriptions = {promotion.page_id: promotion.description for promotion in promoted if promotion.page_id}
    rendered = iter(
        _page_results(
            promoted_pages + [item for item in shown if isinstance(item, Page)], terms, language, request, descriptions
        )
    )
    for promotion in promoted:
        result = next(rendered) if promotion.page_id else _external_result(promotion, terms, language)
        result.recommended = True
        outcome.promoted.append(result)
    page.object_list = [
        next(rendered) if isinstance(item, Page) else _member_result(item, terms, language)
        for item in shown
        if isinstance(item, Page) or item.user.is_active  # see search.visibility
    ]
    outcome.page = page

    if outcome.total == 0:
        outcome.suggestion = did_you_mean(query, locale)
        outcome.suggestion_url = _url(outcome.suggestion) if outcome.suggestion else ""
        outcome.browse_links = _browse_links(locale, request)
    return outcome
