"""Faceted browsing of the practice repository: filters from the query string, counts per facet.

Every filter lives in the URL (`?theme=health&region=002&sort=title`), so a filtered listing can be
shared and works without JavaScript. Within a facet, values are alternatives (OR); across facets
they all apply (AND). Each facet's counts apply every *other* facet's filters, so a visitor sees
how many practices each further choice would give. The number of SQL queries is fixed: one per
facet, one count and one page of results, whatever the number of practices.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Lower
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms import geography
from cms.models import ExpertReview, Theme
from cms.models.reviews import approved_review_exists
from practices.models.practice import ActorType, PracticePage, Scale, Status
from practices.models.taxonomy import SustainableDevelopmentGoal

PER_PAGE = 12
SORTS = {
    "newest": (_("Newest"), ["-first_published_at", "-id"]),
    "reviewed": (_("Most recently reviewed"), ["-reviewed_at", "-id"]),
    "title": (_("Alphabetical"), [Lower("title"), "id"]),
}
MAX_QUERY_LENGTH = 200


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[Option] = field(default_factory=list)

    @property
    def selected(self) -> list[Option]:
        return [option for option in self.options if option.selected]


# name -> (label, lookup applied to PracticePage for the selected values)
FACETS: dict[str, tuple[str, str]] = {
    "theme": (_("Theme"), "themes__slug__in"),
    "region": (_("Region"), "countries__region__in"),
    "country": (_("Country"), "countries__code__in"),
    "sdg": (_("Sustainable Development Goal"), "sdgs__number__in"),
    "scale": (_("Scale"), "scale__in"),
    "status": (_("Status"), "status__in"),
    "actor": (_("Type of actor"), "actor_type__in"),
}
CHOICE_LABELS = {"scale": dict(Scale.choices), "status": dict(Status.choices), "actor": dict(ActorType.choices)}


def public_practices(locale: Locale) -> QuerySet:
    """Live, public, expert-reviewed practices of one language."""
    return PracticePage.objects.live().public().filter(locale=locale).filter(approved_review_exists())


class PracticeBrowser:
    def __init__(self, locale: Locale, params: QueryDict) -> None:
        self.locale = locale
        self.language = locale.language_code
        # Quotes break the SQLite search backend's parser; the words are what matter.
        self.query = params.get("q", "").replace('"', " ").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
        self.sort = params.get("sort", "newest")
        if self.sort not in SORTS:
            self.sort = "newest"
        # A value no filter can match is ignored rather than sent to the database (no text holds a
        # NUL character; a goal is a number from 1 to 17).
        self.selected: dict[str, list[str]] = {
            name: [value for value in params.getlist(name) if value and "\x00" not in value][:20] for name in FACETS
        }
        self.selected["sdg"] = [value for value in self.selected["sdg"] if re.fullmatch("[0-9]{1,2}", value)]
        if self.selected["country"]:
            self.selected["country"] = [code.upper() for code in self.selected["country"]]
        self.params = params

    # --- querysets -------------------------------------------------------------------------------
    def base(self) -> QuerySet:
        queryset = public_practices(self.locale)
        if self.query:
            matches = PracticePage.objects.live().filter(locale=self.locale).search(self.query, operator="and")
            queryset = queryset.filter(pk__in=[page.pk for page in matches[:1000]])
        return queryset

    def filtered(self, base: QuerySet, *, excluding: str | None = None) -> QuerySet:
        for name, (_label, lookup) in FACETS.items():
            values = self.selected[name]
            if values and name != excluding:
                if name == "sdg":
                    values = [int(value) for value in values if value.isdigit()]
                base = base.filter(pk__in=PracticePage.objects.filter(**{lookup: values}).values("pk"))
        return base

    def results(self, page_number: str | int | None):
        reviewed_at = (
            ExpertReview.objects.approved()
            .filter(translation_key=OuterRef("translation_key"))
            .order_by("-created_at")
            .values("created_at")[:1]
        )
        queryset = (
            self.filtered(self.base())
            .annotate(reviewed_at=Subquery(reviewed_at))
            .select_related("listing_image")
            .prefetch_related("countries")
            .defer_streamfields()
            .order_by(*SORTS[self.sort][1])
        )
        paginator = Paginator(queryset, PER_PAGE)
        return paginator.get_page(page_number)

    # --- facets ----------------------------------------------------------------------------------
    def facets(self) -> list[Facet]:
        base = self.base()
        ids = {name: self.filtered(base, excluding=name).values("pk") for name in FACETS}
        through = PracticePage
        theme_counts = dict(
            through.themes.through.objects.filter(practicepage_id__in=ids["theme"])
            .values_list("theme__slug")
            .annotate(n=Count("practicepage_id", distinct=True))
        )
        region_counts = dict(
            through.countries.through.objects.filter(practicepage_id__in=ids["region"])
            .values_list("country__region")
            .annotate(n=Count("practicepage_id", distinct=True))
        )
        country_counts = dict(
            through.countries.through.objects.filter(practicepage_id__in=ids["country"])
            .values_list("country_id")
            .annotate(n=Count("practicepage_id", distinct=True))
        )
        sdg_counts = dict(
            through.sdgs.through.objects.filter(practicepage_id__in=ids["sdg"])
            .values_list("sustainabledevelopmentgoal__number")
            .annotate(n=Count("practicepage_id", distinct=True))
        )
        choice_counts = {
            name: dict(
                PracticePage.objects.filter(pk__in=ids[name]).order_by().values_list(column).annotate(n=Count("pk"))
            )
            for name, column in (("scale", "scale"), ("status", "status"), ("actor", "actor_type"))
        }
        theme_names = dict(Theme.objects.filter(locale=self.locale).values_list("slug", "name"))
        goal_names = dict(SustainableDevelopmentGoal.objects.filter(locale=self.locale).values_list("number", "title"))
        facets = [
            self._facet("theme", theme_counts, lambda slug: theme_names.get(slug, slug)),
            self._facet("region", region_counts, lambda code: geography.region_name(code, self.language)),
            self._facet("country", country_counts, lambda code: geography.country_name(code, self.language)),
            self._facet(
                "sdg",
                {str(number): n for number, n in sdg_counts.items()},
                lambda number: f"{number}. {goal_names.get(int(number), '')}",
                sort_key=lambda option: int(option.value),
            ),
        ]
        for name, counts in choice_counts.items():
            labels = CHOICE_LABELS[name]
            facets.append(self._facet(name, counts, lambda value, labels=labels: str(labels.get(value, value))))
        return facets

    def _facet(self, name, counts, label, sort_key=None) -> Facet:
        selected = set(self.selected[name])
        values = set(counts) | selected
        options = [
            Option(value=str(value), label=label(value), count=counts.get(value, 0), selected=str(value) in selected)
            for value in values
            if value
        ]
        options.sort(key=sort_key or (lambda option: (-option.count, option.label.casefold())))
        return Facet(name=name, label=str(FACETS[name][0]), options=options)

    # --- URLs ------------------------------------------------------------------------------------
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
        return [(key, str(label)) for key, (label, _order) in SORTS.items()]
