"""The active language's Wagtail locale, without a query per request (issue 17).

Wagtail's `Locale.get_active()` asks the database each time, though locales change about never;
`active_locale` answers the same from the cache, under the page cache's generation
(`cms.page_cache.remember`), so adding or removing a locale is seen by the next request.
"""

from __future__ import annotations

from django.utils.translation import get_language
from wagtail.models import Locale

from cms import page_cache


def active_locale() -> Locale:
    """What `Locale.get_active()` answers: the locale of the active language, else the default."""
    return page_cache.remember(f"locale:{get_language()}", Locale.get_active)
