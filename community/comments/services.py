"""Posting, editing, flagging and moderating comments (consultations and topic proposals share this).

CONTRACT (the topics area codes against it; extend, never break):

    post_comment(*, request, author, body, language, consultation=None, section=None,
                 proposal=None, community=None, parent=None, premoderated: bool) -> Comment
        Validates one-level threading (a reply's parent must be a visible top-level comment on the
        same target: same consultation and section in any language, or same proposal), refuses
        comments on a consultation that is not open, applies the rate limit per participant AND per
        address (raises RateLimited with .retry_after seconds), stores author_region from the
        author, status PENDING if premoderated else APPROVED, and queues the notifications (reply
        to the parent's author when the reply is visible). Refusals raise CommentRefused, a
        ValidationError whose message can be shown to the participant.

    edit_comment(*, comment, user, body, premoderated: bool) -> Comment
        Only the author, within EDIT_WINDOW, while the target accepts comments, never a hidden
        comment. In pre-moderation an edited comment goes back to PENDING.
    flag_comment(*, comment, user, reason="") -> bool   (False if this user already flagged it,
        or flags their own comment). An approved comment that no moderator has looked at goes back
        to PENDING when it reaches FLAGS_TO_REVIEW flags (post-moderation: the crowd can take a
        comment down until a moderator decides; a comment a moderator approved stays up).
    moderate(*, comment, moderator, action: "approve"|"hide"|"restore", reason="") -> Comment
        Needs community.moderate_comment, or to coordinate the comment's community
        (`can_moderate`; PermissionDenied otherwise). "hide" needs a reason.
        Approving or restoring clears the flags (they stay recorded as CommentFlag rows). The
        author is told of the decision; the parent's author of a reply that becomes visible too.
    visible_threads(queryset, viewer=None) -> list[Comment]   top-level visible comments with
        .visible_replies, in one query whatever the number of comments. With a `viewer`, their
        own pending comments are included (shown to them as awaiting moderation).

Templates: "community/comments/thread.html" (renders threads + reply/flag forms; context:
`threads`, `comment_form`, `post_url`, `can_comment`; optional: `thread_key` (prefix of the
element ids, default "comments"), `form_label`, `closed_message`, `failed` (a FailedComment)),
"community/comments/form.html". `community.comments.views.thread_context(...)` builds that context.
Forms: community.comments.forms.CommentForm (fields: body, parent [hidden; cleans to a Comment]),
FlagForm (reason). Flag and edit are generic views: `community:comment_flag` and
`community:comment_edit` (POST `next` brings the participant back).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.ratelimit import Limit
from community.comments import emails
from community.models import Comment, CommentFlag, CommentStatus

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from cms.models import User
    from community.models import Community, ConsultationPage, ConsultationSection, TopicProposal

# 10 comments per 10 minutes, per participant and per address (cms.ratelimit).
POSTING_LIMIT = Limit("comment", limit=10, window=10 * 60)
EDIT_WINDOW = datetime.timedelta(minutes=30)
FLAGS_TO_REVIEW = 3
MODERATE_PERMISSION = "community.moderate_comment"
ACTIONS = ("approve", "hide", "restore")


class RateLimited(Exception):
    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


class CommentRefused(ValidationError):
    """A comment or change the rules do not allow; the message says why, to the participant."""


def author_region(user: User) -> str:
    """The M49 region a comment is counted in: the public profile's country, else the account's."""
    profile = getattr(user, "member_profile", None)
    return (profile.region if profile is not None else "") or user.region or ""


def accepts_comments(*, consultation: ConsultationPage | None = None) -> bool:
    return consultation is None or consultation.is_open()


def _same_target(
    parent: Comment,
    *,
    consultation: ConsultationPage | None,
    section: ConsultationSection | None,
    proposal: TopicProposal | None,
    community: Community | None = None,
) -> bool:
    if community is not None:
        return parent.community_id == community.pk
    if proposal is not None:
        return parent.proposal_id == proposal.pk
    if consultation is None or parent.consultation is None:
        return False
    # Language versions of one consultation share a translation key, as do their sections.
    if parent.consultation.translation_key != consultation.translation_key:
        return False
    parent_section = parent.section
    if section is None or parent_section is None:
        return section is None and parent_section is None
    return bool(parent_section.translation_key == section.translation_key)


def _check_target(
    *,
    consultation: ConsultationPage | None,
    section: ConsultationSection | None,
    proposal: TopicProposal | None,
    parent: Comment | None,
    community: Community | None = None,
) -> None:
    targets = [target for target in (consultation, proposal, community) if target is not None]
    if len(targets) != 1 or (section is not None and consultation is None):
        raise ValueError("A comment goes on a consultation (and maybe one of its sections), a proposal or a community.")
    if section is not None and consultation is not None and section.page_id != consultation.pk:
        raise ValueError("The section belongs to another consultation.")
    if not accepts_comments(consultation=consultation):
        raise CommentRefused(_("This consultation is not open for comments."), code="closed")
    if parent is None:
        return
    if parent.parent_id is not None:
        raise CommentRefused(_("You can reply to a comment, not to a reply."), code="depth")
    same = _same_target(parent, consultation=consultation, section=section, proposal=proposal, community=community)
    if not parent.is_visible or not same:
        raise CommentRefused(_("The comment you are replying to cannot be found."), code="parent")


def post_comment(
    *,
    request: HttpRequest,
    author: User,
    body: str,
    language: str,
    consultation: ConsultationPage | None = None,
    section: ConsultationSection | None = None,
    proposal: TopicProposal | None = None,
    community: Community | None = None,
    parent: Comment | None = None,
    premoderated: bool,
) -> Comment:
    _check_target(consultation=consultation, section=section, proposal=proposal, parent=parent, community=community)
    decision = POSTING_LIMIT.hit(request)
    if not decision:
        raise RateLimited(decision.retry_after)
    comment = Comment.objects.create(
        consultation=consultation,
        section=section,
        proposal=proposal,
        community=community,
        parent=parent,
        author=author,
        author_region=author_region(author),
        language=language,
        body=body,
        status=CommentStatus.PENDING if premoderated else CommentStatus.APPROVED,
    )
    if comment.is_visible and parent is not None:
        emails.reply_posted(comment)
    return comment


def can_edit(
    comment: Comment, user: User | AnonymousUser, *, accepting: bool | None = None, now: datetime.datetime | None = None
) -> bool:
    """Whether `user` may still change `comment`. `accepting`: whether its target takes comments
    (computed from the consultation when not given; pass it to avoid a query per comment)."""
    if accepting is None:
        accepting = accepts_comments(consultation=comment.consultation if comment.consultation_id else None)
    now = now or timezone.now()
    return (
        accepting
        and user.is_authenticated
        and comment.author_id == user.pk
        and comment.status != CommentStatus.HIDDEN
        and now - comment.created_at <= EDIT_WINDOW
    )


def edit_comment(*, comment: Comment, user: User, body: str, premoderated: bool) -> Comment:
    if comment.author_id != user.pk:
        raise PermissionDenied
    if not can_edit(comment, user):
        raise CommentRefused(_("This comment can no longer be changed."), code="edit_closed")
    comment.body = body
    comment.edited_at = timezone.now()
    fields = ["body", "edited_at"]
    if premoderated and comment.status == CommentStatus.APPROVED:
        comment.status = CommentStatus.PENDING
        fields.append("status")
    comment.save(update_fields=fields)
    return comment


def flag_comment(*, comment: Comment, user: User, reason: str = "") -> bool:
    if comment.author_id == user.pk:
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                CommentFlag.objects.create(comment=comment, user=user, reason=reason.strip()[:300])
        except IntegrityError:
            return False
        Comment.objects.filter(pk=comment.pk).update(flag_count=F("flag_count") + 1)
        Comment.objects.filter(
            pk=comment.pk,
            status=CommentStatus.APPROVED,
            moderated_by__isnull=True,
            flag_count__gte=FLAGS_TO_REVIEW,
        ).update(status=CommentStatus.PENDING)
    comment.refresh_from_db(fields=["flag_count", "status"])
    return True


def can_moderate(user: User | AnonymousUser, comment: Comment) -> bool:
    """Site moderators moderate every comment; a community's coordinators only its discussion."""
    if user.has_perm(MODERATE_PERMISSION):
        return True
    if comment.community_id is None or not user.is_authenticated:
        return False
    from community.models import Membership, MembershipStatus

    return Membership.objects.filter(
        community_id=comment.community_id, user=user, is_coordinator=True, status=MembershipStatus.ACTIVE
    ).exists()


def moderate(*, comment: Comment, moderator: User, action: str, reason: str = "") -> Comment:
    if not can_moderate(moderator, comment):
        raise PermissionDenied
    if action not in ACTIONS:
        raise ValueError(f"Unknown moderation action {action!r}")
    reason = reason.strip()
    if action == "hide" and not reason:
        raise CommentRefused(_("Give the reason for hiding the comment: its author will read it."), code="reason")
    was_visible = comment.is_visible
    comment.moderated_by = moderator
    comment.moderated_at = timezone.now()
    if action == "hide":
        comment.status, comment.hidden_reason = CommentStatus.HIDDEN, reason
    else:
        comment.status, comment.hidden_reason, comment.flag_count = CommentStatus.APPROVED, "", 0
    comment.save(update_fields=["status", "hidden_reason", "flag_count", "moderated_by", "moderated_at"])
    if comment.is_visible != was_visible or action == "hide":
        emails.decision_made(comment)
    if comment.is_visible and not was_visible and comment.parent_id is not None:
        emails.reply_posted(comment)
    return comment


def viewable(queryset: QuerySet, viewer: User | AnonymousUser | None = None) -> QuerySet:
    """What `viewer` may read in `queryset`: visible comments, plus their own pending ones."""
    condition = Q(status=CommentStatus.APPROVED)
    if viewer is not None and viewer.is_authenticated:
        condition |= Q(status=CommentStatus.PENDING, author=viewer)
    return queryset.filter(condition)


def build_threads(comments: Iterable[Comment]) -> list[Comment]:
    """Top-level comments in order, each with `.visible_replies`; replies to unseen comments are dropped."""
    top_level: dict[int, Comment] = {}
    replies: list[Comment] = []
    for comment in comments:
        if comment.parent_id is None:
            comment.visible_replies = []
            comment.reply_key = f"reply-{comment.pk}"  # element ids of its reply form
            top_level[comment.pk] = comment
        else:
            replies.append(comment)
    for reply in replies:
        if reply.parent_id in top_level:
            top_level[reply.parent_id].visible_replies.append(reply)
    return list(top_level.values())


def with_authors(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("author__member_profile").order_by("created_at", "pk")


def visible_threads(queryset: QuerySet, viewer: User | AnonymousUser | None = None) -> list[Comment]:
    return build_threads(with_authors(viewable(queryset, viewer)))
