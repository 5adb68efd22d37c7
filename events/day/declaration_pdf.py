"""The declaration of a World Social Progress Day as a PDF, in the page's language.

Rendered from `events/day/declaration_pdf.html` by the project's one PDF maker, `cms.pdf` (fonts
for every script, right to left where the language is, nothing fetched while rendering).

A public declaration is generated on first request and kept in Django's cache (and, with object
storage, privately in the bucket), keyed by the page and its last publication, so republishing
refreshes it. It is never stored as a Wagtail document:
documents are served at /documents/<id>/<name> whatever the page's status, which would let an
embargoed declaration out before its go-live time.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation

from cms.links import page_url
from cms.pdf import font_stack, html_to_pdf, text_direction
from events.day.services import ZonedTime

LAYOUT_VERSION = 1  # bump when the template changes, so cached PDFs are regenerated
CACHE_SECONDS = 30 * 24 * 3600


def pdf_filename(day, embargoed: bool = False) -> str:
    """declaration-2026-ar.pdf (declaration-2027-en-embargoed.pdf in the press room)."""
    suffix = "-embargoed" if embargoed else ""
    return f"declaration-{day.start_date.year}-{day.locale.language_code}{suffix}.pdf"


def render_declaration_pdf(day, embargo: datetime.datetime | None = None) -> bytes:
    """The PDF of `day` (a page, or a revision's version of it) in its own language."""
    language = day.locale.language_code
    with translation.override(language):
        html = render_to_string(
            "events/day/declaration_pdf.html",
            {
                "day": day,
                "language": language,
                "direction": text_direction(language),
                "font_stack": font_stack(language),
                "addressee_sections": day.addressee_sections(),
                "embargo_local": ZonedTime(embargo, day.time_zone) if embargo else None,
                "embargo_utc": ZonedTime(embargo, "UTC") if embargo else None,
                "page_url": page_url(day) if embargo is None else "",
            },
        )
        return html_to_pdf(html)


def cache_key(day) -> str:
    """One entry per page and publication: publishing again makes a new PDF."""
    published = day.last_published_at.timestamp() if day.last_published_at else 0
    return f"day-declaration-pdf:v{LAYOUT_VERSION}:{day.pk}:{published}"


def storage_name(day) -> str:
    return "declarations/" + cache_key(day).replace(":", "-") + ".pdf"


def cached_declaration_pdf(day) -> bytes:
    """The live page's PDF, generated once per publication. With object storage
    (`AWS_STORAGE_BUCKET_NAME`) it is also kept there, privately, so every web node (and a cache
    that was emptied or is down) shares one copy; it is only ever served through the page's view."""
    key = cache_key(day)
    pdf = cache.get(key)
    if pdf is None:
        shared = bool(getattr(settings, "OBJECT_STORAGE", None))
        if shared and default_storage.exists(storage_name(day)):
            with default_storage.open(storage_name(day), "rb") as stored:
                pdf = stored.read()
        else:
            pdf = render_declaration_pdf(day)
            if shared:
                default_storage.save(storage_name(day), ContentFile(pdf))
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf
