"""A Redis cache that degrades instead of taking pages down (`REDIS_URL`).

Every caller of Django's cache (template fragments, Wagtail's renditions behind the social card and
every image, the API's throttling, search suggestions, the form limits) goes through
`ResilientRedisCache`. When Redis does not answer, a read is a miss, a write is dropped, `add()`
answers True (as if stored) and `incr()` raises `CacheUnavailable`, a `ValueError` like the one
of a missing key, which existing callers already handle. Pages are then computed as if nothing
were cached. The first failure is logged as a warning (then at most one line every
`LOG_EVERY` seconds per process), and for `RETRY_AFTER` seconds the cache is not even asked, so
a dead Redis costs each request nothing after the first timeout.

Callers that must not fail open (a login limiter that would rather refuse than let unlimited
guesses through) ask first: `cache_available()` is False while Redis is down, and
`CacheUnavailable` is what `incr()` raises.
"""

from __future__ import annotations

import functools
import logging
import time

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger("ipsp.cache")

RETRY_AFTER = 5.0  # seconds without asking Redis after a failure
LOG_EVERY = 60.0  # seconds between two warnings of the same process


class CacheUnavailable(ValueError):
    """The shared cache did not answer; raised by `incr()`/`decr()` of a degraded cache."""


def _degrading(fail_open_value=None, *, raises: bool = False):
    """Wrap a cache method: on a Redis error, remember the outage and answer `fail_open_value`
    (for `get()`, the caller's default)."""

    def decorator(method):
        def answer(args, kwargs):
            if method.__name__ == "get":
                return args[1] if len(args) > 1 else kwargs.get("default")
            return fail_open_value

        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self.is_down():
                if raises:
                    raise CacheUnavailable("the cache is unavailable")
                return answer(args, kwargs)
            try:
                return method(self, *args, **kwargs)
            except self.redis_errors as error:
                self.mark_down(error)
                if raises:
                    raise CacheUnavailable("the cache is unavailable") from error
                return answer(args, kwargs)

        return wrapper

    return decorator


class ResilientRedisCache(RedisCache):
    """Django's Redis cache with short socket timeouts and the degraded mode described above."""

    def __init__(self, server, params):
        options = params.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 0.5)
        super().__init__(server, params)
        self._down_until = 0.0
        self._logged_at = -LOG_EVERY

    @functools.cached_property
    def redis_errors(self) -> tuple[type[BaseException], ...]:
        import redis

        return (redis.exceptions.RedisError, OSError)

    def is_down(self) -> bool:
        return time.monotonic() < self._down_until

    def mark_down(self, error: BaseException) -> None:
        now = time.monotonic()
        self._down_until = now + RETRY_AFTER
        if now - self._logged_at >= LOG_EVERY:
            self._logged_at = now
            logger.warning("Cache unavailable, pages are computed without it: %r", error)

    def ping(self) -> bool:
        """Ask Redis now (whatever the recent failures), for readiness checks."""
        try:
            self._cache.get_client(write=False).ping()
        except self.redis_errors as error:
            self.mark_down(error)
            return False
        self._down_until = 0.0
        return True

    get = _degrading()(RedisCache.get)  # the caller's default: a miss
    get_many = _degrading(fail_open_value={})(RedisCache.get_many)
    has_key = _degrading(fail_open_value=False)(RedisCache.has_key)
    set = _degrading()(RedisCache.set)
    set_many = _degrading(fail_open_value=[])(RedisCache.set_many)
    add = _degrading(fail_open_value=True)(RedisCache.add)
    touch = _degrading(fail_open_value=False)(RedisCache.touch)
    delete = _degrading(fail_open_value=False)(RedisCache.delete)
    delete_many = _degrading()(RedisCache.delete_many)
    clear = _degrading(fail_open_value=False)(RedisCache.clear)
    incr = _degrading(raises=True)(RedisCache.incr)


def cache_available(alias: str = "default") -> bool:
    """False while the shared cache is down. A cache without a degraded mode (the in-memory one of
    `make run` and the tests) is always available."""
    cache = caches[alias]
    if isinstance(cache, ResilientRedisCache):
        return not cache.is_down() and cache.ping()
    return True
