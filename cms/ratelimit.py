"""A small per-client rate limit for public forms, kept in Django's cache (Redis in production).

Fixed windows: at most `limit` accepted submissions per `window` seconds per client address and
form. The client is `cms.clients.client_address` (REMOTE_ADDR, or the address behind
`TRUSTED_PROXY_COUNT` trusted proxies).
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest

from cms.clients import client_key


def _key(scope: str, request: HttpRequest) -> str:
    return f"ratelimit:{scope}:{client_key(request)}"


def is_limited(request: HttpRequest, scope: str, limit: int) -> bool:
    """True when this client has used up its `limit` for `scope` in the current window."""
    return (cache.get(_key(scope, request)) or 0) >= limit


def record(request: HttpRequest, scope: str, window: int) -> None:
    """Count one accepted submission for this client."""
    key = _key(scope, request)
    if cache.add(key, 1, timeout=window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
