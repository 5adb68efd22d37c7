"""Serving a consultation page: the comments of every language version, the forms, the results.

The comments are read in one query for the whole page (whatever their number), threaded in
Python and grouped by section through the sections' translation key, which every language
version of a section shares.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from community.comments import services
from community.comments.views import FailedComment, all_comments, submit_comment, thread_context, viewer_flags
from community.consultations.results import participation
from community.models import Comment, ConsultationPage, ConsultationSection, ModerationMode

QUESTION_KEY = "comment-on-question"


def block_key(section: ConsultationSection | None) -> str:
    """The key of a block's comment form: the prefix of its element ids, stable across languages."""
    return f"comment-on-{section.anchor}" if section is not None else QUESTION_KEY


def comments_of(page: ConsultationPage):
    """All comments on the consultation, from every language version."""
    return Comment.objects.filter(consultation__translation_key=page.translation_key)


@dataclass
class CommentBlock:
    """The question or one section, with its threads rendered."""

    key: str
    section: ConsultationSection | None
    count: int
    thread_html: SafeString


def _closed_message(page: ConsultationPage) -> str:
    if page.is_closed():
        return _("This consultation closed on %(date)s. Thank you to everyone who took part.") % {
            "date": formats.date_format(page.closes_at, "DATE_FORMAT")
        }
    return _("Comments open on %(date)s.") % {"date": formats.date_format(page.opens_at, "DATE_FORMAT")}


def _post_url(page: ConsultationPage, section: ConsultationSection | None) -> str:
    if section is None:
        return page.url + page.reverse_subpage("comment")
    return page.url + page.reverse_subpage("comment_section", kwargs={"anchor": section.anchor})


def _form_label(page: ConsultationPage, section: ConsultationSection | None) -> str:
    if section is not None:
        return _("Your comment on “%(heading)s”") % {"heading": section.heading}
    if page.question:
        return _("Your answer to the question")
    return _("Your comment on the consultation")


def discussion_context(page: ConsultationPage, request: HttpRequest, failed: FailedComment | None = None) -> dict:
    sections = list(page.sections.all())
    accepting = page.is_open()
    comments = list(
        services.with_authors(services.viewable(comments_of(page), request.user)).annotate(
            section_key=F("section__translation_key")
        )
    )
    by_section = defaultdict(list)
    for comment in comments:
        by_section[comment.section_key].append(comment)
    flagged = viewer_flags(request.user, comments)
    closed_message = "" if accepting else _closed_message(page)
    premoderated = page.moderation == ModerationMode.PRE

    def block(section: ConsultationSection | None) -> CommentBlock:
        threads = services.build_threads(by_section[section.translation_key if section else None])
        context = thread_context(
            request,
            threads=threads,
            key=block_key(section),
            post_url=_post_url(page, section),
            accepting=accepting,
            form_label=_form_label(page, section),
            closed_message=closed_message,
            failed=failed,
            flagged=flagged,
            premoderated=premoderated,
        )
        return CommentBlock(
            key=block_key(section),
            section=section,
            count=sum(comment.is_visible for comment in all_comments(threads)),
            thread_html=render_to_string("community/comments/thread.html", context, request=request),
        )

    closed = page.is_closed()
    language = page.locale.language_code
    return {
        "question_block": block(None),
        "section_blocks": [block(section) for section in sections],
        "is_open": accepting,
        "is_closed": closed,
        "is_premoderated": premoderated,
        "participation": participation(comments_of(page).visible(), language) if closed else None,
    }


def post_comment(page: ConsultationPage, request: HttpRequest, anchor: str | None = None) -> HttpResponse:
    """POST a comment, an answer or a reply; anything else goes back to the page."""
    if request.method != "POST":
        return redirect(page.url)
    if not request.user.is_authenticated:
        return redirect_to_login(page.url, login_url=reverse("community:login"))
    section = None
    if anchor is not None:
        section = page.sections.filter(anchor=anchor).first()
        if section is None:
            raise Http404
    comment, failed = submit_comment(
        request,
        block_key=block_key(section),
        language=page.locale.language_code,
        premoderated=page.moderation == ModerationMode.PRE,
        consultation=page,
        section=section,
    )
    if failed is not None:
        return page.render_failed(request, failed)
    if comment.is_visible:
        messages.success(request, _("Thank you: your comment is published."))
    else:
        messages.success(
            request, _("Thank you: your comment will be published once a moderator has read it (usually within a day).")
        )
    return redirect(f"{page.url}#comment-{comment.pk}")
