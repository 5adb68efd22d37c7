"""Site search: the results page and the suggestions the header search box offers as one types."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext, ngettext
from django.views.decorators.http import require_GET

from cms import ratelimit
from cms.locales import active_locale
from search.results import clean_query, run_search
from search.suggest import suggestions

# Typing sends a request every 200 ms at most; this leaves room for fast typists, not for scrapers.
SUGGESTIONS_PER_MINUTE = 120
SUGGESTION_LIMIT = ratelimit.Limit("search-suggest", limit=SUGGESTIONS_PER_MINUTE, window=60)
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    outcome = run_search(request, request.GET.get("q", ""), request.GET.get("type"), request.GET.get("page"))
    # `search_query` fills the header's search box too.
    return TemplateResponse(request, "search/search.html", {"search": outcome, "search_query": outcome.query})


def _long_enough(query: str) -> bool:
    """Two characters, or one Chinese character (a word on its own)."""
    return len(query) >= 2 or bool(_HAN.search(query))


@require_GET
def suggest(request: HttpRequest) -> JsonResponse:
    """JSON for the header search box: {"results": [{"title", "url", "kind", "type"}], "status"}; the
    status sentence is what the box announces to screen reader users (translated and pluralised here)."""
    query = clean_query(request.GET.get("q", ""))
    decision = SUGGESTION_LIMIT.hit(request)
    if not decision:
        return decision.mark(
            JsonResponse(
                {"results": [], "status": gettext("Suggestions are paused for a minute. You can still search.")}
            )
        )
    items = suggestions(query, active_locale(), request) if _long_enough(query) else []
    if items:
        status = ngettext(
            "%(count)d suggestion. Use the up and down arrow keys to choose one.",
            "%(count)d suggestions. Use the up and down arrow keys to choose one.",
            len(items),
        ) % {"count": len(items)}
    else:
        status = gettext("No suggestions.") if _long_enough(query) else ""
    response = JsonResponse({"results": items, "status": status})
    patch_cache_control(response, private=True, max_age=60)
    return response
