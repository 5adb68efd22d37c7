import copy
import hashlib
import sys

from django.conf import settings
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail import views as wagtail_views
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, PageViewRestriction, Site

from cms import health, page_cache, translation_requests

ROUTE_TIMEOUT = 3600  # seconds a path's routing rows are kept at most (any content change drops them first)


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


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's `serve`, routed with fewer queries (issue 17): Wagtail reads the site, the active
    locale, the site root's translation in it and that home page's specific row before the home
    page routes the rest; here the home page in the active language is one query, routed from its
    generic row when its type has no routes of its own (`cms.models.pages.route_below`). The
    result goes where Wagtail keeps it for the request, so `wagtail.views.serve` (its hooks, view
    restrictions, `on_serve_page`) and every later `Page.route_for_request` use it."""
    if not hasattr(request, "_wagtail_route_for_request"):
        request._wagtail_route_for_request = route(request, path)
    return wagtail_views.serve(request, path)


def _route_rows(root: Page, language: str | None, components: list[str]) -> list[Page]:
    """The home page in the active language and the pages with the path's slugs at their depths, in
    the active language or under the site root (the two trees the path may be routed in), in one
    query; `route` keeps the right tree's."""
    home_rows = Q(depth=root.depth, translation_key=root.translation_key, locale__language_code=language)
    level_rows = Q(depth__gt=root.depth, depth__lte=root.depth + len(components), slug__in=set(components)) & (
        Q(locale__language_code=language) | Q(path__startswith=root.path)
    )
    # With the tree's root, so whether any page on the path has a view restriction is known too
    # (an alias's are read from the page it shows, as in `BasePage.get_view_restrictions`).
    restricted = Exists(PageViewRestriction.objects.filter(page_id=Coalesce(OuterRef("alias_of_id"), OuterRef("pk"))))
    condition = Q(depth=1) | home_rows | (level_rows if components else Q(pk__in=[]))
    return list(Page.objects.filter(condition).annotate(restricted=restricted).order_by("path"))


def route(request: HttpRequest, path: str):
    """What `Page.route_for_request` answers: (page, args, kwargs), or None for a 404."""
    from cms.models.pages import remember_route, route_below, routed_specific, routes_like_a_base_page

    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    components = [component for component in path.split("/") if component]
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = None
    # The rows a path is routed with, and the specific pages it was routed through, are kept until
    # any content changes, once the path led to a page (a mistyped or probing URL stores nothing):
    # a warm request routes without a query.
    key = "routing:" + hashlib.sha256(f"{site.pk}|{language}|{'/'.join(components)}".encode()).hexdigest()
    generation, entry = page_cache.read(key)
    read = entry is None
    if read:
        rows = _route_rows(root, language, components)
        kept = [copy.copy(row) for row in rows]  # as read: routing marks the rows it walks
        request._ipsp_specific_pages = {}  # filled with the specific pages routing reads
    else:
        rows, request._ipsp_specific_pages = entry
    home = next((row for row in rows if row.depth == root.depth and row.translation_key == root.translation_key), None)
    site_root = root
    if home is not None and home.live:  # `Page.localized`: a draft translation is not shown
        root = home
    if components:
        # Under the site root every page with the path's slugs was read, so a slug missing there is
        # a 404; elsewhere only the active language's were: a page in another locale (moved there)
        # is looked for by `route_child` before concluding.
        remember_route(
            request,
            root,
            components,
            [row for row in rows if row.path.startswith(root.path)],
            misses_known=root.pk == site_root.pk,
        )
    try:
        if components and routes_like_a_base_page(root.specific_class, components):
            result = route_below(root, request, components)
        else:
            result = routed_specific(root, request).route(request, components)
    except Http404:
        return None
    if read:
        page_cache.write(key, (kept, request._ipsp_specific_pages), generation, ROUTE_TIMEOUT)
    # The pages on the path, from the tree's root down to the page found, as read here: the view
    # restrictions (none on any of them) and the breadcrumbs need no query of their own.
    page = result[0]
    by_path = {row.path: row for row in rows}
    on_path = [by_path.get(page.path[:end]) for end in range(page.steplen, len(page.path) + 1, page.steplen)]
    if all(row is not None for row in on_path):
        request._ipsp_path_pages = on_path
        if not any(row.restricted for row in on_path):
            page._ipsp_unrestricted = True
    return result
