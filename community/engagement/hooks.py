"""What practice pages show of the community: recognized voices on the practice's themes, how many
members are engaged, and the "I want to adapt this" / "I can help" form (the "adapted elsewhere"
reports join the same panel from community.adaptations.hooks).

The practices app knows nothing of the community: its page asks the `practice_page_context`
Wagtail hook for extra context and includes the template the hook names (imports flow one way).
"""

from __future__ import annotations

from django.utils.translation import get_language
from wagtail import hooks

from community.engagement import services
from community.engagement.forms import EngagementForm
from community.members import listing
from community.models import Engagement, EngagementKind

RECOGNIZED_VOICES_SHOWN = 6


@hooks.register("practice_page_context")
def practice_community_context(page, request, context: dict) -> dict:
    """Three queries for a visitor (four for a member): the page keeps its query budget."""
    # The page's themes, already loaded in its language, name the themes voices are recognized on.
    names = {theme.slug: theme.name for theme in context.get("themes", [])}
    voices = listing.recognized_voices_brief(list(names)).order_by("name", "pk")[:RECOGNIZED_VOICES_SHOWN]
    used = services.used_kinds(page, request.user)
    kinds = [kind for kind in EngagementKind.values if kind not in used]
    return {
        "community_panel_template": "community/engagement/practice_panel.html",
        "recognized_voices": listing.describe_brief(voices, get_language(), names) if names else [],
        "engaged_count": Engagement.objects.for_practice(page).member_count(),
        "engagement_used": [label for value, label in EngagementKind.choices if value in used],
        "engagement_form": EngagementForm(available_kinds=kinds) if kinds else None,
    }
