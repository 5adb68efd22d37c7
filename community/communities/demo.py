"""Demo communities of practice (called by community.demo): the communities page and six
communities in every language (translated through wagtail-localize), their coordinators, members,
a request to join and a few messages. Members are the demo members (community.members.demo).

Idempotent: pages, communities, memberships and messages are created only when missing.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from cms.demo import SeedContext, TranslationCatalogue, ensure_index, load, publish, translate_missing
from community.communities.services import region_of, sector_of
from community.models import (
    Comment,
    Community,
    CommunityIndexPage,
    CommunityPage,
    CommunityState,
    Membership,
    MembershipStatus,
)
from home.models import HomePage

catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")
content = load(__file__)


def _community(index: CommunityIndexPage, data: dict, context: SeedContext) -> CommunityPage:
    page = CommunityPage.objects.child_of(index).filter(slug=data["slug"]).select_related("community").first()
    if page is not None:
        return page
    community = Community.objects.create(
        name=data["title"],
        description=data["introduction"],
        language=settings.LANGUAGE_CODE,
        theme_slug=data["theme"],
        region=data["region"],
        membership=data["membership"],
        moderation=data["moderation"],
        state=CommunityState.APPROVED,
        decided_by=context.admin,
        decided_at=timezone.now(),
    )
    page = CommunityPage(title=data["title"], slug=data["slug"], community=community, introduction=data["introduction"])
    page.locale = index.locale
    index.add_child(instance=page)
    publish(page, context.admin)
    context.created += 1
    return page


def _people(community: Community, data: dict, users: dict) -> None:
    if community.memberships.exists():
        return
    now = timezone.now()
    rows = []
    for number, username in enumerate([*data["coordinators"], *data["members"], *data["pending"]]):
        user = users.get(username)
        if user is None:
            continue
        pending = username in data["pending"]
        rows.append(
            Membership(
                community=community,
                user=user,
                status=MembershipStatus.PENDING if pending else MembershipStatus.ACTIVE,
                is_coordinator=username in data["coordinators"],
                region=region_of(user),
                sector=sector_of(user),
                admitted_at=None if pending else now - datetime.timedelta(days=40 - number),
            )
        )
    Membership.objects.bulk_create(rows)


def _messages(community: Community, items: list[dict], users: dict) -> None:
    if Comment.objects.filter(community=community).exists():
        return
    created: dict[str, Comment] = {}
    start = timezone.now() - datetime.timedelta(days=10)
    for item in items:
        author = users.get(item["author"])
        if author is None:
            continue
        comment = Comment.objects.create(
            community=community,
            parent=created.get(item.get("reply_to")),
            author=author,
            author_region=region_of(author),
            language=item["language"],
            body=item["body"],
            status=item.get("status", "approved"),
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=start + datetime.timedelta(days=item["days"]))
        created[item["key"]] = comment


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        context.log("No English home page; skipping communities of practice.")
        return
    index = ensure_index(home, CommunityIndexPage, content["index"], context, show_in_menus=False)
    pages = [_community(index, data, context) for data in content["communities"]]
    translate_missing((index, *pages), context, catalogue)
    usernames = {
        name for data in content["communities"] for key in ("coordinators", "members", "pending") for name in data[key]
    }
    usernames |= {item["author"] for data in content["communities"] for item in data["messages"]}
    users = {
        user.username: user
        for user in get_user_model().objects.filter(username__in=usernames).select_related("member_profile")
    }
    for page, data in zip(pages, content["communities"], strict=True):
        _people(page.community, data, users)
        _messages(page.community, data["messages"], users)
