"""A sliding-window rate limit per participant AND per client address, for community actions.

`cms.ratelimit` counts in fixed windows and cannot say when the window reopens; a participant
refused here is told when they may try again, so this keeps the times of the accepted actions
in Django's cache (Redis in production). Both keys must have room: a participant cannot dodge
the limit by changing address, nor a bot by opening new accounts. Used by topic proposals and
supports (community.topics.limits) and by comments (community.comments.services).
"""

from __future__ import annotations

import datetime
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from cms.clients import client_key


@dataclass(frozen=True)
class Limit:
    scope: str
    limit: int
    window: int  # seconds

    def _keys(self, request: HttpRequest) -> list[str]:
        keys = [f"community-limit:{self.scope}:address:{client_key(request)}"]
        if request.user.is_authenticated:
            keys.append(f"community-limit:{self.scope}:user:{request.user.pk}")
        return keys

    def _recent(self, key: str, now: float) -> list[float]:
        return [moment for moment in cache.get(key, []) if moment > now - self.window]

    def retry_after(self, request: HttpRequest) -> int:
        """Seconds until this participant and address may act again; 0 when they may now."""
        now = time.time()
        wait = 0.0
        for key in self._keys(request):
            recent = self._recent(key, now)
            if len(recent) >= self.limit:
                # The oldest accepted action leaving the window frees one place.
                wait = max(wait, sorted(recent)[-self.limit] + self.window - now)
        return max(int(wait) + 1, 1) if wait > 0 else 0

    def retry_at(self, request: HttpRequest) -> datetime.datetime | None:
        seconds = self.retry_after(request)
        return timezone.now() + datetime.timedelta(seconds=seconds) if seconds else None

    def record(self, request: HttpRequest) -> None:
        now = time.time()
        for key in self._keys(request):
            cache.set(key, [*self._recent(key, now), now], timeout=self.window)
