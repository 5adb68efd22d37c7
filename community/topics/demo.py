"""Demo content for topics (called by community.demo): the proposals page in every seeded language,
twelve proposals in nine languages at every stage of the choice, and supporters from all five regions.

The supporter accounts ("supporter-1" … "supporter-24") are this seeder's own, so it does not
depend on the members demo. Records are written directly (not through the services) so seeding
sends no e-mail; a proposal that already exists (same title) is left as it is.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from cms.demo import SeedContext, TranslationCatalogue, ensure_index, load, translate_missing
from cms.models import Theme
from community.models import (
    Comment,
    CommentStatus,
    TopicProposal,
    TopicProposalIndexPage,
    TopicStateChange,
    TopicSupport,
)
from home.models import HomePage

catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")
content = load(__file__)


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        context.log("No English home page; skipping topic proposals.")
        return
    index = seed_index(context, home, english)
    translate_missing(
        [index],
        context,
        catalogue,
        # Only where a home page exists to hold it; an alias counts as translated, as it always has.
        translated=lambda page, locale: (
            page.has_translation(locale) or not HomePage.objects.filter(locale=locale).exists()
        ),
    )
    seed_proposals(context)
    seed_result(context)


def seed_index(context: SeedContext, home: HomePage, english: Locale) -> TopicProposalIndexPage:
    return ensure_index(home, TopicProposalIndexPage, content["index"], context)


def seed_supporters(context: SeedContext) -> dict[int, object]:
    User = get_user_model()
    existing = {user.username: user for user in User.objects.filter(username__startswith="supporter-")}
    users = {}
    for number, first_name, last_name, region, language in content["supporters"]:
        username = f"supporter-{number}"
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
            context.created += 1
        users[number] = existing[username]
    return users


@transaction.atomic
def seed_proposals(context: SeedContext) -> None:
    users = seed_supporters(context)
    themes: dict[tuple[str, str], Theme] = {
        (theme.locale.language_code, theme.slug): theme for theme in Theme.objects.select_related("locale")
    }
    existing = set(TopicProposal.objects.values_list("title", flat=True))
    now = timezone.now()
    for number, data in enumerate(content["proposals"]):
        if data["title"] in existing:
            continue
        proposal = _create_proposal(data, users, themes, now)
        for proposal_number, author_number, text in content["comments"]:
            if proposal_number == number:
                author = users[author_number]
                Comment.objects.create(
                    proposal=proposal,
                    author=author,
                    author_region=author.region,
                    language=author.preferred_language,  # the demo comments are written in it
                    body=text,
                    status=CommentStatus.APPROVED,
                )
        context.created += 1


def _create_proposal(data: dict, users: dict, themes: dict, now: datetime.datetime) -> TopicProposal:
    proposer = users[data["proposer"]]
    created_at = now - datetime.timedelta(days=data["days_ago"])
    proposal = TopicProposal.objects.create(
        title=data["title"],
        kind=data["kind"],
        description=data["description"],
        language=data["language"],
        proposer=proposer,
        proposer_region=proposer.region,
    )
    proposal.themes.set(
        [
            themes.get((data["language"], slug)) or themes[(settings.LANGUAGE_CODE, slug)]
            for slug in data["themes"]
            if (data["language"], slug) in themes or (settings.LANGUAGE_CODE, slug) in themes
        ]
    )
    TopicSupport.objects.bulk_create(
        TopicSupport(proposal=proposal, user=users[number], region=users[number].region)
        for number in data["supporters"]
    )
    state, reason, changed_at = "submitted", "", None
    for step, (to_state, step_reason) in enumerate(data["history"], start=1):
        changed_at = created_at + datetime.timedelta(days=step * data["days_ago"] / (len(data["history"]) + 1))
        change = TopicStateChange.objects.create(
            proposal=proposal, from_state=state, to_state=to_state, reason=step_reason
        )
        TopicStateChange.objects.filter(pk=change.pk).update(changed_at=changed_at)
        state, reason = to_state, step_reason
    TopicProposal.objects.filter(pk=proposal.pk).update(
        created_at=created_at,
        state=state,
        state_reason=reason,
        state_changed_at=changed_at,
        support_count=len(data["supporters"]),
    )
    return proposal


# The selected proposal on unpaid care work became the chapter on families (where care is discussed).
SELECTED_TITLE_START = "ग्रामीण महिलाओं के अवैतनिक देखभाल"
RESULT_CHAPTER_TITLE = "Pluralization of Families"


def seed_result(context: SeedContext) -> None:
    """Link the selected proposal to the chapter it became, unless an editor already linked it."""
    from reports.models import ChapterPage

    proposal = TopicProposal.objects.filter(title__startswith=SELECTED_TITLE_START, became__isnull=True).first()
    chapter = ChapterPage.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, title=RESULT_CHAPTER_TITLE
    ).first()
    if proposal is not None and chapter is not None and proposal.state == "selected":
        proposal.became = chapter
        proposal.save(update_fields=["became"])
        context.created += 1
