"""Members engaging with a practice, and what the practice page shows about it.

One engagement per kind, member and practice (across the practice's translations, by
`practice_key`). The practice's contact address and every active member of the Editors group
are told by e-mail (the contact in the practice's language, each editor in theirs), with the
member's address as Reply-To.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest
from wagtail.models import Page

from cms.links import page_url
from cms.notifications import notify
from cms.roles import EDITORS
from community.accounts.services import absolute_url
from community.models import Engagement, EngagementKind, MemberProfile

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from cms.models import User
    from practices.models import PracticePage


def reviewed_practice(practice_id: int) -> Page:
    """The live, public, expert-reviewed practice page with this id, or 404."""
    page = Page.objects.live().public().filter(pk=practice_id).specific().first()
    if page is None or page._meta.label != "practices.PracticePage" or not page.is_reviewed():
        raise Http404
    return page


class AlreadyEngaged(Exception):
    """This member has already sent this kind of engagement for this practice."""


def used_kinds(practice: PracticePage, user: User | AnonymousUser) -> set[str]:
    if not user.is_authenticated:
        return set()
    return set(Engagement.objects.for_practice(practice).filter(user=user).values_list("kind", flat=True))


def available_kinds(practice: PracticePage, user: User | AnonymousUser) -> list[str]:
    used = used_kinds(practice, user)
    return [kind for kind in EngagementKind.values if kind not in used]


def _editors_by_language(exclude: str = "") -> dict[str, list[str]]:
    by_language: dict[str, list[str]] = defaultdict(list)
    editors = get_user_model().objects.filter(groups__name=EDITORS, is_active=True).exclude(email="")
    for language, email in editors.values_list("preferred_language", "email").distinct():
        if email.lower() != exclude.lower():
            by_language[language or ""].append(email)
    return by_language


@transaction.atomic
def engage(request: HttpRequest, practice: PracticePage, *, user: User, kind: str, message: str) -> Engagement:
    if Engagement.objects.for_practice(practice).filter(user=user, kind=kind).exists():
        raise AlreadyEngaged
    try:
        with transaction.atomic():
            engagement = Engagement.objects.create(
                practice=practice, practice_key=practice.translation_key, user=user, kind=kind, message=message
            )
    except IntegrityError:  # the same form sent twice at once
        raise AlreadyEngaged from None
    profile = MemberProfile.objects.filter(user=user).first()
    context = {
        "member_name": (profile.name if profile else "") or user.get_full_name(),
        "member_profile_url": absolute_url(request, "community:member", pk=profile.pk)
        if profile and profile.is_public
        else "",
        "practice_title": practice.title,
        "practice_url": page_url(practice),
        "kind": kind,
        "message": message,
    }
    reply_to = [user.email] if user.email else None
    template = "community/email/engagement/new_engagement"
    notify(template, [practice.contact_email], context, language=practice.locale.language_code, reply_to=reply_to)
    for language, addresses in _editors_by_language(exclude=practice.contact_email).items():
        notify(template, addresses, context, language=language or None, reply_to=reply_to)
    return engagement
