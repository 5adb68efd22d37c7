"""The declaration of a World Social Progress Day as a PDF, in the page's language.

Rendered by WeasyPrint from `events/day/declaration_pdf.html`: Pango and HarfBuzz shape the text,
so Arabic and Urdu run right to left with joined letters, and Devanagari and Bengali conjuncts and
vowel signs are formed. WeasyPrint needs Pango on the machine (Debian: `libpango-1.0-0
libpangoft2-1.0-0 libharfbuzz-subset0`).

Fonts are the Noto families installed on the machine (Debian `fonts-noto-core`, `fonts-noto-cjk`),
found by name through fontconfig, in the same order as the site's stacks (`cms/css/fonts.css`).
The site's self-hosted woff2 files are web subsets: in a PDF their glyphs map back to the wrong
letters (copying "للتقدم" gives "للتتدم"), so text search, copy and screen readers would read
nonsense; the full Debian fonts map back correctly.

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
from events.day.services import ZonedTime

LAYOUT_VERSION = 1  # bump when the template changes, so cached PDFs are regenerated
CACHE_SECONDS = 30 * 24 * 3600

# The body font per language, then every script's Noto family as a fallback (a Bengali name quoted
# in an Arabic declaration still shows).
FONT_STACKS = {
    "ar": ["Noto Naskh Arabic"],
    "ur": ["Noto Nastaliq Urdu", "Noto Naskh Arabic"],
    "hi": ["Noto Sans Devanagari"],
    "bn": ["Noto Sans Bengali"],
    "zh-hans": ["Noto Sans CJK SC"],
}
FALLBACK_FONTS = [
    "Noto Sans",
    "Noto Naskh Arabic",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans CJK SC",
    "sans-serif",
]
RTL_LANGUAGES = {"ar", "ur", "fa", "he"}


def font_stack(language: str) -> str:
    names = dict.fromkeys([*FONT_STACKS.get(language, []), *FALLBACK_FONTS])
    return ", ".join(name if name == "sans-serif" else f'"{name}"' for name in names)


def _url_fetcher():
    """Fetches nothing: whatever an editor types (a link, an address) never makes the server open a URL."""
    from weasyprint.urls import URLFetcher

    class NoFetching(URLFetcher):
        def fetch(self, url, headers=None):
            raise ValueError(f"Not fetched while rendering a declaration: {url}")

    return NoFetching()


def pdf_filename(day, embargoed: bool = False) -> str:
    """declaration-2026-ar.pdf (declaration-2027-en-embargoed.pdf in the press room)."""
    suffix = "-embargoed" if embargoed else ""
    return f"declaration-{day.start_date.year}-{day.locale.language_code}{suffix}.pdf"


def render_declaration_pdf(day, embargo: datetime.datetime | None = None) -> bytes:
    """The PDF of `day` (a page, or a revision's version of it) in its own language."""
    import weasyprint  # heavy (Pango, HarfBuzz): loaded only when a PDF is made

    language = day.locale.language_code
    with translation.override(language):
        html = render_to_string(
            "events/day/declaration_pdf.html",
            {
                "day": day,
                "language": language,
                "direction": "rtl" if language.split("-")[0] in RTL_LANGUAGES else "ltr",
                "font_stack": font_stack(language),
                "addressee_sections": day.addressee_sections(),
                "embargo_local": ZonedTime(embargo, day.time_zone) if embargo else None,
                "embargo_utc": ZonedTime(embargo, "UTC") if embargo else None,
                "page_url": page_url(day) if embargo is None else "",
            },
        )
        document = weasyprint.HTML(string=html, url_fetcher=_url_fetcher())
        return document.write_pdf()


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
