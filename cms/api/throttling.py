"""Per-client rate limit of the partner API, counted by the site's limiter (cms.ratelimit)."""

from __future__ import annotations

from rest_framework.throttling import BaseThrottle

from cms.ratelimit import Limit

_PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


class PartnerRateThrottle(BaseThrottle):
    """At most `rate` requests per client address; over it, 429 with a Retry-After header.

    The rate lives here rather than in `REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]` so the API is
    configured in one place. The client is `cms.clients.client_address`, as for the site's forms:
    DRF's default identity trusts `X-Forwarded-For`, which any client can forge to reset its count.
    Counting is atomic (increment, then compare), unlike DRF's own throttles.
    """

    scope = "partner_api"
    rate = "120/minute"

    def limit(self) -> Limit:
        count, period = self.rate.split("/")
        return Limit(self.scope, limit=int(count), window=_PERIODS[period])

    def allow_request(self, request, view) -> bool:
        # The address is the client's, never the partner's account: partners do not log in.
        self.decision = self.limit().hit(request._request if hasattr(request, "_request") else request)
        return self.decision.allowed

    def wait(self) -> float | None:
        return self.decision.retry_after
