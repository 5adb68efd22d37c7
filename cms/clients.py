"""Who is asking: the client's address, the same for rate limits, logs and the API.

Without a reverse proxy the client is `REMOTE_ADDR`. Behind proxies, `TRUSTED_PROXY_COUNT`
(from the environment) says how many of them append to `X-Forwarded-For`: the client is the
address the outermost trusted proxy saw, counted from the right. Entries further left are
whatever the client sent and are never trusted, so a forged header cannot change who it is.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if not proxies:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < proxies:
        # Fewer hops than proxies: the request did not come through all of them (or the header
        # was stripped); the connecting address is the only one known.
        return remote
    return forwarded[-proxies]


def client_key(request: HttpRequest) -> str:
    """A short, stable, non-reversible key for the client (no address is stored as is)."""
    return hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
