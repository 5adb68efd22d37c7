from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from cms.models.reviews import unreviewed_ids

RESULTS_PER_PAGE = 10


def search(request: HttpRequest) -> HttpResponse:
    """Site search in the visitor's language. Issue #8 grows this into the full search."""
    # Quotes break the SQLite backend's query parser (a 500); words are what matter here.
    query = request.GET.get("q", "").replace('"', " ").strip()[:200]
    results = Page.objects.none()
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        results = pages.exclude(id__in=unreviewed_ids(pages)).specific().search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": page})
