"""Per-client rate limit of the partner API, counted in Django's cache (Redis in production)."""

from __future__ import annotations

from rest_framework.throttling import SimpleRateThrottle

from cms.clients import client_key


class PartnerRateThrottle(SimpleRateThrottle):
    """At most `rate` requests per client address; over it, 429 with a Retry-After header.

    The rate lives here rather than in `REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]` so the API is
    configured in one place. The client is `cms.clients.client_address`, as for the site's forms:
    DRF's default identity trusts `X-Forwarded-For`, which any client can forge to reset its count.
    """

    scope = "partner_api"
    rate = "120/minute"

    def get_cache_key(self, request, view) -> str:
        return self.cache_format % {"scope": self.scope, "ident": client_key(request)}
