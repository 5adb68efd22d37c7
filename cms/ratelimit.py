"""The site's one rate limiter and login lock-out, counted in Django's cache (Redis in production).

Every public form, every login, the password resets and the partner API go through here.

* `Limit`: at most `limit` actions per `window` seconds, per client address (`cms.clients`) and,
  when there is one, per account. Counting is atomic: the counter is incremented first
  (`cache.add` then `cache.incr`, both atomic on Redis and on the local-memory cache) and then
  compared, so parallel requests cannot all slip under the limit. A window opens with the first
  action, so the refusal can say exactly when it closes.
* `Lockout`: failed passwords lock the ACCOUNT, never the address (other people behind the same
  NAT can still log in): a few free attempts, then one attempt per delay that doubles with each
  further failure, up to a ceiling. The right password during a lock-out is refused too.
  `unlock(identifier)` (the `unlock_account` command) lifts it.

When the shared cache (Redis) is down, the choice is deliberate and logged: forms and the API
stay open (a count that cannot be kept lets the action through), logins close (`Lockout.begin`
refuses, since an attacker could otherwise guess without limit during the outage).

`RATE_LIMITS_ENABLED = False` in settings lifts every limit (the API fuzzing test uses it).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import logging
import math
import time
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.translation import ngettext

from cms.cache import cache_available
from cms.clients import client_key

logger = logging.getLogger(__name__)
# How long a refused login is told to wait while the cache is down.
CACHE_DOWN_RETRY = 30


def _enabled() -> bool:
    return getattr(settings, "RATE_LIMITS_ENABLED", True)


def account_key(identifier: object) -> str:
    """A short, stable, non-reversible key for an account (a user's pk, or a typed address)."""
    return hashlib.sha256(str(identifier).strip().lower().encode()).hexdigest()[:32]


def count(key: str, timeout: int) -> int:
    """Increment `key` and return its new value; atomic on caches with atomic add/incr."""
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=timeout)
        return 1


def retry_message(seconds: int) -> str:
    """'Please try again in N minutes/hours', in the active language."""
    minutes = max(1, math.ceil(seconds / 60))
    if minutes >= 120:
        hours = round(minutes / 60)
        return ngettext(
            "You have tried this too many times. Please try again in %(count)d hour.",
            "You have tried this too many times. Please try again in %(count)d hours.",
            hours,
        ) % {"count": hours}
    return ngettext(
        "You have tried this too many times. Please try again in %(count)d minute.",
        "You have tried this too many times. Please try again in %(count)d minutes.",
        minutes,
    ) % {"count": minutes}


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: int = 0  # seconds; 0 when allowed

    def __bool__(self) -> bool:
        return self.allowed

    @property
    def message(self) -> str:
        return "" if self.allowed else retry_message(self.retry_after)

    @property
    def retry_at(self) -> datetime.datetime | None:
        return None if self.allowed else timezone.now() + datetime.timedelta(seconds=self.retry_after)

    def mark(self, response: HttpResponse) -> HttpResponse:
        """A refused request answers 429 with a Retry-After header."""
        if not self.allowed:
            response.status_code = 429
            response["Retry-After"] = str(self.retry_after)
        return response


ALLOWED = Decision(True)


@dataclass(frozen=True)
class Limit:
    """At most `limit` actions per `window` seconds, per client address and per account."""

    scope: str
    limit: int
    window: int  # seconds

    def hit(self, request: HttpRequest, *, account: object = None) -> Decision:
        """Count one action and say whether it may go ahead (call it just before acting).

        `account` defaults to the logged-in user; pass an address typed in a form (a password
        reset) to limit per address as well.
        """
        if not _enabled():
            return ALLOWED
        now = time.time()
        keys = self._keys(request, account)
        # Every key is counted (no short-circuit): an account cannot dodge its count by switching
        # addresses, nor a bot by switching accounts.
        wait = 0.0
        for key in keys:
            # A window opens with the first action and lasts `window` seconds; its start is kept
            # beside the count so a refusal can say when it closes.
            cache.add(f"{key}:start", now, timeout=self.window)
            if count(key, self.window) > self.limit:
                start = cache.get(f"{key}:start") or now
                wait = max(wait, start + self.window - now, 1)
        return Decision(False, math.ceil(wait)) if wait else ALLOWED

    def undo(self, request: HttpRequest, *, account: object = None) -> None:
        """Give one counted action back (a login that succeeded is not held against its address)."""
        if not _enabled():
            return
        for key in self._keys(request, account):
            with contextlib.suppress(ValueError):  # expired meanwhile
                cache.decr(key)

    def _keys(self, request: HttpRequest, account: object) -> list[str]:
        keys = [f"ratelimit:{self.scope}:address:{client_key(request)}"]
        user = getattr(request, "user", None)
        if account is None and user is not None and user.is_authenticated:
            account = f"user:{user.pk}"
        if account is not None:
            keys.append(f"ratelimit:{self.scope}:account:{account_key(account)}")
        return keys


@dataclass(frozen=True)
class Lockout:
    """Failed passwords lock the account with a growing delay (see the module's docstring)."""

    scope: str
    free_attempts: int = 5
    first_delay: int = 60  # seconds, after the last free attempt fails
    max_delay: int = 3600
    memory: int = 24 * 3600  # failures are forgotten after a day without any

    def _keys(self, account: object) -> tuple[str, str]:
        key = account_key(account)
        return f"lockout:{self.scope}:{key}:failures", f"lockout:{self.scope}:{key}:until"

    def delay(self, failures: int) -> int:
        return min(self.first_delay << max(0, failures - self.free_attempts), self.max_delay)

    def _refused(self, until_key: str, now: float) -> Decision:
        until = float(cache.get(until_key) or now + 1)
        return Decision(False, max(1, math.ceil(until - now)))

    def begin(self, account: object) -> Decision:
        """Before checking a password: may this account be tried now?"""
        if not _enabled():
            return ALLOWED
        if not cache_available():
            logger.warning("Login refused for %s: the cache that counts failed attempts is down", self.scope)
            return Decision(False, CACHE_DOWN_RETRY)
        failures_key, until_key = self._keys(account)
        now = time.time()
        if (cache.get(until_key) or 0) > now:
            return self._refused(until_key, now)
        attempt = count(failures_key, self.memory)
        if attempt > self.free_attempts:
            # Past the free attempts, one attempt at a time takes the gate (cache.add is atomic),
            # so parallel guesses cannot all be tried.
            delay = self.delay(attempt)
            if not cache.add(until_key, now + delay, timeout=delay):
                return self._refused(until_key, now)
        return ALLOWED

    def failed(self, account: object) -> None:
        if not _enabled():
            return
        failures_key, until_key = self._keys(account)
        failures = cache.get(failures_key) or 0
        if failures >= self.free_attempts:
            delay = self.delay(failures)
            cache.set(until_key, time.time() + delay, timeout=delay)

    def succeeded(self, account: object) -> None:
        cache.delete_many(self._keys(account))

    def unlock(self, account: object) -> None:
        self.succeeded(account)


# Passwords are checked in one place for every login (cms.auth.LockoutBackend), keyed by account.
LOGIN_LOCKOUT = Lockout("login")
# Failed logins from one address, across accounts (counted on trying, given back on success):
# generous, so a whole office behind one NAT is not refused, but a password-spraying client is.
LOGIN_ADDRESS_LIMIT = Limit("login-address", limit=100, window=15 * 60)
PASSWORD_RESET_LIMIT = Limit("password-reset", limit=5, window=3600)


def refill(form_class: type[forms.Form], data: QueryDict, **kwargs: Any) -> forms.Form:
    """An unbound form showing what the visitor typed (never passwords, never the honeypot).

    Used when the rate limit stops a submission before (or instead of) validating it: the values are
    kept, and validation errors (which could tell whether an address is registered) are not shown.
    """
    form = form_class(**kwargs)
    initial: dict[str, Any] = {}
    for name, field in form.fields.items():
        if name == "homepage" or isinstance(field.widget, forms.PasswordInput) or isinstance(field, forms.FileField):
            continue
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            initial[name] = data.getlist(name)
        elif name in data:
            initial[name] = data.get(name)
    form.initial.update(initial)
    return form
