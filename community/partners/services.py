"""What can happen between members and partner organisations: declared, confirmed, declined, edited.

Every rule about who may do what is here, checked on each action whatever its origin: a partner's
administrators (confirmed affiliates the organisation made administrators) act on their own
organisation only (`can_administer`); site editors with `community.change_partner` may step in.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms import geography
from cms.links import page_url
from cms.notifications import notify
from community.communities.services import language_of
from community.models import Affiliation, AffiliationStatus, Partner, PartnerPage

ADMINISTER_PERMISSION = "community.change_partner"


class AffiliationRefused(Exception):
    """An action the rules do not allow; the message can be shown to the member."""


def affiliation_of(user, partner: Partner) -> Affiliation | None:
    if not user.is_authenticated:
        return None
    return Affiliation.objects.filter(partner=partner, user=user).first()


def can_administer(user, partner: Partner) -> bool:
    """This organisation's administrators (and site editors) manage it; nobody else, whatever else they run."""
    if not user.is_authenticated:
        return False
    if user.has_perm(ADMINISTER_PERMISSION):
        return True
    return Affiliation.objects.filter(
        partner=partner, user=user, is_administrator=True, status=AffiliationStatus.CONFIRMED
    ).exists()


def require_administrator(user, partner: Partner) -> None:
    if not can_administer(user, partner):
        raise PermissionDenied


def declare(partner: Partner, user) -> Affiliation:
    """A member says they work with this organisation; its administrators are told and decide."""
    try:
        with transaction.atomic():
            affiliation = Affiliation.objects.create(partner=partner, user=user, status=AffiliationStatus.PENDING)
    except IntegrityError:
        raise AffiliationRefused(_("You have already declared an affiliation with this organisation.")) from None
    _tell_administrators(partner)
    return affiliation


def withdraw(partner: Partner, user) -> bool:
    """A member ends their affiliation; an organisation keeps at least one administrator."""
    affiliation = affiliation_of(user, partner)
    if affiliation is None:
        return False
    if affiliation.is_administrator and not _other_administrators(partner, affiliation).exists():
        raise AffiliationRefused(_("An organisation keeps at least one administrator."))
    affiliation.delete()
    return True


def _other_administrators(partner: Partner, affiliation: Affiliation) -> QuerySet:
    return partner.affiliations.filter(is_administrator=True, status=AffiliationStatus.CONFIRMED).exclude(
        pk=affiliation.pk
    )


def _affiliation(partner: Partner, affiliation_id: int) -> Affiliation:
    affiliation = Affiliation.objects.filter(partner=partner, pk=affiliation_id).select_related("user").first()
    if affiliation is None:
        raise AffiliationRefused(_("This person has not declared an affiliation with this organisation."))
    return affiliation


def confirm(partner: Partner, *, by, affiliation_id: int) -> Affiliation:
    require_administrator(by, partner)
    affiliation = _affiliation(partner, affiliation_id)
    if affiliation.status != AffiliationStatus.PENDING:
        raise AffiliationRefused(_("This affiliation is already confirmed."))
    affiliation.status, affiliation.confirmed_at = AffiliationStatus.CONFIRMED, timezone.now()
    affiliation.save(update_fields=["status", "confirmed_at"])
    _tell_member(partner, affiliation.user, "confirmed")
    return affiliation


def decline(partner: Partner, *, by, affiliation_id: int) -> None:
    """Decline a declared affiliation or end a confirmed one; the last administrator stays."""
    require_administrator(by, partner)
    affiliation = _affiliation(partner, affiliation_id)
    if affiliation.is_administrator and not _other_administrators(partner, affiliation).exists():
        raise AffiliationRefused(_("An organisation keeps at least one administrator."))
    was_pending = affiliation.status == AffiliationStatus.PENDING
    affiliation.delete()
    _tell_member(partner, affiliation.user, "declined" if was_pending else "removed")


@transaction.atomic
def edit_profile(page: PartnerPage, *, by, introduction: str, website: str) -> PartnerPage:
    """An administrator edits the organisation's public profile in this page's language (a new
    revision, published) and its website; a fallback page is edited in its original."""
    require_administrator(by, page.partner)
    target = page.alias_of.specific if page.alias_of_id else page
    target.introduction = introduction
    # The organisation's administrator has no Wagtail rights on pages: the rule above is the check.
    target.save_revision(user=by, log_action=True).publish(user=by, skip_permission_checks=True)
    partner = page.partner
    partner.website = website
    partner.save(update_fields=["website"])
    return target


# --- Figures


def where(pages: QuerySet, language: str) -> list[dict]:
    """Partners counted by world region and, within it, by country (one query of their links,
    whatever the number of partners): [{"code", "name", "count", "countries": [(code, name, count)]}].

    A partner working in several countries of a region counts once for the region: a region's count
    is the size of the union of its countries' partners."""
    through = PartnerPage.countries.through
    links = through.objects.filter(partnerpage__in=pages).values_list("country__region", "country_id", "partnerpage_id")
    partners: dict[str, dict[str, set[int]]] = {}  # region -> country -> partner ids
    for region, country, partner in links.order_by():
        partners.setdefault(region, {}).setdefault(country, set()).add(partner)
    result = []
    for code, countries in partners.items():
        rows = [(country, geography.country_name(country, language), len(ids)) for country, ids in countries.items()]
        result.append(
            {
                "code": code,
                "name": geography.region_name(code, language),
                "count": len(set().union(*countries.values())),
                "countries": sorted(rows, key=lambda row: (-row[2], row[1])),
            }
        )
    return sorted(result, key=lambda entry: (-entry["count"], entry["name"]))


# --- Telling people


def _tell_administrators(partner: Partner) -> None:
    administrators = Affiliation.objects.filter(
        partner=partner, is_administrator=True, status=AffiliationStatus.CONFIRMED
    ).select_related("user")
    for administrator in administrators:
        user = administrator.user
        if not user.is_active or not user.email:
            continue
        language = language_of(user)
        page = partner.page_in(language)
        context = {"name": page.title if page else partner.name, "url": page_url(page) + "manage/" if page else ""}
        notify("community/email/partners/declared", [user.email], context, language=language)


def _tell_member(partner: Partner, user, decision: str) -> None:
    if not user.is_active or not user.email:
        return
    language = language_of(user)
    page = partner.page_in(language)
    context = {
        "name": page.title if page else partner.name,
        "url": page_url(page) if page else "",
        "decision": decision,
    }
    notify("community/email/partners/decision", [user.email], context, language=language)
