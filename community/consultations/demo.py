"""Demo content for consultations (called by community.demo): the index page in every language, an
open consultation on a draft chapter (four sections) and a closed one with its summary, both
translated through wagtail-localize, and comments from demo participants of every region.

Idempotent: pages, accounts and comments are created only when missing.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from cms.demo import SeedContext, TranslationCatalogue, ensure_index, load, publish, translate_missing
from community.models import Comment, CommentStatus, ConsultationIndexPage, ConsultationPage, ConsultationSection
from home.models import HomePage

catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")
content = load(__file__)


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def _consultation(index: ConsultationIndexPage, data: dict, context: SeedContext) -> ConsultationPage:
    page = ConsultationPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if page is not None:
        return page
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    page = ConsultationPage(
        title=data["title"],
        slug=data["slug"],
        search_description=data["search_description"],
        introduction=_paragraphs(data["introduction"]),
        question=data["question"],
        opens_at=now + datetime.timedelta(days=data["opens_days"]),
        closes_at=now + datetime.timedelta(days=data["closes_days"]),
        moderation=data["moderation"],
        summary=_paragraphs(*data.get("summary", [])),
        locale=index.locale,
    )
    page.sections = [
        ConsultationSection(
            heading=section["heading"], anchor=section["anchor"], body=_paragraphs(section["body"]), locale=index.locale
        )
        for section in data["sections"]
    ]
    index.add_child(instance=page)
    publish(page, context.admin)
    context.created += 1
    return page


def _commenters(context: SeedContext) -> dict:
    """The demo participants, by username (password: the demo password)."""
    User = get_user_model()
    existing = {user.username: user for user in User.objects.filter(username__startswith="commenter-")}
    for username, first_name, last_name, region, language in content["commenters"]:
        if username not in existing:
            existing[username] = User.objects.create(
                username=username,
                email=f"{username}@demo.ipsp.org",
                first_name=first_name,
                last_name=last_name,
                region=region,
                preferred_language=language,
                password=context.password(),
            )
    return existing


def _comments(page: ConsultationPage, items: list[dict], users: dict, moderator) -> None:
    """Each comment goes on the language version it is written in (the English one if not seeded)."""
    if Comment.objects.filter(consultation__translation_key=page.translation_key).exists():
        return
    versions = {version.locale.language_code: version for version in page.get_translations(inclusive=True)}
    created: dict[str, Comment] = {}
    for item in items:
        version = versions.get(item["language"], page)
        section = version.sections.filter(anchor=item["section"]).first() if item.get("section") else None
        author = users[item["author"]]
        status = item.get("status", CommentStatus.APPROVED)
        moment = page.opens_at + datetime.timedelta(days=item["days"], hours=len(created) % 9)
        comment = Comment.objects.create(
            consultation=version,
            section=section,
            parent=created.get(item.get("reply_to")),
            author=author,
            author_region=author.region,
            language=item["language"],
            body=item["body"],
            status=status,
            hidden_reason=item.get("reason", ""),
            moderated_by=moderator if status == CommentStatus.HIDDEN else None,
            moderated_at=moment + datetime.timedelta(hours=3) if status == CommentStatus.HIDDEN else None,
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=moment)
        created[item["key"]] = comment


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        context.log("No English home page; skipping consultations.")
        return
    index = ensure_index(home, ConsultationIndexPage, content["index"], context, show_in_menus=False)
    open_page = _consultation(index, content["open"], context)
    closed_page = _consultation(index, content["closed"], context)
    # An alias counts as translated here (unlike the default), as it always has for consultations.
    translate_missing(
        (index, open_page, closed_page),
        context,
        catalogue,
        translated=lambda page, locale: page.has_translation(locale),
    )
    users = _commenters(context)
    moderator = get_user_model().objects.filter(username="moderator").first()
    _comments(open_page, content["open_comments"], users, moderator)
    _comments(closed_page, content["closed_comments"], users, moderator)
