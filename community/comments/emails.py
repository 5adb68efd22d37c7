"""The e-mails a comment's author receives: a visible reply, and a moderator's decision.

Each is rendered in the recipient's language (cms.notifications), with the link to the
page in that language; nothing is sent to people replying to themselves or without an address.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.text import Truncator

from cms.notifications import notify_user
from community.comments import targets
from community.models import Comment, CommentStatus

EXCERPT_WORDS = 40


def _language(user) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    return user.preferred_language if user.preferred_language in codes else settings.LANGUAGE_CODE


def _excerpt(comment: Comment) -> str:
    return Truncator(comment.body).words(EXCERPT_WORDS)


def reply_posted(reply: Comment) -> None:
    """Tell the parent's author that someone replied (called once the reply is visible)."""
    parent = reply.parent
    recipient = parent.author if parent is not None else None
    if recipient is None or recipient.pk == reply.author_id:
        return
    language = _language(recipient)
    with translation.override(language):
        context = {
            "title": targets.title(parent, language),
            "url": targets.full_url(reply, language),
            "replier": reply.author_display,
            "excerpt": _excerpt(reply),
            "your_excerpt": _excerpt(parent),
        }
    notify_user("community/email/comments/reply", recipient, context)


def decision_made(comment: Comment) -> None:
    """Tell the author that a moderator published (approved, restored) or hid their comment."""
    if comment.author is None:
        return
    language = _language(comment.author)
    hidden = comment.status == CommentStatus.HIDDEN
    with translation.override(language):
        context = {
            "title": targets.title(comment, language),
            "url": "" if hidden else targets.full_url(comment, language),
            "excerpt": _excerpt(comment),
            "reason": comment.hidden_reason,
        }
    notify_user(f"community/email/comments/{'hidden' if hidden else 'approved'}", comment.author, context)
