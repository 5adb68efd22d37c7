"""Comment bodies are plain text: escaped, paragraphs and line breaks kept, addresses made into links.

Links written by participants carry rel="nofollow ugc noopener": search engines give them no
weight (spam gains nothing) and the opened page cannot reach back into ours.
"""

from __future__ import annotations

from django.utils.html import Urlizer, linebreaks
from django.utils.safestring import SafeString, mark_safe

# Long addresses are shortened in the link text (the link itself is complete).
LINK_TEXT_LIMIT = 60


class _UserContentUrlizer(Urlizer):
    url_template = '<a href="{href}" rel="nofollow ugc noopener"{attrs}>{url}</a>'


_urlize = _UserContentUrlizer()


def render_body(text: str) -> SafeString:
    """The HTML of a comment body: everything escaped, then links and paragraphs added."""
    linked = _urlize(text or "", trim_url_limit=LINK_TEXT_LIMIT, nofollow=False, autoescape=True)
    return mark_safe(linebreaks(linked, autoescape=False))  # noqa: S308 - escaped by the urlizer above
