"""Readiness: can this web node serve? Each dependency is checked on its own (`/readyz`).

`/healthz` stays a liveness check (the process answers and reaches its database); a load balancer
takes a node out of rotation on `/readyz`, which answers 503 as soon as one of the database, the
shared cache, the task queue or the search backend is down, and says which in its JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import InterfaceError, OperationalError, connection
from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends

from cms.cache import ResilientRedisCache

logger = logging.getLogger("ipsp.health")


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"engine": connection.vendor}


def check_cache() -> dict:
    backend = caches["default"]
    if isinstance(backend, ResilientRedisCache) and not backend.ping():
        raise ConnectionError("Redis does not answer")
    return {"backend": type(backend).__name__}


def check_tasks() -> dict:
    """The queue's depth and the age of its oldest due task: a growing age means no worker runs."""
    backend = task_backends[DEFAULT_TASK_BACKEND_ALIAS]
    info = {"backend": type(backend).__name__}
    if type(backend).__module__.startswith("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        due = DBTaskResult.objects.ready().filter(backend_name=backend.alias)
        oldest = due.aggregate(oldest=Min("enqueued_at"))["oldest"]
        info["ready"] = due.count()
        info["oldest_ready_seconds"] = int((timezone.now() - oldest).total_seconds()) if oldest else 0
    return info


def check_search() -> dict:
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    info = {"backend": settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]}
    client = getattr(backend, "es", None)
    if client is not None and not client.ping():
        raise ConnectionError("Elasticsearch does not answer")
    if client is None:
        check_database()  # the database backend searches the database
    return info


CHECKS: dict[str, Callable[[], dict]] = {
    "database": check_database,
    "cache": check_cache,
    "tasks": check_tasks,
    "search": check_search,
}


def readiness() -> tuple[bool, dict]:
    """(all ready, {name: {"status": "ok"|"down", ...}})."""
    report = {}
    for name, check in CHECKS.items():
        try:
            report[name] = {"status": "ok", **check()}
        except Exception as error:  # whatever the failure, report it instead of failing the check
            logger.warning("Readiness: %s is down: %r", name, error)
            report[name] = {"status": "down", "error": type(error).__name__}
    return all(item["status"] == "ok" for item in report.values()), report


# --- Database outage ------------------------------------------------------------------------------

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After: a page that needs no database (no site settings, no menus)."""
    response = HttpResponse(render_to_string("503.html", request=None), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A lost database answers 503 with Retry-After instead of a 500: clients and crawlers come back,
    and monitoring counts an outage, not a bug. The error is still logged (once per request)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, DATABASE_ERRORS):
            logger.error("Database unavailable: %r", exception)
            return database_unavailable(request)
        return None
