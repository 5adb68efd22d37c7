"""Reading proposals for the public pages: ranking, filters, and where the support comes from.

Everything here costs a fixed number of queries whatever the number of proposals: the page of
proposals (with proposers and themes fetched alongside), one grouped count of supports by region
for that page, the themes of the page's language, and two grouped counts for the overall figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms import geography
from cms.models import Theme
from community.models import ProfileStatus, ProposalState, TopicProposal, TopicSupport
from community.models.topics import ProposalKind

PER_PAGE = 20
NO_REGION = ""

SORTS: dict[str, tuple[str, list]] = {
    "supported": (_("Most supported"), ["-support_count", "-created_at", "-pk"]),
    "newest": (_("Newest"), ["-created_at", "-pk"]),
    "changed": (
        _("Recently changed"),
        [Coalesce("state_changed_at", "created_at").desc(), "-created_at", "-pk"],
    ),
}
DEFAULT_SORT = "supported"


@dataclass(frozen=True)
class RegionCount:
    code: str
    name: str
    count: int
    percent: int  # share of the total, for the width of the bar


def region_label(code: str, language: str) -> str:
    if code == NO_REGION:
        return str(_("Region not given"))
    return geography.region_name(code, language)


def region_counts(counts: dict[str, int], language: str) -> list[RegionCount]:
    """Counts per M49 region in the standard order of the regions, "not given" last; empty ones left out."""
    total = sum(counts.values())
    codes = [code for code in [*geography.REGIONS, NO_REGION] if counts.get(code)]
    codes += sorted(code for code in counts if code not in codes and counts[code])  # unknown codes, if any
    return [
        RegionCount(code, region_label(code, language), counts[code], round(100 * counts[code] / total))
        for code in codes
    ]


def language_label(code: str) -> str:
    """The language's name in the reader's language (Django's catalogue)."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def text_direction(code: str) -> str:
    return "rtl" if code in settings.RTL_LANGUAGES else "ltr"


def proposals_queryset() -> QuerySet[TopicProposal]:
    return TopicProposal.objects.select_related("proposer__member_profile").prefetch_related(
        Prefetch("themes", queryset=Theme.objects.only("id", "slug", "name"))
    )


def decorate(
    proposals: list[TopicProposal], locale: Locale, theme_names: dict[str, str] | None = None
) -> list[TopicProposal]:
    """Attach what the templates show: supports by region, theme names and labels in the page's language.

    `theme_names` (slug → name in the page's language) is read from the database when not given.
    """
    language = locale.language_code
    counts: dict[int, dict[str, int]] = {proposal.pk: {} for proposal in proposals}
    rows = (
        TopicSupport.objects.filter(proposal__in=[proposal.pk for proposal in proposals])
        .values_list("proposal_id", "region")
        .annotate(count=Count("id"))
        .order_by()
    )
    for proposal_id, region, count in rows:
        counts[proposal_id][region or NO_REGION] = counts[proposal_id].get(region or NO_REGION, 0) + count
    if theme_names is None:
        theme_names = dict(Theme.objects.filter(locale=locale).values_list("slug", "name"))
    for proposal in proposals:
        proposal.support_regions = region_counts(counts[proposal.pk], language)
        proposal.theme_names = sorted(theme_names.get(theme.slug, theme.name) for theme in proposal.themes.all())
        proposal.language_label = language_label(proposal.language)
        proposal.direction = text_direction(proposal.language)
        # Written in another language than the page: marked like the other listings' fallbacks.
        proposal.original = None if proposal.language == language else {"name": proposal.language_label}
        proposal.proposer_region_label = region_label(proposal.proposer_region, language)
        proposal.proposer_name = proposer_name(proposal)
    return proposals


def proposer_name(proposal: TopicProposal) -> str:
    """The proposer's public profile name; never a private account name."""
    user = proposal.proposer
    if user is None:
        return str(_("former member"))
    profile = getattr(user, "member_profile", None)
    if profile is not None and profile.status == ProfileStatus.APPROVED and user.is_active:
        return profile.name
    return str(_("a participant"))


class ProposalListing:
    """The index page's listing, read from the query string: `sort`, `state`, `kind`, `theme`, `region`, `language`.

    Declined proposals stay public with their reason, under the "Declined" state filter; the
    default listing shows every other state.
    """

    FILTERS = ("state", "kind", "theme", "region", "language")

    def __init__(self, params: QueryDict, locale: Locale) -> None:
        self.locale = locale
        self.language = locale.language_code
        self.themes = list(Theme.objects.filter(locale=locale).order_by("name").values_list("slug", "name"))
        options = self.options()
        self.selected = {
            name: value
            for name in self.FILTERS
            if (value := params.get(name, "")) and value in {code for code, _label in options[name]}
        }
        sort = params.get("sort", DEFAULT_SORT)
        self.sort = sort if sort in SORTS else DEFAULT_SORT
        self.page_number = params.get("page")

    def options(self) -> dict[str, list[tuple[str, str]]]:
        return {
            "state": list(ProposalState.choices),
            "kind": list(ProposalKind.choices),
            "theme": self.themes,
            "region": [(code, geography.region_name(code, self.language)) for code in geography.REGIONS],
            "language": [(code, language_label(code)) for code, _name in settings.LANGUAGES],
        }

    @property
    def sort_options(self) -> list[tuple[str, str]]:
        return [(key, label) for key, (label, _ordering) in SORTS.items()]

    def queryset(self) -> QuerySet[TopicProposal]:
        queryset = proposals_queryset()
        state = self.selected.get("state")
        queryset = queryset.filter(state=state) if state else queryset.exclude(state=ProposalState.DECLINED)
        if kind := self.selected.get("kind"):
            queryset = queryset.filter(kind=kind)
        if theme := self.selected.get("theme"):
            # Themes are per language; their slug is the same in all of them.
            queryset = queryset.filter(
                pk__in=TopicProposal.themes.through.objects.filter(theme__slug=theme).values("topicproposal_id")
            )
        if region := self.selected.get("region"):
            queryset = queryset.filter(proposer_region=region)
        if language := self.selected.get("language"):
            queryset = queryset.filter(language=language)
        return queryset.order_by(*SORTS[self.sort][1])

    def page(self) -> Page:
        page = Paginator(self.queryset(), PER_PAGE).get_page(self.page_number)
        page.object_list = decorate(list(page.object_list), self.locale, theme_names=dict(self.themes))
        return page

    def querystring(self, **changes: str) -> str:
        """The current filters and sort, with `changes` applied (an empty value removes a parameter)."""
        params = {**self.selected, "sort": self.sort, **changes}
        if params.get("sort") == DEFAULT_SORT:
            del params["sort"]
        return urlencode({name: value for name, value in params.items() if value})

    def overall(self) -> dict:
        """Figures on all proposals, whatever the filters: proposals and supports per region, proposals per state."""
        states = dict(TopicProposal.objects.values_list("state").annotate(count=Count("id")).order_by())
        proposals = dict(TopicProposal.objects.values_list("proposer_region").annotate(count=Count("id")).order_by())
        supports = dict(TopicSupport.objects.values_list("region").annotate(count=Count("id")).order_by())
        codes = [code for code in [*geography.REGIONS, NO_REGION] if proposals.get(code) or supports.get(code)]
        return {
            "proposals": sum(proposals.values()),
            "supports": sum(supports.values()),
            "declined": states.get(ProposalState.DECLINED, 0),
            "supports_by_region": region_counts(supports, self.language),
            "rows": [
                {
                    "name": region_label(code, self.language),
                    "proposals": proposals.get(code, 0),
                    "supports": supports.get(code, 0),
                }
                for code in codes
            ],
        }
