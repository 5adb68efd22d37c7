"""Querying and presenting public profiles in lists (directory, theme pages, practice pages).

Every list costs a constant number of queries whatever its length: one for the rows, one per
prefetched relation (themes, recognition, languages), and names (countries, regions, languages)
come from CLDR without touching the database.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.urls import reverse

from cms import geography
from cms.models import Theme
from community.members.languages import language_name
from community.models import MemberLanguage, MemberProfile, MemberRole

ROLE_LABELS = dict(MemberRole.choices)
# What a card shows; the rest of the row (bio, links, moderation fields) stays in the database.
CARD_FIELDS = ("id", "name", "photo", "role", "organisation", "country_id", "region", "user_id")


def _slugs_only() -> QuerySet:
    return Theme.objects.only("id", "slug")


def with_card_relations(profiles: QuerySet) -> QuerySet:
    return profiles.prefetch_related(
        Prefetch("themes", queryset=_slugs_only()),
        Prefetch("recognized_themes", queryset=_slugs_only()),
        Prefetch("languages", queryset=MemberLanguage.objects.only("id", "profile_id", "code")),
    )


def public_cards() -> QuerySet:
    return with_card_relations(MemberProfile.objects.public().only(*CARD_FIELDS))


def filter_profiles(profiles: QuerySet, filters: dict[str, str]) -> QuerySet:
    """Directory filters; themes and languages as EXISTS subqueries, so no row appears twice."""
    if theme := filters.get("theme"):
        through = MemberProfile.themes.through
        profiles = profiles.filter(Exists(through.objects.filter(memberprofile_id=OuterRef("pk"), theme__slug=theme)))
    if language := filters.get("language"):
        profiles = profiles.filter(Exists(MemberLanguage.objects.filter(profile_id=OuterRef("pk"), code=language)))
    if region := filters.get("region"):
        profiles = profiles.filter(region=region)
    if country := filters.get("country"):
        profiles = profiles.filter(country_id=country)
    if role := filters.get("role"):
        profiles = profiles.filter(role=role)
    return profiles


def recognized_on(slugs) -> QuerySet:
    """Public profiles an editor recognized as a voice on any of these themes (a full card each)."""
    return with_card_relations(_recognized_on(slugs))


def recognized_voices_brief(slugs: list[str]) -> QuerySet:
    """The same, for short lists beside other content: instead of their themes (a second query),
    `recognized_on_0`, `recognized_on_1`… say in the same query whether each is recognized on the
    first, second… of `slugs` (`describe_brief` reads them)."""
    through = MemberProfile.recognized_themes.through
    flags = {
        f"recognized_on_{number}": Exists(through.objects.filter(memberprofile_id=OuterRef("pk"), theme__slug=slug))
        for number, slug in enumerate(slugs)
    }
    return _recognized_on(slugs).annotate(**flags)


def _recognized_on(slugs) -> QuerySet:
    through = MemberProfile.recognized_themes.through
    is_recognized = Exists(through.objects.filter(memberprofile_id=OuterRef("pk"), theme__slug__in=slugs))
    return MemberProfile.objects.public().only(*CARD_FIELDS).filter(is_recognized)


def initials(name: str) -> str:
    parts = [part for part in name.split() if part]
    return "".join(part[0] for part in parts[:2]).upper() or "?"


def describe(profiles, language: str, theme_names: dict[str, str]) -> list[MemberProfile]:
    """Attach display values in `language` to each profile (from prefetched relations only)."""
    profiles = list(profiles)
    for profile in profiles:
        _describe_basics(profile, language, theme_names)
        profile.theme_items = [(t.slug, theme_names.get(t.slug, t.slug)) for t in profile.themes.all()]
        profile.language_labels = [language_name(row.code, language) for row in profile.languages.all()]
    return profiles


def describe_brief(profiles, language: str, theme_names: dict[str, str]) -> list[MemberProfile]:
    """For `recognized_voices_brief(list(theme_names))`: the themes shown are those of `theme_names`
    the member is recognized on."""
    profiles = list(profiles)
    for profile in profiles:
        _describe_card(profile, language)
        profile.recognized_items = profile.theme_items = [
            (slug, name)
            for number, (slug, name) in enumerate(theme_names.items())
            if getattr(profile, f"recognized_on_{number}", False)
        ]
        profile.language_labels = []
    return profiles


def _describe_basics(profile: MemberProfile, language: str, theme_names: dict[str, str]) -> None:
    _describe_card(profile, language)
    profile.recognized_items = [(t.slug, theme_names.get(t.slug, t.slug)) for t in profile.recognized_themes.all()]


def _describe_card(profile: MemberProfile, language: str) -> None:
    """What every card shows besides the row itself. The role's label is looked up once, not through
    `get_role_display` (which translates every role to compare them: a third of a card's time)."""
    profile.url = reverse("community:member", args=[profile.pk])
    profile.role_label = str(ROLE_LABELS.get(profile.role, profile.role))
    profile.country_label = geography.country_name(profile.country_id, language) if profile.country_id else ""
    profile.region_label = geography.region_name(profile.region, language) if profile.region else ""
    profile.initials = initials(profile.name)
