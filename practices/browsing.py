"""Faceted browsing of the practice repository: filters from the query string, counts per facet.

Every filter lives in the URL (`?theme=health&region=002&sort=title`), so a filtered listing can be
shared and works without JavaScript. Within a facet, values are alternatives (OR); across facets
they all apply (AND). Each facet's counts apply every *other* facet's filters, so a visitor sees
how many practices each further choice would give. The number of SQL queries is fixed, whatever
the number of practices: the language's catalogue (`catalogue`: every public practice with its
facet values, the keywords' and themes' names; eight queries, then kept in the cache until any
content changes) gives every facet's counts and the total, and one query gives a page of results
(its cards' keywords and countries are the catalogue's).

The query (`?q=`) goes through the same search backend and query syntax as site search
(`search.query`: every word optional, pages matching most words first) and, when there is one,
results are sorted by relevance unless another sort is chosen. Regions are the five UN M49
continents and their sub-regions ("Latin America and the Caribbean" is 419); an unknown code is
refused with a message (`errors`), never turned into an empty listing.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Lower
from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms import geography, maps, page_cache
from cms.models import ExpertReview, Theme
from cms.models.reviews import approved_review_exists
from cms.templatetags.cms_tags import text_direction
from practices.models.practice import ActorType, PracticePage, Scale, Status
from practices.models.taxonomy import (
    KEYWORD_LINK_FIELDS,
    Keyword,
    SustainableDevelopmentGoal,
    keyword_labels_by_page,
)

PER_PAGE = 12
RELEVANCE = "relevance"
SORTS = {
    RELEVANCE: (_("Relevance"), ["-first_published_at", "-id"]),  # ties and listings without a query
    "newest": (_("Newest"), ["-first_published_at", "-id"]),
    "reviewed": (_("Most recently reviewed"), ["-reviewed_at", "-id"]),
    "title": (_("Alphabetical"), [Lower("title"), "id"]),
}
MAX_QUERY_LENGTH = 200
MAX_SEARCH_RESULTS = 1000  # ranked matches considered for the listing
# The region facet: the five continents, then their sub-regions, each after its continent.
REGION_CODES = [code for continent in geography.REGIONS for code in (continent, *geography.subregions_of(continent))]


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    lang: str = ""  # the label's language when it is not the reader's (a keyword not translated yet)
    dir: str = ""


@dataclass
class Facet:
    name: str
    label: str
    options: list[Option] = field(default_factory=list)

    @property
    def selected(self) -> list[Option]:
        return [option for option in self.options if option.selected]


# name -> label; `facet_values` reads each facet's values of every practice
FACETS: dict[str, str] = {
    "theme": _("Theme"),
    "region": _("Region"),  # a continent or a sub-region
    "country": _("Country"),
    "sdg": _("Sustainable Development Goal"),
    "keyword": _("Keyword"),  # the slug all translations of a keyword share
    "scale": _("Scale"),
    "status": _("Status"),
    "actor": _("Type of actor"),
}
CHOICES = {"scale": "scale", "status": "status", "actor": "actor_type"}  # facet → PracticePage field
CHOICE_LABELS = {"scale": dict(Scale.choices), "status": dict(Status.choices), "actor": dict(ActorType.choices)}


def public_practices(locale: Locale) -> QuerySet:
    """Live, public, expert-reviewed practices of one language."""
    return PracticePage.objects.live().public().filter(locale=locale).filter(approved_review_exists())


class PracticeBrowser:
    def __init__(self, locale: Locale, params: QueryDict) -> None:
        self.locale = locale
        self.language = locale.language_code
        # Quotes and minus signs stay: they are query syntax (search.query), safe on every backend.
        self.query = " ".join(params.get("q", "").split())[:MAX_QUERY_LENGTH]
        self.sort = params.get("sort") or (RELEVANCE if self.query else "newest")
        if self.sort not in SORTS or (self.sort == RELEVANCE and not self.query):
            self.sort = RELEVANCE if self.query else "newest"
        # A value no filter can match is ignored rather than sent to the database (no text holds a
        # NUL character; a goal is a number from 1 to 17).
        self.selected: dict[str, list[str]] = {
            name: [value for value in params.getlist(name) if value and "\x00" not in value][:20] for name in FACETS
        }
        self.selected["sdg"] = [value for value in self.selected["sdg"] if re.fullmatch("[0-9]{1,2}", value)]
        if self.selected["country"]:
            self.selected["country"] = [code.upper() for code in self.selected["country"]]
        self.errors: list[str] = []  # parameters refused, each with what to do instead
        self.selected["region"] = self._clean_regions(self.selected["region"])
        self.params = params

    def _clean_regions(self, codes: list[str]) -> list[str]:
        unknown = [code for code in codes if code not in REGION_CODES]
        if unknown:
            known = ", ".join(f"{code} ({geography.region_name(code, self.language)})" for code in REGION_CODES)
            self.errors.append(
                gettext("Unknown region “%(codes)s”. Regions are UN M49 codes: %(known)s.")
                % {"codes": ", ".join(unknown), "known": known}
            )
        return [code for code in codes if code in REGION_CODES]

    # --- querysets -------------------------------------------------------------------------------
    @cached_property
    def ranked_ids(self) -> list[int]:
        """Ids of the practices the query finds, best first (the site search's backend and syntax)."""
        matches = PracticePage.objects.live().filter(locale=self.locale).only("id").search(self.query)
        return [page.pk for page in matches[:MAX_SEARCH_RESULTS]]

    def results(self, page_number: str | int | None):
        """A page of the practices matching every filter: the facets found their ids already
        (`_counts`), so the live/public/reviewed conditions and the filters are not asked again."""
        reviewed_at = (
            ExpertReview.objects.approved()
            .filter(translation_key=OuterRef("translation_key"))
            .order_by("-created_at")
            .values("created_at")[:1]
        )
        matching = self._counts[1]
        queryset = (
            PracticePage.objects.filter(pk__in=matching)
            .annotate(reviewed_at=Subquery(reviewed_at))
            .select_related("listing_image")
            .defer_streamfields()
            .order_by(*SORTS[self.sort][1])
        )
        if self.sort != RELEVANCE or not self.query:
            paginator = Paginator(queryset, PER_PAGE)
            paginator.count = len(matching)  # known: no COUNT query
            return self._for_cards(paginator.get_page(page_number))
        # By relevance: the search's order, applied to the ids the filters keep; one query for the
        # practices shown.
        rank = {pk: position for position, pk in enumerate(self.ranked_ids)}
        page = Paginator(sorted(matching, key=rank.__getitem__), PER_PAGE).get_page(page_number)
        shown = queryset.in_bulk(page.object_list)
        page.object_list = [shown[pk] for pk in page.object_list]
        return self._for_cards(page)

    def _for_cards(self, page):
        """Each practice of a page of results gets its `keyword_labels`, in the reader's language, and
        its `country_codes` (no query: the facet's links and names)."""
        page.object_list = list(page.object_list)
        names = {slug: name for slug, (name, language) in self.keyword_names.items() if language == self.language}
        shown = {practice.pk for practice in page.object_list}
        links = [link for link in self._keyword_links if link[0] in shown]
        labels = keyword_labels_by_page(links, names, self.language)
        for practice in page.object_list:
            practice.keyword_labels = labels.get(practice.pk, [])
            practice.country_codes = sorted(self.facet_values[practice.pk]["country"])
        return page

    def suggestion(self, results) -> tuple[str, str] | None:
        """("did you mean" query, its listing's query string) when a query found nothing."""
        if not self.query or results.paginator.count:
            return None
        from search.suggest import did_you_mean  # the site search's, so both suggest the same

        corrected = did_you_mean(self.query, self.locale)
        return (corrected, self.querystring(q=corrected)) if corrected else None

    # --- facets ----------------------------------------------------------------------------------
    @cached_property
    def catalogue(self) -> dict:
        return catalogue(self.locale)

    @cached_property
    def facet_values(self) -> dict[int, dict[str, set[str]]]:
        """Every public practice of the listing (the query applied) with its values for each facet."""
        practices = self.catalogue["practices"]
        if not self.query:
            return practices
        return {pk: practices[pk] for pk in self.ranked_ids if pk in practices}

    @property
    def _keyword_links(self) -> list[tuple[int, str, str, str]]:
        return self.catalogue["keyword_links"]

    @property
    def keyword_names(self) -> dict[str, tuple[str, str]]:
        """{slug: (name, its language)} of the keywords of this language's practices."""
        return self.catalogue["keyword_names"]

    @cached_property
    def _counts(self) -> tuple[dict[str, dict[str, int]], list[int]]:
        """(facet → value → practices, the ids of the practices matching every filter)."""
        wanted = {name: self._wanted(name) for name in FACETS}
        counts: dict[str, dict[str, int]] = {name: defaultdict(int) for name in FACETS}
        matching = []
        for pk, values in self.facet_values.items():
            missed = [name for name, accepted in wanted.items() if accepted and not values[name] & accepted]
            if len(missed) > 1:
                continue
            if not missed:
                matching.append(pk)
            for name in missed or FACETS:
                for value in values[name]:
                    counts[name][value] += 1
        return counts, matching

    def _wanted(self, name: str) -> set[str]:
        """The selected values of one facet as `facet_values` spells them."""
        if name == "sdg":
            return {str(int(value)) for value in self.selected[name]}
        return set(self.selected[name])

    def facets(self) -> list[Facet]:
        counts = self._counts[0]
        theme_names = self.catalogue["theme_names"]
        goal_names = self.catalogue["goal_names"]
        facets = [
            self._facet("theme", counts["theme"], lambda slug: theme_names.get(slug, slug)),
            self._facet(
                "region",
                counts["region"],
                lambda code: geography.region_name(code, self.language),
                sort_key=lambda option: REGION_CODES.index(option.value),
            ),
            self._facet("country", counts["country"], lambda code: geography.country_name(code, self.language)),
            self._facet(
                "sdg",
                counts["sdg"],
                lambda number: f"{number}. {goal_names.get(int(number), '')}",
                sort_key=lambda option: int(option.value),
            ),
            self._keyword_facet(counts["keyword"]),
        ]
        for name in CHOICES:
            labels = CHOICE_LABELS[name]
            facets.append(self._facet(name, counts[name], lambda value, labels=labels: str(labels.get(value, value))))
        return facets

    def _keyword_facet(self, counts: dict[str, int]) -> Facet:
        names = self.keyword_names
        facet = self._facet("keyword", counts, lambda slug: names.get(slug, (slug, ""))[0])
        for option in facet.options:
            language = names.get(option.value, ("", self.language))[1]
            if language != self.language:
                option.lang, option.dir = language, text_direction(language)
        return facet

    def _facet(self, name, counts, label, sort_key=None) -> Facet:
        selected = set(self.selected[name])
        values = set(counts) | selected
        options = [
            Option(value=str(value), label=label(value), count=counts.get(value, 0), selected=str(value) in selected)
            for value in values
            if value
        ]
        options.sort(key=sort_key or (lambda option: (-option.count, option.label.casefold())))
        return Facet(name=name, label=str(FACETS[name]), options=options)

    def country_map(self, index_url: str) -> maps.WorldMap:
        """Practices by country under every other chosen filter (the country facet's counts: no query
        of its own); a country links to this listing filtered by it alone among countries."""
        return practices_world_map(
            self._counts[0]["country"],
            url=lambda code: f"{index_url}?{self.querystring(country=code)}",
            language=self.language,
            element_id="practices-map",
        )

    # --- URLs ------------------------------------------------------------------------------------
    @property
    def filter_count(self) -> int:
        """How many filter values are chosen (shown on the "Filters (n)" disclosure)."""
        return sum(len(values) for values in self.selected.values())

    @property
    def is_filtered(self) -> bool:
        return bool(self.query) or any(self.selected.values())

    def querystring(self, **changes) -> str:
        """The current query string with some parameters replaced (None removes them)."""
        params = self.params.copy()
        params.pop("page", None)
        for key, value in changes.items():
            params.pop(key, None)
            if value is not None:
                params[key] = value
        return params.urlencode()

    def querystring_without_filters(self) -> str:
        """The current query and sort, every facet filter removed (when filters hide every match)."""
        return self.querystring(**dict.fromkeys(FACETS))

    def without(self, name: str, value: str) -> str:
        """The current query string without one selected value (for the "remove filter" links)."""
        params = self.params.copy()
        params.pop("page", None)
        params.setlist(name, [v for v in params.getlist(name) if v.upper() != value.upper()])
        return params.urlencode()

    def chips(self, facets: list[Facet]) -> list[tuple[str, str]]:
        """(label, query string without it) for every active filter."""
        chips = []
        if self.query:
            chips.append((_("Search: %(query)s") % {"query": self.query}, self.querystring(q=None)))
        for facet in facets:
            chips += [
                (f"{facet.label}: {option.label}", self.without(facet.name, option.value)) for option in facet.selected
            ]
        return chips

    def sort_options(self) -> list[tuple[str, str]]:
        """Relevance is offered only when there is a query to be relevant to."""
        return [(key, str(label)) for key, (label, _order) in SORTS.items() if key != RELEVANCE or self.query]


def practices_world_map(counts: dict, *, url, language: str, element_id: str) -> maps.WorldMap:
    """The world map of practices by country, in the words the listing and the home page share:
    `counts` maps a country code to its number of practices, `url(code)` is where a country links."""
    return maps.world_map(
        counts,
        url=url,
        label=lambda name, count: (
            ngettext("%(country)s: %(count)s practice", "%(country)s: %(count)s practices", count)
            % {"country": name, "count": count}
        ),
        title=gettext("World map of the practices by country"),
        caption=gettext("The darker a country, the more practices it has. Choose a country to list them."),
        count_heading=gettext("Practices"),
        language=language,
        element_id=element_id,
    )


def catalogue(locale: Locale) -> dict:
    """The language's public practices with their values for each facet, the keywords' links and
    names and the themes' and goals' names: what every listing of the language counts and names,
    whatever its filters, and what the home page's map counts. Computed from published content
    only, so it is kept in the cache until any content changes (`cms.page_cache.remember`): a
    listing then asks the database only for its page of results (issue 17)."""
    return page_cache.remember(f"practices:catalogue:{locale.pk}", lambda: _read_catalogue(locale))


def _read_catalogue(locale: Locale) -> dict:
    """Eight queries: the practices with their choice fields (the live/public/reviewed conditions,
    asked once), then the themes, countries, goals and keywords of the language's practices (those
    of practices not listed left out), the keywords' names, and the themes' and goals' names.
    Counting happens in Python, so every facet's counts (each applying every *other* facet's
    filters) cost nothing more."""
    practices: dict[int, dict[str, set[str]]] = {}
    for pk, *choices in public_practices(locale).order_by().values_list("pk", *CHOICES.values()):
        values = {"theme": set(), "region": set(), "country": set(), "sdg": set(), "keyword": set()}
        practices[pk] = values | {name: {value} for name, value in zip(CHOICES, choices, strict=True)}
    links = {"practicepage__locale": locale}
    for pk, slug in PracticePage.themes.through.objects.filter(**links).values_list("practicepage_id", "theme__slug"):
        if pk in practices:
            practices[pk]["theme"].add(slug)
    for pk, code, region, subregion in PracticePage.countries.through.objects.filter(**links).values_list(
        "practicepage_id", "country_id", "country__region", "country__subregion"
    ):
        if pk in practices:
            practices[pk]["country"].add(code)
            practices[pk]["region"].update(value for value in (region, subregion) if value)
    for pk, number in PracticePage.sdgs.through.objects.filter(**links).values_list(
        "practicepage_id", "sustainabledevelopmentgoal__number"
    ):
        if pk in practices:
            practices[pk]["sdg"].add(str(number))
    # (practice id, keyword slug, name, language) for every practice of the language: the facet's
    # values, the keywords whose names are read, the cards' keywords.
    keyword_links = list(PracticePage.keywords.through.objects.filter(**links).values_list(*KEYWORD_LINK_FIELDS))
    for pk, slug, _name, _language in keyword_links:
        if pk in practices:
            practices[pk]["keyword"].add(slug)
    return {
        "practices": practices,
        "keyword_links": keyword_links,
        "keyword_names": _keyword_names({slug for _pk, slug, _name, _language in keyword_links}, locale.language_code),
        "theme_names": dict(Theme.objects.filter(locale=locale).values_list("slug", "name")),
        "goal_names": dict(SustainableDevelopmentGoal.objects.filter(locale=locale).values_list("number", "title")),
    }


def _keyword_names(slugs: set[str], reader_language: str) -> dict[str, tuple[str, str]]:
    """{slug: (name, its language)} of the keywords `slugs`: the reader's language's name, else (not
    translated yet) the keyword's own."""
    rows = Keyword.objects.filter(slug__in=slugs).values_list("slug", "name", "locale__language_code")
    names: dict[str, tuple[str, str]] = {}
    for slug, name, language in rows.order_by("locale_id"):
        if language == reader_language or slug not in names:
            names[slug] = (name, language)
    return names


def practices_by_country(locale: Locale) -> dict[str, int]:
    """How many public practices of the language each country has (from the catalogue: no query)."""
    return dict(Counter(code for values in catalogue(locale)["practices"].values() for code in values["country"]))
