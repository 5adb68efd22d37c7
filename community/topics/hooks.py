"""What chapter and brief pages show of the topic proposals they answer.

The reports app knows nothing of the community: its chapter and brief pages ask the
`publication_page_context` Wagtail hook for extra context (imports flow one way).
"""

from __future__ import annotations

from wagtail import hooks

from community.topics import services


@hooks.register("publication_page_context")
def proposed_topics(page, request, context: dict) -> dict:
    return {"proposed_topics": services.proposals_behind(page)}
