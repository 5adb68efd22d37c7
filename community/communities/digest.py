"""The monthly digest of a community's activity, e-mailed to its members in their language.

`manage.py send_community_digests` (run monthly by the scheduler, see the README) calls
`send_all()`: for each approved community with something new since its last digest (new members,
published messages), each active member gets one e-mail through the task worker
(cms.notifications), with the community's page in their language. A community with nothing
new sends nothing; `last_digest_at` moves on either way, so running twice sends nothing twice.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.utils import timezone, translation
from django.utils.text import Truncator

from cms.links import page_url
from cms.notifications import notify
from community.communities.services import language_of
from community.models import Comment, CommentStatus, Community, CommunityState, Membership, MembershipStatus

PERIOD = datetime.timedelta(days=31)
EXCERPTS = 5


def send(community: Community, *, now: datetime.datetime | None = None) -> int:
    """Queue the digest of `community` for its members; returns the number of recipients."""
    now = now or timezone.now()
    since = community.last_digest_at or now - PERIOD
    messages = list(
        Comment.objects.filter(community=community, status=CommentStatus.APPROVED, created_at__gte=since)
        .select_related("author__member_profile")
        .order_by("-created_at")
    )
    members = Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE)
    new_members = members.filter(admitted_at__gte=since).count()
    community.last_digest_at = now
    community.save(update_fields=["last_digest_at"])
    if not messages and not new_members:
        return 0
    by_language: dict[str, list[str]] = defaultdict(list)
    for membership in members.select_related("user").filter(user__is_active=True).exclude(user__email=""):
        by_language[language_of(membership.user)].append(membership.user.email)
    excerpts = [
        {"author": message.author_display, "excerpt": Truncator(message.body).words(30), "language": message.language}
        for message in messages[:EXCERPTS]
    ]
    for language, addresses in by_language.items():
        page = community.page_in(language)
        with translation.override(language):
            context = {
                "name": page.title if page is not None else community.name,
                "url": page_url(page) if page is not None else "",
                "message_count": len(messages),
                "new_members": new_members,
                "excerpts": excerpts,
            }
        notify("community/email/communities/digest", addresses, context, language=language)
    return sum(len(addresses) for addresses in by_language.values())


def send_all(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """(communities with a digest sent, recipients)."""
    sent = recipients = 0
    for community in Community.objects.filter(state=CommunityState.APPROVED).order_by("pk"):
        count = send(community, now=now)
        if count:
            sent, recipients = sent + 1, recipients + count
    return sent, recipients
