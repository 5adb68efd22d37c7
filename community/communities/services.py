"""What can happen in a community of practice: proposed, approved, joined, admitted, left, run.

Every rule about who may do what is here, checked on each action whatever its origin (public
page, admin, command): coordinators act within their own community only (`can_coordinate`), and
site moderators (the `community.moderate_comment` permission) may step in everywhere.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms import geography
from cms.links import page_url
from cms.notifications import notify
from community.comments import services as comments
from community.models import (
    Comment,
    Community,
    CommunityIndexPage,
    CommunityPage,
    CommunityState,
    MemberRole,
    Membership,
    MembershipMode,
    MembershipStatus,
    ModerationMode,
    Sector,
)

# A member's public role says which sector they count in; they can say otherwise when joining.
SECTOR_OF_ROLE = {
    MemberRole.RESEARCHER: Sector.RESEARCH,
    MemberRole.POLICYMAKER: Sector.POLICY,
    MemberRole.ACTIVIST: Sector.CIVIL_SOCIETY,
    MemberRole.JOURNALIST: Sector.CIVIL_SOCIETY,
    MemberRole.FUNDER: Sector.CIVIL_SOCIETY,
    MemberRole.BUSINESS: Sector.BUSINESS,
    MemberRole.PRACTITIONER: Sector.COMMUNITY,
}
COORDINATE_PERMISSION = "community.moderate_comment"


class MembershipRefused(Exception):
    """An action the rules do not allow; the message can be shown to the participant."""


def membership_of(user, community: Community) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(community=community, user=user).first()


def is_member(user, community: Community) -> bool:
    membership = membership_of(user, community)
    return membership is not None and membership.status == MembershipStatus.ACTIVE


def can_coordinate(user, community: Community) -> bool:
    """Coordinators of this community (and site moderators) run it; nobody else, whatever else they coordinate."""
    if not user.is_authenticated:
        return False
    if user.has_perm(COORDINATE_PERMISSION):
        return True
    return Membership.objects.filter(
        community=community, user=user, is_coordinator=True, status=MembershipStatus.ACTIVE
    ).exists()


def require_coordinator(user, community: Community) -> None:
    if not can_coordinate(user, community):
        raise PermissionDenied


def sector_of(user) -> str:
    profile = getattr(user, "member_profile", None)
    return SECTOR_OF_ROLE.get(profile.role, "") if profile is not None else ""


def region_of(user) -> str:
    return comments.author_region(user)


def join(community: Community, user, *, sector: str | None = None) -> Membership:
    """Join an open community at once, or ask to join a moderated one (coordinators are told).

    `sector` is the one the member chose ("" for not stated); None takes it from their profile's role."""
    if community.state != CommunityState.APPROVED:
        raise MembershipRefused(_("This community is not open yet."))
    active = community.membership == MembershipMode.OPEN
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                community=community,
                user=user,
                status=MembershipStatus.ACTIVE if active else MembershipStatus.PENDING,
                region=region_of(user),
                sector=sector_of(user) if sector is None else sector,
                admitted_at=timezone.now() if active else None,
            )
    except IntegrityError:
        raise MembershipRefused(_("You are already a member or have already asked to join.")) from None
    if not active:
        _tell_coordinators_of_request(community, membership)
    return membership


def leave(community: Community, user) -> bool:
    deleted, _counts = Membership.objects.filter(community=community, user=user).delete()
    return bool(deleted)


def _membership(community: Community, membership_id: int) -> Membership:
    membership = Membership.objects.filter(community=community, pk=membership_id).select_related("user").first()
    if membership is None:
        raise MembershipRefused(_("This person is not a member of this community."))
    return membership


def admit(community: Community, *, by, membership_id: int) -> Membership:
    require_coordinator(by, community)
    membership = _membership(community, membership_id)
    if membership.status != MembershipStatus.PENDING:
        raise MembershipRefused(_("This person is already a member."))
    membership.status, membership.admitted_at = MembershipStatus.ACTIVE, timezone.now()
    membership.save(update_fields=["status", "admitted_at"])
    _tell_member(community, membership.user, "admitted")
    return membership


def remove(community: Community, *, by, membership_id: int) -> None:
    """Remove a member or decline a request; the last coordinator cannot be removed."""
    require_coordinator(by, community)
    membership = _membership(community, membership_id)
    if (
        membership.is_coordinator
        and not community.memberships.filter(is_coordinator=True).exclude(pk=membership.pk).exists()
    ):
        raise MembershipRefused(_("A community keeps at least one coordinator."))
    was_pending = membership.status == MembershipStatus.PENDING
    membership.delete()
    _tell_member(community, membership.user, "declined" if was_pending else "removed")


def make_coordinator(community: Community, *, by, membership_id: int, coordinator: bool = True) -> Membership:
    require_coordinator(by, community)
    membership = _membership(community, membership_id)
    if membership.status != MembershipStatus.ACTIVE:
        raise MembershipRefused(_("Admit this person before making them a coordinator."))
    membership.is_coordinator = coordinator
    membership.save(update_fields=["is_coordinator"])
    return membership


def set_rules(community: Community, *, by, membership: str, moderation: str) -> Community:
    require_coordinator(by, community)
    if membership not in MembershipMode.values or moderation not in ModerationMode.values:
        raise ValueError("Unknown membership or moderation mode.")
    community.membership, community.moderation = membership, moderation
    community.save(update_fields=["membership", "moderation"])
    return community


def moderate(community: Community, *, by, comment_id: int, action: str, reason: str = "") -> Comment:
    """A coordinator moderates a comment of their community's discussion, never of another's."""
    require_coordinator(by, community)
    comment = Comment.objects.filter(community=community, pk=comment_id).select_related("author", "parent").first()
    if comment is None:
        raise PermissionDenied
    return comments.moderate(comment=comment, moderator=by, action=action, reason=reason)


# --- Proposing and approving


def propose(*, proposer, name: str, description: str, language: str, theme_slug: str, region: str, membership: str):
    community = Community.objects.create(
        name=name,
        description=description,
        language=language,
        theme_slug=theme_slug,
        region=region,
        membership=membership,
        proposer=proposer,
        state=CommunityState.PROPOSED,
    )
    editors = _editor_addresses()
    notify("community/email/communities/proposed", editors, {"name": name}, language=settings.LANGUAGE_CODE)
    return community


def _editor_addresses() -> list[str]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    permission = Permission.objects.filter(codename="approve_community", content_type__app_label="community").first()
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    condition = Q(is_superuser=True)
    if permission is not None:
        condition |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    return list(users.filter(condition).values_list("email", flat=True).distinct())


@transaction.atomic
def approve(community: Community, *, by) -> CommunityPage:
    """An editor approves a proposal: a draft page under the communities page of the proposal's
    language (else English), and the proposer becomes its first coordinator."""
    if not by.has_perm("community.approve_community"):
        raise PermissionDenied
    if community.state != CommunityState.PROPOSED:
        raise MembershipRefused(_("This proposal has already been decided."))
    index = index_page_for(community.language) or index_page_for(settings.LANGUAGE_CODE)
    if index is None:
        raise MembershipRefused(_("There is no communities page to add the community to."))
    page = CommunityPage(
        title=community.name,
        community=community,
        introduction=community.description[:400],
        live=False,
        locale=index.locale,
    )
    index.add_child(instance=page)
    page.save_revision(user=by, log_action=True)
    community.state, community.decided_by, community.decided_at = CommunityState.APPROVED, by, timezone.now()
    community.save(update_fields=["state", "decided_by", "decided_at"])
    if community.proposer_id is not None:
        Membership.objects.update_or_create(
            community=community,
            user=community.proposer,
            defaults={
                "status": MembershipStatus.ACTIVE,
                "is_coordinator": True,
                "region": region_of(community.proposer),
                "sector": sector_of(community.proposer),
                "admitted_at": timezone.now(),
            },
        )
    return page


def decline(community: Community, *, by) -> None:
    if not by.has_perm("community.approve_community"):
        raise PermissionDenied
    community.state, community.decided_by, community.decided_at = CommunityState.DECLINED, by, timezone.now()
    community.save(update_fields=["state", "decided_by", "decided_at"])


# --- Pages and figures


def index_page_for(language: str) -> CommunityIndexPage | None:
    return CommunityIndexPage.objects.filter(locale__language_code=language).first()


# The world regions and sectors a membership may record (copied from the member's profile when
# joining; blank when not stated): `with_composition` counts the members of each.
COMPOSITION_REGIONS = [*geography.REGIONS, ""]
COMPOSITION_SECTORS = [*Sector.values, ""]


def _active_members(**condition) -> Count:
    condition = {f"memberships__{name}": value for name, value in condition.items()}
    return Count("memberships", filter=Q(memberships__status=MembershipStatus.ACTIVE, **condition))


def with_composition(communities: QuerySet) -> QuerySet:
    """`communities` with their active members counted, by world region and by sector, in the same
    query (`composition` reads the counts)."""
    return communities.annotate(
        members_total=_active_members(),
        **{f"members_region_{number}": _active_members(region=code) for number, code in enumerate(COMPOSITION_REGIONS)},
        **{
            f"members_sector_{number}": _active_members(sector=value)
            for number, value in enumerate(COMPOSITION_SECTORS)
        },
    )


def composition(community: Community, language: str) -> dict:
    """Active members counted by world region and by sector, names in `language`: read with the
    community (`with_composition`), else one query, whatever the number of members. Members who did
    not say are counted as "not stated"."""
    if not hasattr(community, "members_total"):
        community = with_composition(Community.objects.filter(pk=community.pk)).get()
    by_region = {
        code: getattr(community, f"members_region_{number}") for number, code in enumerate(COMPOSITION_REGIONS)
    }
    by_sector = {
        value: getattr(community, f"members_sector_{number}") for number, value in enumerate(COMPOSITION_SECTORS)
    }
    not_stated = str(_("Not stated"))
    regions = sorted(
        (
            (geography.region_name(code, language) if code else not_stated, count)
            for code, count in by_region.items()
            if count
        ),
        key=lambda row: (-row[1], row[0]),
    )
    sectors = [(label, by_sector[value]) for value, label in Sector.choices if by_sector.get(value)]
    if by_sector.get(""):
        sectors.append((not_stated, by_sector[""]))
    total = community.members_total
    return {"regions": regions, "sectors": [(str(label), count) for label, count in sectors], "total": total}


def locale_of(language: str) -> Locale | None:
    return Locale.objects.filter(language_code=language).first()


# --- Telling people


def language_of(user) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return user.preferred_language if user.preferred_language in codes else settings.LANGUAGE_CODE


def _tell(template: str, community: Community, user, extra: dict | None = None) -> None:
    if not user.is_active or not user.email:
        return
    language = language_of(user)
    page = community.page_in(language)
    with translation.override(language):
        context = {
            "name": page.title if page is not None else community.name,
            "url": page_url(page) if page is not None else "",
            **(extra or {}),
        }
    notify(template, [user.email], context, language=language)


def _tell_coordinators_of_request(community: Community, membership: Membership) -> None:
    coordinators = Membership.objects.filter(
        community=community, is_coordinator=True, status=MembershipStatus.ACTIVE
    ).select_related("user")
    for coordinator in coordinators:
        page = community.page_in(language_of(coordinator.user))
        coordinate_url = page_url(page) + page.reverse_subpage("coordinate").lstrip("/") if page else ""
        _tell("community/email/communities/request", community, coordinator.user, {"coordinate_url": coordinate_url})


def _tell_member(community: Community, user, decision: str) -> None:
    _tell("community/email/communities/decision", community, user, {"decision": decision})
