"""Absolute URLs: one function, one setting.

Every address that leaves the site with its host in it (e-mails, citations, feeds, the partner
API, the sitemap, iCalendar files, social cards and share links) is built here from
`settings.WAGTAILADMIN_BASE_URL`, never from the Site's hostname (`localhost` in a fresh
database) or the request's Host header (whatever a proxy or a client sent).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def base_url() -> str:
    """The public scheme and host, without a trailing slash: `https://ipsp.org`."""
    return (settings.WAGTAILADMIN_BASE_URL or "").rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (`/en/practices/`) on the public host. An address that is already absolute (an image
    in object storage) is returned as it is; an empty path gives an empty string."""
    if not path:
        return ""
    if urlsplit(path).scheme:
        return path
    return f"{base_url()}/{path.lstrip('/')}"


def page_url(page, request=None) -> str:
    """The page's public address (with its language prefix), or "" for a page outside every site.
    `request` only lends Wagtail its per-request cache of site roots; it never gives the host."""
    parts = page.get_url_parts(request)
    if parts is None:
        return ""
    _site_id, _root_url, page_path = parts
    return absolute_url(page_path)
