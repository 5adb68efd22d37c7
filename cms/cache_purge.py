"""What a change of content makes stale, and purging it: the page cache and the CDN.

One service for every receiver of `cms.signals`:

- `page_changed(page)` (published, unpublished, moved, deleted, translated): bumps the page cache's
  generation (`cms.page_cache.bump`, every language at once) and queues for the CDN every URL
  that shows the page (`urls_showing`): the page in every language where it appears (its
  translations and its fallback aliases, `cms.fallbacks`), the listings above it (its ancestors,
  in every language) with their feeds, every home page, the sitemap and the partner API's entries.
- `content_changed()` (a snippet, a setting, a review, a comment...): bumps the generation only;
  a CDN keeps such pages for at most `PAGE_CACHE_S_MAXAGE` seconds.

The generation is bumped at once (the next request of this process sees the change, tests too) and
again after the transaction commits, so a page rendered from the old rows by another request
during the transaction is not kept. The CDN purge (`wagtail.contrib.frontend_cache`, configured by
`WAGTAILFRONTENDCACHE` from the environment, `cms.settings.env.frontend_cache`) runs once per
transaction, after it commits, with the URLs of every change in it. Wagtail's own
`wagtail.contrib.frontend_cache` app is not installed: its receivers would purge the page alone.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.db import transaction
from django.urls import NoReverseMatch
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.models import Page, Site

from cms import page_cache
from cms.links import page_url

logger = logging.getLogger("ipsp.page_cache")

FEED_ROUTES = ("rss", "atom")
_pending = threading.local()


@contextmanager
def deferred() -> Iterator[None]:
    """Bulk writes (an import of thousands of pages): each change only notes that the cache is
    stale; the generation is bumped once when the block ends (and again after the commit, as
    `content_changed` does), not once per saved row. CDN purges are unaffected: they already run
    once per transaction."""
    if getattr(_pending, "deferred", None) is not None:  # nested: the outer block bumps
        yield
        return
    _pending.deferred = False
    try:
        yield
    finally:
        changed, _pending.deferred = _pending.deferred, None
        if changed:
            content_changed()


def content_changed() -> None:
    # Bumped even with the page cache off: the chrome's cached rows are stamped with it too.
    if getattr(_pending, "deferred", None) is not None:
        _pending.deferred = True
        return
    _bump()
    transaction.on_commit(_bump)


def page_changed(page: Page, *, old_urls: Iterable[str] = ()) -> None:
    """Call before a deletion (the page's URLs must still resolve) or after any other change."""
    content_changed()
    if not get_backends():
        return
    urls = getattr(_pending, "urls", None)
    if urls is None:
        urls = _pending.urls = set()
        transaction.on_commit(_purge_pending)
    urls.update(old_urls)
    urls.update(urls_showing(page))


def _bump() -> None:
    try:
        page_cache.bump()
    except OSError as error:  # the generation file could not be written: say so loudly
        logger.error("Page cache generation not bumped: %r", error)


def _purge_pending() -> None:
    urls = sorted(getattr(_pending, "urls", None) or ())
    _pending.urls = None
    if urls:
        purge_urls_from_cache(urls)


def urls_showing(page: Page) -> set[str]:
    """Absolute URLs of everything that shows `page`, in every language where it appears."""
    pages = list(
        Page.objects.filter(translation_key=page.translation_key, depth__gt=1)
        .exclude(pk=page.pk)
        .select_related("locale")
    )
    pages.append(page)
    urls: set[str] = set()
    ancestors: dict[int, Page] = {}
    for item in pages:
        urls.update(_page_urls(item))
        for ancestor in Page.objects.ancestor_of(item).filter(depth__gt=1):
            ancestors[ancestor.pk] = ancestor
    for home in Page.objects.filter(depth=2):
        ancestors[home.pk] = home
    for ancestor in ancestors.values():
        urls.update(_page_urls(ancestor))
        urls.update(_feed_urls(ancestor))
    root_urls = {site.root_url for site in Site.objects.all()}
    urls.update(f"{root}/sitemap.xml" for root in root_urls)
    urls.update(_api_urls([item for item in pages if item.alias_of_id is None], root_urls))
    return urls


def _page_urls(page: Page) -> set[str]:
    url = page_url(page)
    return {url} if url else set()


def _feed_urls(page: Page) -> set[str]:
    specific_class = page.specific_class
    if specific_class is None or not hasattr(specific_class, "reverse_subpage"):
        return set()
    url = page_url(page)
    if not url:
        return set()
    specific = page.specific_deferred
    found = set()
    for route in FEED_ROUTES:
        try:
            found.add(url + specific.reverse_subpage(route))
        except NoReverseMatch:
            continue
    return found


def _api_urls(pages: list[Page], root_urls: set[str]) -> set[str]:
    from cms.api.views import ENDPOINTS

    found = set()
    for page in pages:
        for viewset in ENDPOINTS:
            if issubclass(page.specific_class or Page, viewset.model):
                for root in root_urls:
                    found.add(f"{root}/api/v2/{viewset.endpoint_name}/")
                    found.add(f"{root}/api/v2/{viewset.endpoint_name}/{page.pk}/")
    return found


def moved_urls(page: Page, url_path_before: str, url_path_after: str) -> set[str]:
    """The URLs the page and its descendants had before a move."""
    found = set()
    for item in Page.objects.descendant_of(page, inclusive=True):
        url = page_url(item)
        if not url or not item.url_path.startswith(url_path_after):
            continue
        after = _below_home(item.url_path)
        before = _below_home(url_path_before + item.url_path[len(url_path_after) :])
        if url.endswith(after):
            found.add(url[: len(url) - len(after)] + before)
    return found


def _below_home(url_path: str) -> str:
    # url_path is "/<home slug>/a/b/"; a page's URL ends with what is below its home page.
    return "/" + url_path.strip("/").partition("/")[2] + "/" if url_path.strip("/").count("/") else "/"
