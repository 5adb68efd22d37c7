""" "Adapted elsewhere" reports: members send them, moderators publish or hide them, practice pages show them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from community.comments.services import MODERATE_PERMISSION
from community.models import Adaptation, CommentStatus

if TYPE_CHECKING:
    from cms.models import User
    from practices.models import PracticePage

ACTIONS = {"approve": CommentStatus.APPROVED, "hide": CommentStatus.HIDDEN}


def report(
    practice: PracticePage, *, user: User, organisation: str, country: str, what_changed: str, language: str
) -> Adaptation:
    """A member's report, pending until a moderator approves it."""
    return Adaptation.objects.create(
        practice=practice,
        practice_key=practice.translation_key,
        user=user,
        organisation=organisation.strip(),
        country=country,
        what_changed=what_changed.strip(),
        language=language,
    )


def moderate(adaptation: Adaptation, *, moderator: User, action: str) -> Adaptation:
    if not moderator.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied
    adaptation.status = ACTIONS[action]
    adaptation.moderated_by = moderator
    adaptation.moderated_at = timezone.now()
    adaptation.save(update_fields=["status", "moderated_by", "moderated_at"])
    return adaptation


def visible_for(practice: PracticePage) -> list[Adaptation]:
    """The approved reports on this practice in any of its languages, newest first (one query)."""
    return list(Adaptation.objects.for_practice(practice).visible().order_by("-created_at", "-pk"))
