"""Readers ask for translations; translators see the demand (services for `cms.views` and the admin).

A visitor counts once per item and language: the vote is keyed by a hash of the client key
(`cms.clients`), the item's `translation_key` and the language, so no address is stored. Asking is
rate limited per client with the shared limiter (`cms.ratelimit`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from enum import Enum
from uuid import UUID

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import HttpRequest
from wagtail.models import Page

from cms import ratelimit
from cms.clients import client_key
from cms.models import TranslationRequest

SCOPE = "translation-request"
LIMIT = 30  # requests per client and hour, across items: a reader browsing a section, not a bot
WINDOW = 60 * 60
REQUEST_LIMIT = ratelimit.Limit(SCOPE, limit=LIMIT, window=WINDOW)


class Outcome(Enum):
    COUNTED = "counted"
    ALREADY = "already"
    LIMITED = "limited"


def visitor_key(request: HttpRequest, translation_key: UUID | str, language_code: str) -> str:
    return hashlib.sha256(f"{client_key(request)}:{translation_key}:{language_code}".encode()).hexdigest()


def ask(request: HttpRequest, page: Page) -> Outcome:
    """Count this visitor's request for `page` (a fallback) in the language of its locale."""
    if not REQUEST_LIMIT.hit(request):
        return Outcome.LIMITED
    language = page.locale.language_code
    try:
        with transaction.atomic():
            TranslationRequest.objects.create(
                translation_key=page.translation_key,
                language_code=language,
                visitor=visitor_key(request, page.translation_key, language),
            )
    except IntegrityError:
        REQUEST_LIMIT.undo(request)  # a repeated ask is not held against the reader
        return Outcome.ALREADY
    return Outcome.COUNTED


def demand(translation_keys: Iterable[UUID] | None = None) -> dict[tuple[UUID, str], int]:
    """{(translation_key, language code): number of readers who asked}, in one query."""
    queryset = TranslationRequest.objects.all()
    if translation_keys is not None:
        queryset = queryset.filter(translation_key__in=list(translation_keys))
    rows = queryset.values_list("translation_key", "language_code").annotate(n=Count("id")).order_by()
    return {(key, code): n for key, code, n in rows}
