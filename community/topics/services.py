"""What can happen to a topic proposal: proposed, edited, supported, withdrawn, moved between states.

Views (public pages) and the admin call these functions; they hold the rules, so the rules are
the same wherever an action comes from.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cms.blocks import localized_pages
from cms.links import page_url
from cms.notifications import notify
from community.models import ProposalState, TopicProposal, TopicProposalIndexPage, TopicStateChange, TopicSupport

if TYPE_CHECKING:
    from wagtail.models import Page

    from cms.models import Theme, User


class SupportRefused(Exception):
    """A support the rules do not allow (own proposal, closed proposal); the message says why."""


def propose(
    *, proposer: User, title: str, kind: str, description: str, language: str, themes: Iterable
) -> TopicProposal:
    with transaction.atomic():
        proposal = TopicProposal.objects.create(
            title=title,
            kind=kind,
            description=description,
            language=language,
            proposer=proposer,
            proposer_region=proposer.region or "",
        )
        proposal.themes.set(themes)
    return proposal


def update(
    proposal: TopicProposal, *, title: str, kind: str, description: str, language: str, themes: Iterable[Theme]
) -> None:
    with transaction.atomic():
        proposal.title, proposal.kind, proposal.description, proposal.language = title, kind, description, language
        proposal.save(update_fields=["title", "kind", "description", "language", "updated_at"])
        proposal.themes.set(themes)


def support(proposal: TopicProposal, user: User) -> bool:
    """Add `user`'s support. False, and nothing changes, if they already support it.

    The unique constraint decides (two tabs posting at once cannot count twice); the count moves
    in the same transaction, with an F() expression, so concurrent supports do not overwrite it.
    """
    if proposal.proposer_id == user.pk:
        raise SupportRefused(_("You cannot support your own proposal."))
    if not proposal.is_open_for_support:
        raise SupportRefused(_("This proposal no longer collects support."))
    with transaction.atomic():
        try:
            with transaction.atomic():
                TopicSupport.objects.create(proposal=proposal, user=user, region=user.region or "")
        except IntegrityError:
            return False
        TopicProposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    return True


def withdraw(proposal: TopicProposal, user: User) -> bool:
    """Remove `user`'s support. False if they did not support it."""
    if not proposal.is_open_for_support:
        raise SupportRefused(_("This proposal no longer collects support."))
    with transaction.atomic():
        deleted, _counts = TopicSupport.objects.filter(proposal=proposal, user=user).delete()
        if not deleted:
            return False
        TopicProposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - deleted)
    return True


def change_state(proposal: TopicProposal, *, to_state: str, reason: str, by: User) -> TopicStateChange:
    """Move a proposal to another state with a public reason, keep the history, tell the people concerned."""
    reason = reason.strip()
    if not reason:
        raise ValueError("A state change needs a public reason.")
    with transaction.atomic():
        proposal = TopicProposal.objects.select_for_update().get(pk=proposal.pk)
        if proposal.state == to_state:
            raise ValueError(f"The proposal is already {to_state}.")
        change = TopicStateChange.objects.create(
            proposal=proposal, from_state=proposal.state, to_state=to_state, reason=reason, changed_by=by
        )
        proposal.state, proposal.state_reason, proposal.state_changed_at = to_state, reason, timezone.now()
        proposal.save(update_fields=["state", "state_reason", "state_changed_at", "updated_at"])
        notify_state_change(proposal, change)
    return change


def notify_state_change(proposal: TopicProposal, change: TopicStateChange) -> None:
    """E-mail the proposer and every supporter, each in their preferred language.

    Recipients are grouped by language so each group gets one rendering with state names and the
    link to the proposal in their language (the notification context must be plain data).
    """
    supporter_ids = TopicSupport.objects.filter(proposal=proposal).values("user_id")
    people = (
        get_user_model()
        .objects.filter(is_active=True, pk__in=supporter_ids)
        .exclude(email="")
        .exclude(pk=proposal.proposer_id or 0)
    )
    groups: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for person in people:
        groups[(_language_of(person), False)].append(person.email)
    proposer = proposal.proposer
    if proposer is not None and proposer.is_active and proposer.email:
        groups[(_language_of(proposer), True)].append(proposer.email)
    states = dict(ProposalState.choices)
    for (language, is_proposer), addresses in groups.items():
        with translation.override(language):
            context = {
                "title": proposal.title,
                "is_proposer": is_proposer,
                "from_state": str(states[change.from_state]),
                "to_state": str(states[change.to_state]),
                "reason": change.reason,
                "url": proposal_full_url(proposal, language),
            }
        notify("community/email/topics/state_changed", addresses, context, language=language)


def _language_of(user: User) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return user.preferred_language if user.preferred_language in codes else settings.LANGUAGE_CODE


def index_page_for(language: str) -> TopicProposalIndexPage | None:
    """The live proposals page of a language, or of the default language when it has none."""
    pages = TopicProposalIndexPage.objects.live().public().select_related("locale")
    by_language = {page.locale.language_code: page for page in pages}
    return by_language.get(language) or by_language.get(settings.LANGUAGE_CODE)


def proposal_full_url(proposal: TopicProposal, language: str) -> str:
    index = index_page_for(language)
    if index is None:
        return ""
    path: str = index.reverse_subpage("proposal", args=[proposal.pk])
    return page_url(index) + path.lstrip("/")


def result_of(proposal: TopicProposal) -> Page | None:
    """The chapter or brief a proposal became, in the visitor's language when translated; None
    when there is none or it is not live (two queries, none without a result)."""
    if proposal.became_id is None:
        return None
    localized = localized_pages([proposal.became])
    return localized[0] if localized and localized[0].live else None


def proposals_behind(page: Page) -> list[dict[str, Any]]:
    """The topic proposals a chapter or brief answers, each with its URL on the proposals page of
    the page's language (two queries, one when there are none)."""
    proposals = list(
        TopicProposal.objects.filter(became__translation_key=page.translation_key).only("id", "title", "language")
    )
    if not proposals:
        return []
    index = TopicProposalIndexPage.objects.live().filter(locale_id=page.locale_id).first()
    if index is None:
        return []
    return [{"proposal": proposal, "url": index.proposal_url(proposal.pk)} for proposal in proposals]
