"""Telling translators that pages have arrived for their language.

When pages are submitted for translation (wagtail-localize creates a `Translation` per page and
language), each translator of that language gets one e-mail per transaction, in their admin
language, with the count by section and how many readers asked for those pages
(`cms.translation_requests`). The dashboard panel lists the same for the last `RECENT_DAYS`.
"""

from __future__ import annotations

import datetime
import threading
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from cms import roles, translation_requests
from cms.links import absolute_url
from cms.notifications import notify
from cms.pause import Pause

RECENT_DAYS = 14


@dataclass
class Arrival:
    section: str
    count: int
    requests: int


def arrivals(translations) -> dict[str, list[Arrival]]:
    """{language code: the pages of `translations` counted by section of the site, with readers' requests}."""
    pairs = list(translations.values_list("source__object_id", "target_locale__language_code"))
    if not pairs:
        return {}
    source_locale = Locale.get_default()
    pages = {
        page.translation_key: page
        for page in Page.objects.filter(locale=source_locale, translation_key__in={key for key, _code in pairs}).only(
            "id", "path", "depth", "title", "translation_key"
        )
    }
    sections = {
        page.path: page.title for page in Page.objects.filter(locale=source_locale, depth=3).only("id", "title", "path")
    }
    demand = translation_requests.demand(pages)
    counted: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for key, code in pairs:
        page = pages.get(key)
        if page is None:
            continue  # a snippet: translators see it in their snippet listing
        section = sections.get(page.path[:12], page.title)
        counted[code][section][0] += 1
        counted[code][section][1] += demand.get((key, code), 0)
    return {
        code: [Arrival(section, count, requests) for section, (count, requests) in sorted(by_section.items())]
        for code, by_section in counted.items()
    }


def recent_arrivals(language_codes: list[str]) -> dict[str, list[Arrival]]:
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    return arrivals(
        Translation.objects.filter(enabled=True, created_at__gte=since, target_locale__language_code__in=language_codes)
    )


def admin_language(user) -> str:
    return UserProfile.get_for_user(user).get_preferred_language()


def notify_translators(translation_ids: list[int]) -> None:
    """One e-mail per translator of each language that received pages, in the translator's admin language."""
    by_language = arrivals(Translation.objects.filter(pk__in=translation_ids, enabled=True))
    dashboard = absolute_url(reverse("wagtailadmin_home"))
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    for code, sections in by_language.items():
        context = {
            # The language's own name, as on the dashboard: "বাংলা" to a Bengali translator in any admin language.
            "language_name": dict(settings.LANGUAGES)[code],
            "total": sum(item.count for item in sections),
            "sections": [
                {"section": item.section, "count": item.count, "requests": item.requests} for item in sections
            ],
            "dashboard_url": dashboard,
        }
        for user in users.filter(groups__name=roles.translators_group_name(code)).distinct():
            notify("cms/email/translations_arrived", [user.email], context, language=admin_language(user))


_pending = threading.local()
_pause = Pause()
paused = _pause.paused  # tell no translator about the translations created meanwhile (seeding the demo)


def _flush() -> None:
    ids, _pending.ids = getattr(_pending, "ids", []), []
    if ids:
        notify_translators(ids)


def translation_created(translation_id: int) -> None:
    """Collect the translations a transaction creates (a subtree gives many) into one message per
    translator, sent once the transaction commits."""
    if _pause.is_paused():
        return
    connection = transaction.get_connection()
    scheduled = any(callback is _flush for _sids, callback, _robust in connection.run_on_commit)
    if not scheduled:
        _pending.ids = []  # what a rolled-back transaction collected is dropped with it
    _pending.ids.append(translation_id)
    if not scheduled:
        transaction.on_commit(_flush)
