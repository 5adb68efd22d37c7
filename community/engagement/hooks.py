"""What practice pages show of the community: recognized voices on the practice's themes, how many
members are engaged, and the "I want to adapt this" / "I can help" form (the "adapted elsewhere"
reports join the same panel from community.adaptations.hooks).

The practices app knows nothing of the community: its page asks the `practice_page_content` Wagtail
hook for what every reader sees (cached with the page's shared context, so it must not read the
visitor) and `practice_page_context` for what this visitor may do, and includes the template the
hook names (imports flow one way).
"""

from __future__ import annotations

from django.utils.translation import get_language
from wagtail import hooks

from community.engagement import services
from community.engagement.forms import EngagementForm
from community.members import listing
from community.models import Engagement, EngagementKind

RECOGNIZED_VOICES_SHOWN = 6


@hooks.register("practice_page_content")
def practice_community_content(page, shared: dict) -> dict:
    """What every reader sees (two queries, kept with the page's shared context)."""
    # The page's themes, already loaded in its language, name the themes voices are recognized on.
    names = {theme.slug: theme.name for theme in shared.get("themes", [])}
    voices = listing.recognized_voices_brief(list(names)).order_by("name", "pk")[:RECOGNIZED_VOICES_SHOWN]
    return {
        "community_panel_template": "community/engagement/practice_panel.html",
        "recognized_voices": listing.describe_brief(voices, get_language(), names) if names else [],
        "engaged_count": Engagement.objects.for_practice(page).member_count(),
    }


@hooks.register("practice_page_context")
def practice_community_context(page, request, context: dict) -> dict:
    """What this visitor may do: no query for a visitor, one for a member."""
    used = services.used_kinds(page, request.user)
    kinds = [kind for kind in EngagementKind.values if kind not in used]
    return {
        "engagement_used": [label for value, label in EngagementKind.choices if value in used],
        "engagement_form": EngagementForm(available_kinds=kinds) if kinds else None,
    }
