"""Where a comment lives (a consultation in some language, a topic proposal or a community) and its address.

A comment belongs to the language version of the consultation it was written on, but its
readers may read another version: links are built to the version in the reader's language when
one is live, so an e-mail to a French participant opens the French page.
"""

from __future__ import annotations

from django.conf import settings

from cms.links import page_url
from community.models import Comment, ConsultationPage, ModerationMode


def consultation_in(consultation: ConsultationPage, language: str | None) -> ConsultationPage:
    """The live version of `consultation` in `language`, or `consultation` itself."""
    if language and consultation.locale.language_code != language:
        version = (
            ConsultationPage.objects.live()
            .public()
            .filter(translation_key=consultation.translation_key, locale__language_code=language)
            .first()
        )
        if version is not None:
            return version
    return consultation


def is_premoderated(comment: Comment) -> bool:
    """Consultations and communities choose; comments on topic proposals are post-moderated."""
    if comment.community_id is not None:
        return comment.community.moderation == ModerationMode.PRE
    return comment.consultation_id is not None and comment.consultation.moderation == ModerationMode.PRE


def _community_page(comment: Comment, language: str | None):
    return comment.community.page_in(language or settings.LANGUAGE_CODE)


def title(comment: Comment, language: str | None = None) -> str:
    if comment.community_id:
        page = _community_page(comment, language)
        return page.title if page is not None else comment.community.name
    if comment.consultation_id:
        return consultation_in(comment.consultation, language).title
    return comment.proposal.title if comment.proposal_id else ""


def full_url(comment: Comment, language: str | None = None) -> str:
    """The absolute address of the comment on its page, for e-mails."""
    language = language or settings.LANGUAGE_CODE
    if comment.community_id:
        page = _community_page(comment, language)
        return f"{page_url(page)}#comment-{comment.pk}" if page is not None else ""
    if comment.consultation_id:
        page = consultation_in(comment.consultation, language)
        return f"{page_url(page)}#comment-{comment.pk}"
    from community.topics.services import proposal_full_url

    url = proposal_full_url(comment.proposal, language) if comment.proposal_id else ""
    return f"{url}#comment-{comment.pk}" if url else ""


def path(comment: Comment, language: str | None = None) -> str:
    """The address of the comment on its page, relative to the site, for redirects."""
    if comment.community_id:
        page = _community_page(comment, language)
        return f"{page.url}#comment-{comment.pk}" if page is not None else "/"
    if comment.consultation_id:
        page = consultation_in(comment.consultation, language)
        return f"{page.url}#comment-{comment.pk}"
    from community.topics.services import index_page_for

    index = index_page_for(language or settings.LANGUAGE_CODE) if comment.proposal_id else None
    if index is None:
        return "/"
    return f"{index.proposal_url(comment.proposal_id)}#comment-{comment.pk}"
