"""The partner API's endpoints: one `PartnerPagesAPIViewSet` per kind of content.

Each viewset names its model by label and declares its fields, its date and the filters it
supports; the base class does the rest (public pages only, strict parameters, pagination capped at
50, the rate limit, JSON errors) and `cms.api.openapi` documents it from the same declarations.
"""

from __future__ import annotations

import datetime
from typing import ClassVar

from django.apps import apps
from django.db.models import Model, QuerySet
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.functional import classproperty
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.serializers import PageSerializer, get_serializer_class
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.fields import StreamField
from wagtail.search.backends import get_search_backend

from cms.api import fields as f
from cms.api.fields import ComputedField, ItemField, Lookups
from cms.api.params import MAX_ID, ListingParams, language_codes, parse_listing, reject_unknown
from cms.api.throttling import PartnerRateThrottle
from cms.models import Theme
from cms.models.reviews import approved_review_exists

API_URLCONF = "cms.api.urlconf"
# Read-only public data without credentials: any web page may fetch it.
CORS_HEADERS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Retry-After"}


class JSONOnly(BaseContentNegotiation):
    """Always JSON, whatever the Accept header says: there is no browsable HTML version."""

    def select_parser(self, request, parsers):
        return None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class PartnerPagination(WagtailPagination):
    """Wagtail's `{"meta": {"total_count"}, "items"}` page, with the limit and offset already validated."""

    def paginate_queryset(self, queryset, request, view=None):
        params: ListingParams = view.params
        self.view = view
        self.total_count = queryset.count()
        return list(queryset[params.offset : params.offset + params.limit])


class PartnerPagesAPIViewSet(PagesAPIViewSet):
    """Live, public pages of one model, in every language, read-only."""

    model_label: ClassVar[str]  # "news.NewsPage": cms names domain models, never imports them
    # The URL segment, e.g. "news" (not `name`: DRF resets that one on every `as_view()`).
    endpoint_name: ClassVar[str]
    summary: ClassVar[str]  # one line for the OpenAPI description
    item_fields: ClassVar[list[ItemField]]
    # since/until compare with this lookup; `date_description` says what it means to partners.
    date_lookup: ClassVar[str]
    date_description: ClassVar[str]
    # Public `order` values (each also with a leading "-") and the model field each sorts by.
    order_fields: ClassVar[dict[str, str]] = {"title": "title"}
    default_order: ClassVar[str]
    region_filter: ClassVar[bool] = False
    theme_description: ClassVar[str] = "Only items filed under this theme (its slug, the same in every language)."
    prefetch: ClassVar[tuple[str, ...]] = ()
    # StreamFields the item fields read (as stored JSON); the others are never loaded.
    streamfields: ClassVar[tuple[str, ...]] = ()

    renderer_classes = [JSONRenderer]
    content_negotiation_class = JSONOnly
    authentication_classes: ClassVar[list] = []
    permission_classes = [AllowAny]
    throttle_classes = [PartnerRateThrottle]
    pagination_class = PartnerPagination
    filter_backends: ClassVar[list] = []
    body_fields: ClassVar[list] = ["id"]
    meta_fields: ClassVar[list] = [
        "type",
        APIField("detail_url", serializer=f.DetailUrlField(read_only=True)),
        APIField("html_url", serializer=ComputedField(f.html_url)),
        "slug",
        "first_published_at",
    ]
    http_method_names: ClassVar[list[str]] = ["get", "head"]
    metadata_class = None

    @classproperty
    def model(cls) -> type[Model]:
        return apps.get_model(cls.model_label)

    # --- Which pages ---------------------------------------------------------------------------

    def public_pages(self) -> QuerySet:
        """Live pages without any view restriction; aliases carry another language's text, so never."""
        return self.model.objects.live().public().filter(alias_of__isnull=True)

    def optimise(self, queryset: QuerySet) -> QuerySet:
        deferred = [
            field.name
            for field in self.model._meta.concrete_fields
            if isinstance(field, StreamField) and field.name not in self.streamfields
        ]
        return queryset.select_related("locale").prefetch_related(*self.prefetch).defer(*deferred)

    def get_queryset(self) -> QuerySet:
        return self.optimise(self.public_pages())

    def get_base_queryset(self) -> QuerySet:
        # Wagtail's default scans view restrictions and reads ?site=; nothing here may see more than this.
        return self.public_pages()

    # --- Filters -------------------------------------------------------------------------------

    @classmethod
    def order_choices(cls) -> list[str]:
        return [value for name in cls.order_fields for value in (name, f"-{name}")]

    def ordering(self, order: str | None) -> list[str]:
        order = order or self.default_order
        descending = order.startswith("-")
        field_name = self.order_fields[order.lstrip("-")]
        sign = "-" if descending else ""
        return [f"{sign}{field_name}", f"{sign}pk"]  # pk: a stable order across pages of results

    def with_pks_of(self, queryset: QuerySet, matching: QuerySet) -> QuerySet:
        """Filters through a subquery on the primary key: no joins in the result, so no duplicates."""
        return queryset.filter(pk__in=matching.values("pk"))

    def filter_theme(self, queryset: QuerySet, slug: str) -> QuerySet:
        return self.with_pks_of(queryset, self.model.objects.filter(themes__slug=slug))

    def filter_region(self, queryset: QuerySet, region: str) -> QuerySet:
        return self.with_pks_of(queryset, self.model.objects.filter(countries__region=region))

    def filter_dates(self, queryset: QuerySet, since: datetime.date | None, until: datetime.date | None) -> QuerySet:
        if since:
            queryset = queryset.filter(**{f"{self.date_lookup}__gte": since})
        if until:
            queryset = queryset.filter(**{f"{self.date_lookup}__lte": until})
        return queryset

    def filter_listing(self, queryset: QuerySet, params: ListingParams):
        if params.language:
            queryset = queryset.filter(locale__language_code=params.language)
        if params.theme:
            queryset = self.filter_theme(queryset, params.theme)
        if params.region:
            queryset = self.filter_region(queryset, params.region)
        if params.since or params.until:
            queryset = self.filter_dates(queryset, params.since, params.until)
        if params.search:
            return self.search(queryset, params.search, params.order)
        return self.optimise(queryset).order_by(*self.ordering(params.order))

    def search(self, queryset: QuerySet, query: str, order: str | None):
        """Full-text search within the filtered pages, by relevance unless an order is asked for.

        The search backend only understands plain field filters, so it is given the filtered pages
        as a subquery on the primary key (it fails on the review check's `Exists`, for example).
        """
        backend = get_search_backend()
        candidates = self.model.objects.filter(pk__in=queryset.values("pk"))
        if order is None:
            return backend.search(query, self.optimise(candidates))
        matched = [page.pk for page in backend.search(query, candidates.only("pk"), order_by_relevance=False)]
        return self.optimise(self.model.objects.filter(pk__in=matched)).order_by(*self.ordering(order))

    # --- Views ---------------------------------------------------------------------------------

    def listing_view(self, request):
        self.params = parse_listing(request.GET, order_choices=self.order_choices(), region=self.region_filter)
        items = self.paginate_queryset(self.filter_listing(self.public_pages(), self.params))
        serializer = self.get_serializer(items, many=True)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk: int):
        reject_unknown(request.GET, set())
        if pk > MAX_ID:
            raise Http404("not found")
        self._cached_object = get_object_or_404(self.get_queryset(), pk=pk)
        return Response(self.get_serializer(self._cached_object).data)

    @classmethod
    def get_urlpatterns(cls):
        # No `find/` view: it redirects by path or id, and partners have the detail URL of every item.
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<int:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    # --- Serialisation -------------------------------------------------------------------------

    @classmethod
    def get_body_fields(cls, model):
        # Only what the viewset declares, never the model's `api_fields`: nothing is exposed by accident.
        return cls._convert_api_fields([*cls.body_fields, *(field.api_field() for field in cls.item_fields)])

    @classmethod
    def get_meta_fields(cls, model):
        return cls._convert_api_fields(cls.meta_fields)

    def get_serializer_class(self):
        model = self.model
        return get_serializer_class(
            model,
            self.get_body_fields_names(model) + self.get_meta_fields_names(model),
            meta_fields=self.get_meta_fields_names(model),
            field_serializer_overrides=self.get_field_serializer_overrides(model),
            base=PageSerializer,
        )

    def get_serializer_context(self):
        # Skips PagesAPIViewSet's `base_queryset`: only the `parent` field needs it, and building it
        # re-reads every view restriction.
        return {**BaseAPIViewSet.get_serializer_context(self), "lookups": Lookups()}

    # --- Responses -----------------------------------------------------------------------------

    def dispatch(self, request, *args, **kwargs):
        request.urlconf = API_URLCONF  # see cms.api.urlconf: keeps 404s as JSON 404s
        return super().dispatch(request, *args, **kwargs)

    def handle_exception(self, exc):
        response = super().handle_exception(exc)
        # DRF's own errors (429, 405) in Wagtail's shape, so every error reads {"message": "..."}.
        if isinstance(response.data, dict) and set(response.data) == {"detail"}:
            response.data = {"message": str(response.data["detail"])}
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        for header, value in CORS_HEADERS.items():
            response[header] = value
        return response


# --- Shared fields ------------------------------------------------------------------------------

TITLE = ItemField("title", f.string())
LANGUAGE = ItemField(
    "language",
    lambda model: {"type": "string", "enum": language_codes()},
    f.language,
    "Language code of the item; the same item in other languages shares its translation_key.",
)
TRANSLATION_KEY = ItemField(
    "translation_key", f.string(format="uuid"), description="Shared by all the languages of one item."
)
SUMMARY = ItemField("summary", f.string(), description="Plain text.")
THEMES = ItemField("themes", f.THEMES_SCHEMA, f.themes, "Themes, named in the item's language.")
COUNTRIES = ItemField("countries", f.CODES_SCHEMA, f.countries, "ISO 3166-1 alpha-2 codes.")
REGIONS = ItemField(
    "regions", f.CODES_SCHEMA, f.regions, "UN M49 region codes of the countries (002, 019, 142, 150, 009)."
)
RECOMMENDATIONS = ItemField(
    "recommendations",
    {"type": "array", "items": {"$ref": "#/components/schemas/Recommendation"}},
    f.recommendations,
    "The numbered recommendations, in order.",
)
RECOMMENDATION_THEMES = ItemField(
    "themes", f.THEMES_SCHEMA, f.recommendation_themes, "Themes of the recommendations, named in the item's language."
)
CONTRIBUTORS = ItemField(
    "contributors",
    {"type": "array", "items": {"$ref": "#/components/schemas/Contributor"}},
    f.contributors,
    "Editors and authors in the order of the byline.",
)


class RecommendationThemesMixin:
    """Reports and briefs have no themes of their own: they are filed by their recommendations' themes."""

    theme_description = "Only items with at least one recommendation filed under this theme (its slug)."
    streamfields = ("recommendations",)

    def filter_theme(self, queryset: QuerySet, slug: str) -> QuerySet:
        theme_ids = set(Theme.objects.filter(slug=slug).values_list("pk", flat=True))
        # Recommendations are stored as JSON; reports and briefs are few, so they are read here.
        candidates = self.model.objects.filter(pk__in=queryset.values("pk")).only("pk", "recommendations")
        matching = [page.pk for page in candidates if theme_ids.intersection(f.recommendation_theme_ids(page))]
        return queryset.filter(pk__in=matching)


# --- Endpoints ----------------------------------------------------------------------------------


class NewsAPIViewSet(PartnerPagesAPIViewSet):
    model_label = "news.NewsPage"
    endpoint_name = "news"
    summary = "News items, stories, experiment reports, feedback and opinions"
    date_lookup = "date"
    date_description = "the item's date (`date`)"
    order_fields = {"date": "date", "title": "title"}
    default_order = "-date"
    region_filter = True
    prefetch = ("themes", "countries", "authors")
    item_fields = [
        TITLE,
        LANGUAGE,
        TRANSLATION_KEY,
        SUMMARY,
        ItemField("date", f.string(format="date")),
        ItemField("kind", f.choices("kind")),
        THEMES,
        COUNTRIES,
        REGIONS,
        ItemField("authors", {"type": "array", "items": {"type": "string"}}, f.news_authors),
        ItemField("licence", f.choices("licence"), description="Whether and how the item may be republished."),
        ItemField(
            "licence_url",
            f.nullable(f.string(format="uri")),
            f.licence_url,
            "The licence's text; null when all rights are reserved.",
        ),
    ]


class PracticesAPIViewSet(PartnerPagesAPIViewSet):
    model_label = "practices.PracticePage"
    endpoint_name = "practices"
    summary = "Inspiring practices that passed expert review"
    date_lookup = "first_published_at__date"
    date_description = "the day the practice was first published (`date`, UTC)"
    order_fields = {"date": "first_published_at", "title": "title"}
    default_order = "-date"
    region_filter = True
    prefetch = ("themes", "countries", "sdgs", "keywords")
    streamfields = ("organisations",)
    item_fields = [
        TITLE,
        LANGUAGE,
        TRANSLATION_KEY,
        SUMMARY,
        ItemField(
            "date",
            f.nullable(f.string(format="date")),
            f.first_published_date,
            "Day of first publication (UTC).",
        ),
        THEMES,
        COUNTRIES,
        REGIONS,
        ItemField("scale", f.choices("scale")),
        ItemField("status", f.choices("status")),
        ItemField("actor_type", f.choices("actor_type")),
        ItemField("start_year", f.nullable({"type": "integer"})),
        ItemField("website", f.nullable(f.string(format="uri")), f.or_null("website")),
        ItemField(
            "organisations",
            {"type": "array", "items": {"$ref": "#/components/schemas/Organisation"}},
            f.organisations,
        ),
        ItemField(
            "sdgs",
            {"type": "array", "items": {"type": "integer", "minimum": 1, "maximum": 17}},
            f.sdgs,
            "Numbers of the UN Sustainable Development Goals it contributes to.",
        ),
        ItemField("keywords", f.KEYWORDS_SCHEMA, f.keywords, "Keywords, named in the item's language."),
    ]

    def public_pages(self) -> QuerySet:
        # A practice is public only once an expert approved it, in whichever language.
        return super().public_pages().filter(approved_review_exists())


class ReportsAPIViewSet(RecommendationThemesMixin, PartnerPagesAPIViewSet):
    model_label = "reports.ReportPage"
    endpoint_name = "reports"
    summary = "Reports of the Panel"
    date_lookup = "edition_year"
    date_description = "the edition year (`edition_year`): since/until match by their year"
    order_fields = {"edition_year": "edition_year", "title": "title"}
    default_order = "-edition_year"
    prefetch = ("contributors__person",)
    item_fields = [
        TITLE,
        LANGUAGE,
        TRANSLATION_KEY,
        ItemField("subtitle", f.string()),
        ItemField("summary", f.string(), f.plain_text("abstract"), "The abstract as plain text."),
        ItemField("edition_year", {"type": "integer"}),
        RECOMMENDATION_THEMES,
        CONTRIBUTORS,
        RECOMMENDATIONS,
        ItemField("publisher", f.string()),
        ItemField("isbn", f.nullable(f.string()), f.or_null("isbn")),
        ItemField("doi", f.nullable(f.string()), f.or_null("doi")),
        ItemField("licence", f.choices("licence")),
    ]

    def filter_dates(self, queryset: QuerySet, since: datetime.date | None, until: datetime.date | None) -> QuerySet:
        if since:
            queryset = queryset.filter(edition_year__gte=since.year)
        if until:
            queryset = queryset.filter(edition_year__lte=until.year)
        return queryset


class BriefsAPIViewSet(RecommendationThemesMixin, PartnerPagesAPIViewSet):
    model_label = "reports.PolicyBriefPage"
    endpoint_name = "briefs"
    summary = "Policy briefs: the Panel's work for decision makers"
    date_lookup = "publication_date"
    date_description = "the publication date (`date`)"
    order_fields = {"date": "publication_date", "title": "title"}
    default_order = "-date"
    prefetch = ("contributors__person",)
    item_fields = [
        TITLE,
        LANGUAGE,
        TRANSLATION_KEY,
        SUMMARY,
        ItemField("date", f.string(format="date"), lambda page, lookups: page.publication_date.isoformat()),
        RECOMMENDATION_THEMES,
        CONTRIBUTORS,
        RECOMMENDATIONS,
    ]


def _iso(field_name: str):
    def value(page, lookups) -> str | None:
        day = getattr(page, field_name)
        return day.isoformat() if day else None

    return value


class EventsAPIMixin:
    """Events are dated by their first day and are not filed under themes (any theme: no item)."""

    date_lookup = "start_date"
    date_description = "the first day of the event (`start_date`)"
    order_fields: ClassVar[dict[str, str]] = {"date": "start_date", "title": "title"}
    default_order = "-date"
    theme_description = "Events are not filed under themes: any theme gives an empty list."

    def filter_theme(self, queryset: QuerySet, slug: str) -> QuerySet:
        return queryset.none()


START_DATE = ItemField("start_date", f.string(format="date"), _iso("start_date"))
END_DATE = ItemField("end_date", f.nullable(f.string(format="date")), _iso("end_date"))


class ForumEditionsAPIViewSet(EventsAPIMixin, PartnerPagesAPIViewSet):
    model_label = "events.ForumEditionPage"
    endpoint_name = "forum-editions"
    summary = "Editions of the World Social Progress Forum"
    item_fields = [
        TITLE,
        LANGUAGE,
        TRANSLATION_KEY,
        ItemField("theme", f.string(), description="The theme of the year."),
        START_DATE,
        END_DATE,
        ItemField("host_city", f.string()),
        ItemField("country", f.string(), lambda page, lookups: page.country_id, "ISO 3166-1 alpha-2 code."),
        ItemField("continent", f.choices("continent")),
        ItemField("time_zone", f.string(), description="The venue's IANA time zone; programme times are local."),
    ]


class AwardEditionsAPIViewSet(EventsAPIMixin, PartnerPagesAPIViewSet):
    model_label = "events.AwardEditionPage"
    endpoint_name = "award-editions"
    summary = "Editions of the World Social Progress Awards (start_date is the ceremony)"
    item_fields = [
        TITLE,
        LANGUAGE,
        TRANSLATION_KEY,
        START_DATE,
        ItemField("nominations_open", f.string(format="date"), _iso("nominations_open")),
        ItemField("nominations_close", f.string(format="date"), _iso("nominations_close")),
    ]


class SocialProgressDaysAPIViewSet(EventsAPIMixin, PartnerPagesAPIViewSet):
    model_label = "events.SocialProgressDayPage"
    endpoint_name = "social-progress-days"
    summary = "World Social Progress Days and their declarations (never before the embargo lifts)"
    item_fields = [
        TITLE,
        LANGUAGE,
        TRANSLATION_KEY,
        START_DATE,
        ItemField("theme", f.string()),
        ItemField("declaration_title", f.string()),
        ItemField("declaration", f.string(), f.plain_text("declaration"), "The declaration as plain text."),
    ]


# Registered on the router, in this order, and documented in the OpenAPI description.
ENDPOINTS: list[type[PartnerPagesAPIViewSet]] = [
    NewsAPIViewSet,
    PracticesAPIViewSet,
    ReportsAPIViewSet,
    BriefsAPIViewSet,
    ForumEditionsAPIViewSet,
    AwardEditionsAPIViewSet,
    SocialProgressDaysAPIViewSet,
]


def not_found(request, *args, **kwargs):
    """Anything else under /api/: a JSON 404 rather than the site's HTML page."""
    request.urlconf = API_URLCONF
    response = JsonResponse({"message": "not found: no such endpoint or item"}, status=404)
    for header, value in CORS_HEADERS.items():
        response[header] = value
    return response
