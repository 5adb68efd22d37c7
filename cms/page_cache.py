"""A page cache for anonymous readers, on Django's cache framework (`cms.cache` when `REDIS_URL` is set).

`PageCacheMiddleware` sits just inside WhiteNoise, before sessions, language, CSRF and
authentication, so a hit costs one cache read and no query. It serves and stores only what is the
same for every anonymous reader:

- requests: GET or HEAD, no session or messages cookie, no `Authorization` header, not under a
  path of `PAGE_CACHE_EXCLUDED_PATHS` (the admin, documents behind collection privacy, the API
  with its per-client throttling, the front-end login);
- responses: status 200 or 301, not streamed, no `Set-Cookie` (a new session, a CSRF cookie), no
  CSRF token read while rendering (a form), no message shown, no CSP nonce used, not a preview,
  no `Cache-Control: private/no-cache/no-store`, and `Vary` only on what the key holds
  (`Accept-Language`, `Cookie`: requests with a personal cookie never reach the cache).

The key is the host, the language Django resolves for the request (the URL prefix, else the
language cookie or `Accept-Language`, for the few URLs outside the language prefixes) and the
full path with its query string. Pages with a form that carries a CSRF token are therefore never cached
(a CSRF cookie or token is personal); the translation request form of fallback pages needs no
token for anonymous readers (`cms.views.ask_for_translation`), so fallback pages are cached.

Invalidation is a site-wide *generation*: every stored entry records the generation it was made
under, and `bump()` (any published, unpublished, moved, deleted or translated page, any change to
content a page shows; `cms.cache_purge`) makes every older entry a miss at once, in every language
and every process. The generation lives in the shared cache (Redis): read in the same round trip
as the entry. With a cache private to each process (LocMem, several gunicorn workers) it lives in
the modification time of a small file that every process of the machine reads (one `stat()`).
If the cache is down, reads are misses and pages render as usual (`cms.cache`). The generation is
bumped whether or not pages are stored: `read` and `write` stamp other entries with it too (the
site chrome's rows, the sites, a practice's panels: `remember`), which must never outlive a change
either.

Every anonymous GET response that could be stored also gets `Cache-Control: public, max-age,
s-maxage` (`PAGE_CACHE_MAX_AGE`, `PAGE_CACHE_S_MAXAGE`) and an `ETag`, so browsers and a CDN
revalidate with a `304 Not Modified` (`ConditionalGetMiddleware`, just outside this one); personal
responses get `Cache-Control: private`. `PAGE_CACHE_ENABLED` switches the storing (off in tests
but for `tests/cms/test_page_cache.py`); the headers are always set.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
import time
from collections.abc import Callable, Hashable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.functional import empty
from django.utils.translation import get_language_from_request

logger = logging.getLogger("ipsp.page_cache")
T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

GENERATION_KEY = "pagecache:generation"
STORED_STATUSES = {200, 301}
# Vary values the key already covers: the language, and cookies (personal ones bypass the cache).
KEYED_VARY = {"accept-language", "cookie"}
# Any of these cookies may change the page (a logged-in user, a message waiting to be shown).
PERSONAL_COOKIES = ("sessionid", "messages")
CACHE_CONTROL_BLOCKERS = re.compile(r"\b(private|no-cache|no-store|max-age=0)\b", re.IGNORECASE)


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", False)


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


# --- The generation ------------------------------------------------------------------------------


def _generation_file() -> Path:
    configured = getattr(settings, "PAGE_CACHE_GENERATION_FILE", None)
    if configured:
        return Path(configured)
    # One file per database, so two sites on one machine never share it.
    database = settings.DATABASES["default"]
    name = hashlib.sha256(f"{database.get('HOST')}:{database.get('PORT')}:{database.get('NAME')}".encode())
    return Path(tempfile.gettempdir()) / f"ipsp-page-cache-{name.hexdigest()[:16]}"


@cache
def _process_local() -> bool:
    """A cache that each process holds for itself: the generation must live elsewhere."""
    return isinstance(_cache(), LocMemCache)


def _file_generation() -> int:
    try:
        return os.stat(_generation_file()).st_mtime_ns
    except FileNotFoundError:
        return 0


def current_generation() -> int | None:
    if _process_local():
        return _file_generation()
    return _cache().get(GENERATION_KEY)


def bump() -> None:
    """Make every stored page a miss, in every process (a publish, a change to shown content)."""
    if _process_local():
        path = _generation_file()
        # Strictly later than the last bump even within one clock tick of the file system.
        stamp = max(time.time_ns(), _file_generation() + 1)
        path.touch(exist_ok=True)
        os.utime(path, ns=(stamp, stamp))
        return
    store = _cache()
    try:
        store.incr(GENERATION_KEY)
    except ValueError:  # missing (evicted, first bump) or the cache is down (CacheUnavailable)
        # A start in milliseconds is above any earlier value, so old entries never come back.
        store.set(GENERATION_KEY, time.time_ns() // 1_000_000, timeout=None)


def read(key: str) -> tuple[int | None, Any]:
    """The generation now, and what was stored under `key` if it was stored under that generation
    (else None): one round trip to a shared cache for both."""
    generation, found = read_many([key])
    return generation, found.get(key)


def read_many(keys: list[str]) -> tuple[int | None, dict[str, Any]]:
    """`read` for several keys in the same round trip: the generation now, and by key what was
    stored under that generation (keys without such an entry are left out)."""
    if _process_local():
        generation, found = _file_generation(), _cache().get_many(keys)
    else:
        found = _cache().get_many([GENERATION_KEY, *keys])
        generation = found.get(GENERATION_KEY)
    entries = ((key, found.get(key)) for key in keys)
    return generation, {key: entry[1] for key, entry in entries if entry is not None and entry[0] == generation}


def write(key: str, value: object, generation: int | None, timeout: int | None = None) -> None:
    """Store `value` as made under `generation` (what `read` answered before it was computed): a
    change during its computation leaves it stale at once."""
    _cache().set(key, (generation, value), timeout)


def remember(key: str, compute: Callable[[], T], timeout: int | None = None) -> T:
    """What `compute()` answers, kept in the cache until any content changes (stamped with the
    generation, `read`/`write`): data every reader sees, computed from published content only
    (never from the request's user), so that a page reads it from the database once per change.
    Without a timeout it lives as long as a stored page (`PAGE_CACHE_TIMEOUT`)."""
    generation, value = read(key)
    if value is None:
        value = compute()
        write(key, value, generation, settings.PAGE_CACHE_TIMEOUT if timeout is None else timeout)
    return value


def remember_each(
    keys: Mapping[K, str], compute: Callable[[list[K]], Mapping[K, T]], timeout: int | None = None
) -> dict[K, T]:
    """`remember` for many items at once: `keys` maps each item to its key; one round trip reads
    them all (and the generation, `read_many`), and the items missing are computed together
    (`compute(missing)` answers {item: value}) and stored each under its own key."""
    generation, found = read_many(list(keys.values()))
    values: dict[K, T] = {item: found[key] for item, key in keys.items() if key in found}
    missing = [item for item in keys if item not in values]
    if missing:
        computed = compute(missing)
        stored = {keys[item]: (generation, value) for item, value in computed.items()}
        _cache().set_many(stored, settings.PAGE_CACHE_TIMEOUT if timeout is None else timeout)
        values.update(computed)
    return values


# --- Requests and responses ------------------------------------------------------------------


def _excluded(path: str) -> bool:
    return any(path.startswith(prefix) for prefix in getattr(settings, "PAGE_CACHE_EXCLUDED_PATHS", ()))


def _personal_request(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    names = (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages"), *PERSONAL_COOKIES)
    return any(name in cookies for name in names) or "HTTP_AUTHORIZATION" in request.META


def cache_key(request: HttpRequest) -> str:
    language = get_language_from_request(request, check_path=True)
    url = f"{request.get_host()}|{language}|{request.get_full_path()}"
    return "pagecache:page:" + hashlib.sha256(url.encode()).hexdigest()


def _shows_messages(request: HttpRequest) -> bool:
    storage = getattr(request, "_messages", None)
    if storage is None:
        return False
    return bool(getattr(storage, "_queued_messages", None)) or bool(getattr(storage, "_loaded_data", None))


def _used_nonce(request: HttpRequest) -> bool:
    nonce = getattr(request, "csp_nonce", None)
    return nonce is not None and getattr(nonce, "_wrapped", empty) is not empty


def is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    """The response depends on who asks: it must never be stored or shared by a CDN."""
    return bool(
        response.cookies
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        or _shows_messages(request)
        or _used_nonce(request)
        or getattr(request, "is_preview", False)
        or (hasattr(request, "user") and getattr(request, "_cached_user", None) and request.user.is_authenticated)
    )


def _storable(request: HttpRequest, response: HttpResponse) -> bool:
    if response.status_code not in STORED_STATUSES or response.streaming:
        return False
    if CACHE_CONTROL_BLOCKERS.search(response.get("Cache-Control", "")):
        return False
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value.strip()}
    return vary <= KEYED_VARY and not is_personal(request, response)


def _freeze(response: HttpResponse) -> tuple:
    headers = [(name, value) for name, value in response.items() if name.lower() not in {"date"}]
    return (response.status_code, headers, response.content)


def _thaw(entry: tuple) -> HttpResponse:
    status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def _public_headers(response: HttpResponse) -> None:
    if "Cache-Control" not in response:
        patch_cache_control(
            response,
            public=True,
            max_age=getattr(settings, "PAGE_CACHE_MAX_AGE", 60),
            s_maxage=getattr(settings, "PAGE_CACHE_S_MAXAGE", 300),
        )
    if not response.has_header("ETag"):
        set_response_etag(response)


class PageCacheMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or _personal_request(request):
            response = self.get_response(request)
            if request.method in ("GET", "HEAD") and not response.streaming and is_personal(request, response):
                patch_cache_control(response, private=True)
            return response
        if not enabled() or _excluded(request.path):
            response = self.get_response(request)
            self._mark(request, response, store=False)
            return response

        key = cache_key(request)
        generation, entry = read(key)
        if entry is not None:
            return _thaw(entry)

        response = self.get_response(request)
        if self._mark(request, response, store=request.method == "GET"):
            response["X-Page-Cache"] = "miss"
            write(key, _freeze(response), generation, getattr(settings, "PAGE_CACHE_TIMEOUT", 600))
        return response

    @staticmethod
    def _mark(request: HttpRequest, response: HttpResponse, *, store: bool) -> bool:
        """Public headers on a shareable response (True: store it); `private` on a personal one."""
        if response.streaming:
            return False
        if _storable(request, response):
            _public_headers(response)
            return store
        if is_personal(request, response):
            patch_cache_control(response, private=True)
        return False
