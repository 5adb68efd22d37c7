"""What operators see: one log line per request with a request id, the same id on the task lines it
caused, JSON logs with `LOG_FORMAT=json`, and Sentry with `SENTRY_DSN`.

The request id is the `X-Request-ID` header when a trusted proxy set it (`TRUSTED_PROXY_COUNT` > 0,
so nginx's `$request_id` flows through), otherwise a new one; it is returned in the response's
`X-Request-ID` and put on every log record made while the request runs (`request_id`). Tasks
enqueued during the request carry it to the worker (`cms.tasks`).
"""

from __future__ import annotations

import contextvars
import json
import logging
import re
import time
import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from cms.clients import client_address

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
REQUEST_ID_HEADER = "X-Request-ID"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
logger = logging.getLogger("ipsp.request")


def current_request_id() -> str | None:
    value = request_id_var.get()
    return None if value == "-" else value


def new_request_id() -> str:
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Puts the current request (or task) id on every record, as `request_id`."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and the request's fields."""

    FIELDS = ("method", "path", "status", "duration_ms", "client", "user_id")

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        entry.update({name: getattr(record, name) for name in self.FIELDS if hasattr(record, name)})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


JsonFormatter.converter = time.gmtime


def _incoming_request_id(request: HttpRequest) -> str | None:
    """A proxy's id is honoured only when proxies are trusted: a client cannot choose its own."""
    if not getattr(settings, "TRUSTED_PROXY_COUNT", 0):
        return None
    value = request.headers.get(REQUEST_ID_HEADER, "")
    return value if _VALID_ID.match(value) else None


class RequestLogMiddleware:
    """First in the chain: sets the request id, returns it, and logs one line when the response leaves."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = _incoming_request_id(request) or new_request_id()
        token = request_id_var.set(request_id)
        request.request_id = request_id
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            user = getattr(request, "user", None)
            logger.info(
                '%s "%s %s" %s %.0fms',
                client_address(request),
                request.method,
                request.get_full_path(),
                response.status_code,
                (time.monotonic() - started) * 1000,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                    "client": client_address(request),
                    # Set only once the user was loaded (never a lookup for the log's sake).
                    "user_id": user.pk if user is not None and getattr(request, "_cached_user", None) else None,
                },
            )
            return response
        finally:
            request_id_var.reset(token)


def logging_config(level: str, log_format: str) -> dict:
    """Django's LOGGING: plain lines (`LOG_FORMAT=text`) or JSON lines (`json`), with request ids."""
    formatter = (
        {"()": "cms.observability.JsonFormatter"}
        if log_format == "json"
        else {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "cms.observability.RequestIdFilter"}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "default", "filters": ["request_id"]},
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Background tasks and page actions are logged per item; keep them out of the console,
            # except the worker's own lines (start, failures) and ours.
            "django_tasks": {"level": "WARNING"},
            "django.tasks": {"level": "WARNING"},
            "django_tasks_db": {"level": "INFO"},
            "wagtail": {"level": "WARNING"},
            # One line per request is ours (ipsp.request); Django's duplicates it for 4xx/5xx.
            "django.request": {"level": "ERROR"},
            "django.server": {"level": "WARNING"},
        },
    }


def init_sentry(dsn: str | None, environment: str, release: str | None = None) -> bool:
    """Error reporting when `SENTRY_DSN` is set. No personal data: no IP, cookies, user or bodies."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        traces_sample_rate=0.0,
    )
    return True
