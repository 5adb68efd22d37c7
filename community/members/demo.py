"""Demo members (called by community.demo): about forty people from every world region, most of them
public, three awaiting moderation, recognized voices on a few themes, links to the practices they
work on, and a handful of engagements; plus the "participant" account testers log in with.

Accounts are created in bulk with one password hash (`SeedContext.password`), so seeding takes a
fraction of a second; an account that already exists is left alone (idempotent).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cms import geography
from cms.demo import SeedContext, load
from cms.models import Country, Theme
from community.models import Engagement, MemberLanguage, MemberProfile, ProfileStatus


@dataclass(frozen=True)
class DemoMember:
    username: str
    name: str
    role: str
    organisation: str
    country: str
    languages: tuple[str, ...]
    themes: tuple[str, ...]
    bio: str
    status: str = "approved"
    recognized: tuple[str, ...] = ()
    practices: tuple[str, ...] = ()
    links: tuple[str, ...] = field(default=())
    preferred_language: str = "en"


content = load(__file__)
MEMBERS = tuple(
    DemoMember(**{key: tuple(value) if isinstance(value, list) else value for key, value in member.items()})
    for member in content["members"]
)


def _family_split(name: str) -> tuple[str, str]:
    first, _sep, last = name.partition(" ")
    return first, last


@transaction.atomic
def seed(context: SeedContext) -> None:
    User = get_user_model()
    existing = set(User.objects.filter(username__in=[m.username for m in MEMBERS]).values_list("username", flat=True))
    new = [member for member in MEMBERS if member.username not in existing]
    if new:
        _create_members(new, context)
        context.created += len(new)
        context.log(f"  {len(new)} demo member(s) created")
    _seed_engagements(context)


def _create_members(members: list[DemoMember], context: SeedContext) -> None:
    User = get_user_model()
    now = timezone.now()
    users = User.objects.bulk_create(
        [
            User(
                username=member.username,
                email=f"{member.username}@demo.ipsp.org",
                first_name=_family_split(member.name)[0],
                last_name=_family_split(member.name)[1],
                password=context.password(),
                region=geography.region_of(member.country) or "",
                preferred_language=member.preferred_language,
                is_active=True,
            )
            for member in members
        ]
    )
    countries = set(Country.objects.filter(code__in={m.country for m in members}).values_list("code", flat=True))
    # bulk_create skips save(), so the region (normally copied from the country on save) is set here.
    profiles = MemberProfile.objects.bulk_create(
        [
            MemberProfile(
                user=user,
                name=member.name,
                role=member.role,
                organisation=member.organisation,
                country_id=member.country if member.country in countries else None,
                region=(geography.region_of(member.country) or "") if member.country in countries else "",
                bio=member.bio,
                links=list(member.links),
                status=member.status,
                moderated_at=now - timedelta(days=number) if member.status == ProfileStatus.APPROVED else None,
            )
            for number, (user, member) in enumerate(zip(users, members, strict=True))
        ]
    )
    pairs = list(zip(profiles, members, strict=True))
    themes = dict(Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE).values_list("slug", "id"))
    practice_model = MemberProfile._meta.get_field("practices").related_model
    practices = dict(
        practice_model.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, slug__in={slug for m in members for slug in m.practices}
        ).values_list("slug", "id")
    )
    _link(MemberProfile.themes.through, "theme_id", pairs, lambda m: m.themes, themes)
    _link(MemberProfile.recognized_themes.through, "theme_id", pairs, lambda m: m.recognized, themes)
    _link(MemberProfile.practices.through, "practicepage_id", pairs, lambda m: m.practices, practices)
    MemberLanguage.objects.bulk_create(
        [MemberLanguage(profile=profile, code=code) for profile, member in pairs for code in member.languages]
    )
    # bulk_create sends no post_save, so the search index (site search finds members) is fed here.
    context.index(MemberProfile, [profile.pk for profile in profiles])


def _link(through, target_field: str, pairs, keys_of, ids: dict[str, int]) -> None:
    through.objects.bulk_create(
        [
            through(memberprofile_id=profile.pk, **{target_field: ids[key]})
            for profile, member in pairs
            for key in keys_of(member)
            if key in ids
        ]
    )


def _seed_engagements(context: SeedContext) -> None:
    practice_model = MemberProfile._meta.get_field("practices").related_model
    practices = {
        page.slug: page
        for page in practice_model.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, slug__in={slug for _u, slug, _k, _m in content["engagements"]}
        ).only("id", "slug", "translation_key")
    }
    users = dict(
        get_user_model()
        .objects.filter(username__in={u for u, _s, _k, _m in content["engagements"]})
        .values_list("username", "id")
    )
    done = set(Engagement.objects.filter(user_id__in=users.values()).values_list("user_id", "practice_key", "kind"))
    rows = []
    for username, slug, kind, message in content["engagements"]:
        practice, user_id = practices.get(slug), users.get(username)
        if practice and user_id and (user_id, practice.translation_key, kind) not in done:
            rows.append(
                Engagement(
                    practice=practice,
                    practice_key=practice.translation_key,
                    user_id=user_id,
                    kind=kind,
                    message=message,
                )
            )
    Engagement.objects.bulk_create(rows)
    context.created += len(rows)
