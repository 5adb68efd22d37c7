"""The consultations of one language for its index page, with the number of comments on each."""

from __future__ import annotations

from django.db.models import Count
from django.utils import timezone

from community.models import Comment, ConsultationIndexPage, ConsultationPage


def consultations_of(index: ConsultationIndexPage) -> dict[str, list[ConsultationPage]]:
    """Open (closing soonest first), upcoming (opening soonest first) and closed (latest first),
    each with `comment_count`: visible comments across every language version (two queries)."""
    pages = list(ConsultationPage.objects.child_of(index).live().public().order_by("closes_at"))
    counts = dict(
        Comment.objects.visible()
        .filter(consultation__translation_key__in=[page.translation_key for page in pages])
        .order_by()
        .values_list("consultation__translation_key")
        .annotate(count=Count("pk"))
    )
    now = timezone.now()
    groups: dict[str, list[ConsultationPage]] = {"open": [], "upcoming": [], "closed": []}
    for page in pages:
        page.comment_count = counts.get(page.translation_key, 0)
        if page.is_open(now):
            groups["open"].append(page)
        elif page.is_closed(now):
            groups["closed"].insert(0, page)
        else:
            groups["upcoming"].append(page)
    groups["upcoming"].sort(key=lambda page: page.opens_at)
    return groups
