"""What every page with comments shares: submitting a comment, the thread template's context, and
the generic flag and edit views (`community:comment_flag`, `community:comment_edit`).

A page may hold several comment forms (a consultation has one per section and a reply form per
thread). Each has a key ("comment-question", "comment-section-2", "reply-12") that prefixes its
element ids; a form that fails comes back, under its key, with the text typed and the reason.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from community.comments import services, targets
from community.comments.forms import CommentEditForm, CommentForm, FlagForm
from community.models import Comment, CommentFlag


@dataclass
class FailedComment:
    """A comment that was not accepted: the bound form (text kept), why, and the HTTP status."""

    key: str
    form: CommentForm
    message: str = ""
    status: int = 400
    retry_after: int | None = None  # seconds, for the Retry-After header of a 429


def comment_form(key: str, data=None) -> CommentForm:
    return CommentForm(data, auto_id=f"{key}-%s")


def form_key(block_key: str, data) -> str:
    """The key of the form that was sent: a reply form ("reply-<id>") or the block's own form."""
    parent = str(data.get("parent") or "")
    return f"reply-{parent}" if parent.isdigit() else block_key


def rate_limit_message(seconds: int) -> str:
    minutes = max(1, -(-seconds // 60))
    return ngettext(
        "You have posted many comments in a short time. Please try again in %(count)d minute; your text is kept below.",
        "You have posted many comments in a short time. Please try again in %(count)d minutes; "
        "your text is kept below.",
        minutes,
    ) % {"count": minutes}


def submit_comment(
    request: HttpRequest, *, block_key: str, language: str, premoderated: bool, **target
) -> tuple[Comment | None, FailedComment | None]:
    """Validate and post the comment in `request.POST`; `target` is consultation/section or proposal."""
    key = form_key(block_key, request.POST)
    form = comment_form(key, request.POST)
    if not form.is_valid():
        # A reply to a comment that does not exist has no reply form to come back to.
        return None, FailedComment(block_key if "parent" in form.errors else key, form)
    try:
        comment = services.post_comment(
            request=request,
            author=request.user,
            body=form.cleaned_data["body"],
            language=language,
            parent=form.cleaned_data["parent"],
            premoderated=premoderated,
            **target,
        )
    except services.RateLimited as limited:
        message = rate_limit_message(limited.retry_after)
        return None, FailedComment(key, form, message, status=429, retry_after=limited.retry_after)
    except services.CommentRefused as refusal:
        status = 403 if refusal.code == "closed" else 400
        # A refused parent (a reply, another page's comment) has no reply form on this page.
        key = block_key if refusal.code in ("depth", "parent") else key
        return None, FailedComment(key, form, " ".join(refusal.messages), status=status)
    return comment, None


def viewer_flags(viewer, comments: Iterable[Comment]) -> set[int]:
    """Ids of the comments among `comments` that `viewer` has already reported (one query)."""
    if not viewer.is_authenticated:
        return set()
    ids = [comment.pk for comment in comments]
    return set(CommentFlag.objects.filter(user=viewer, comment_id__in=ids).values_list("comment_id", flat=True))


def all_comments(threads: Iterable[Comment]) -> list[Comment]:
    return [item for comment in threads for item in (comment, *comment.visible_replies)]


def decorate(threads: list[Comment], *, viewer, accepting: bool, flagged: set[int], failed=None) -> None:
    """Set what the template shows each comment's reader: own, editable, already reported, reply form."""
    for comment in all_comments(threads):
        comment.is_own = viewer.is_authenticated and comment.author_id == viewer.pk
        comment.can_edit = comment.is_own and services.can_edit(comment, viewer, accepting=accepting)
        comment.flagged_by_viewer = comment.pk in flagged
        comment.reply_failed = failed if failed is not None and failed.key == f"reply-{comment.pk}" else None


def thread_context(
    request: HttpRequest,
    *,
    threads: list[Comment],
    key: str,
    post_url: str,
    accepting: bool,
    form_label: str = "",
    closed_message: str = "",
    failed: FailedComment | None = None,
    flagged: set[int] | None = None,
    premoderated: bool = False,
) -> dict:
    """Everything "community/comments/thread.html" needs for one list of threads and its form
    (`premoderated`: the buttons say the comment goes to the moderators, not that it is published)."""
    viewer = request.user
    if flagged is None:
        flagged = viewer_flags(viewer, all_comments(threads))
    decorate(threads, viewer=viewer, accepting=accepting, flagged=flagged, failed=failed)
    own_failure = failed is not None and failed.key == key
    return {
        "threads": threads,
        "thread_key": key,
        "comment_form": failed.form if own_failure else comment_form(key),
        "failed_message": failed.message if own_failure else "",
        "post_url": post_url,
        "can_comment": accepting and viewer.is_authenticated,
        "accepting": accepting,
        "form_label": form_label,
        "closed_message": closed_message,
        "premoderated": premoderated,
        # Where the flag forms bring the reader back (not the address of a refused POST).
        "return_url": request.get_full_path() if request.method == "GET" else "",
    }


def _back(request: HttpRequest, comment: Comment) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return targets.path(comment, get_language())


@require_POST
@login_required
def flag(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.visible(), pk=comment_id)
    form = FlagForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    if comment.author_id == request.user.pk:
        messages.error(request, _("You cannot report your own comment."))
    elif services.flag_comment(comment=comment, user=request.user, reason=reason):
        messages.success(request, _("Thank you: the moderators will look at this comment."))
    else:
        messages.info(request, _("You have already reported this comment."))
    return redirect(_back(request, comment))


@never_cache
@login_required
def edit(request: HttpRequest, comment_id: int) -> HttpResponse:
    """The author changes their comment; anyone else is told it does not exist (404)."""
    comment = get_object_or_404(
        Comment.objects.select_related("consultation", "proposal"), pk=comment_id, author=request.user
    )
    back = targets.path(comment, get_language())
    context = {"comment": comment, "back_url": back, "edit_minutes": int(services.EDIT_WINDOW.total_seconds() // 60)}
    if not services.can_edit(comment, request.user):
        return TemplateResponse(request, "community/comments/edit.html", {**context, "too_late": True}, status=403)
    form = CommentEditForm(request.POST or None, initial={"body": comment.body}, auto_id="edit-comment-%s")
    if request.method == "POST" and form.is_valid():
        services.edit_comment(
            comment=comment,
            user=request.user,
            body=form.cleaned_data["body"],
            premoderated=targets.is_premoderated(comment),
        )
        if comment.is_visible:
            messages.success(request, _("Your comment is updated."))
        else:
            messages.success(request, _("Your comment is updated; it will be shown once a moderator approves it."))
        return redirect(back)
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(request, "community/comments/edit.html", {**context, "form": form}, status=status)
