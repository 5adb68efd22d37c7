import sys

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from cms import health, translation_requests


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    """Readiness for load balancers: each dependency separately, 503 when one is down (cms.health)."""
    ready, report = health.readiness()
    return JsonResponse({"status": "ok" if ready else "unavailable", "checks": report}, status=200 if ready else 503)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A missing page; if the same page exists in other languages, say so and link to them.

    Slugs are shared across languages, so /ar/reports/x/ missing while /en/reports/x/ exists means
    the page is not translated into Arabic yet.
    """
    return render(request, "404.html", {"other_languages": _same_page_in_other_languages(request)}, status=404)


def _same_page_in_other_languages(request: HttpRequest) -> list[dict]:
    language = get_language()
    prefix = f"/{language}/"
    if not request.path.startswith(prefix):
        return []
    rest = request.path[len(prefix) :]
    homes = Page.objects.live().filter(depth=2).only("url_path")
    candidates = [f"{home.url_path}{rest}" for home in homes]
    names = dict(settings.LANGUAGES)
    pages = (
        Page.objects.live()
        .public()
        .filter(url_path__in=candidates)
        .exclude(locale__language_code=language)
        .select_related("locale")
    )
    found = []
    for page in pages:
        url = page.get_url(request=request)
        if url:
            found.append({"url": url, "code": page.locale.language_code, "name": names.get(page.locale.language_code)})
    return sorted(found, key=lambda item: list(names).index(item["code"]))


def server_error(request: HttpRequest) -> HttpResponse:
    # A database lost inside a middleware (before the view) reaches this handler, not the middleware's
    # process_exception: it is an outage too.
    if isinstance(sys.exc_info()[1], health.DATABASE_ERRORS):
        return health.database_unavailable(request)
    return render(request, "500.html", status=500)


@csrf_exempt
@require_POST
def ask_for_translation(request: HttpRequest) -> HttpResponse:
    """A reader of a fallback page asks for it in their language; back to the page, which says so.

    Anonymous readers send no CSRF token, so fallback pages stay in the page cache (`cms.page_cache`):
    a forged request could only count the victim's address once per item (the vote is keyed by the
    client, not by an account, and rate limited), which anyone can do directly. A logged-in reader's
    request is checked as usual.
    """
    if request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda request: None).process_view(request, lambda request: None, (), {})
        if refused is not None:
            return refused
    page_id = request.POST.get("page", "")
    page = (
        Page.objects.live()
        .public()
        .filter(pk=int(page_id) if page_id.isdigit() else 0, alias_of__isnull=False)
        .filter(locale__language_code=get_language())
        .select_related("locale")
        .first()
    )
    if page is None:
        raise Http404
    outcome = translation_requests.ask(request, page)
    url = page.get_url(request=request)
    return HttpResponseRedirect(f"{url}?translation={outcome.value}#translation-notice")
