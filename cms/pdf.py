"""HTML to PDF with WeasyPrint, right for every script of the site: the one way this project makes PDFs.

Pango and HarfBuzz shape the text, so Arabic and Urdu run right to left with joined letters and
Devanagari and Bengali conjuncts are formed. WeasyPrint needs Pango on the machine (Debian:
`libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0`).

Fonts are the full Noto families installed on the machine (Debian `fonts-noto-core`,
`fonts-noto-cjk`), found by name through fontconfig, in the order of the site's stacks
(`cms/css/fonts.css`). The site's self-hosted woff2 files are web subsets: in a PDF their glyphs
map back to the wrong letters, so copy, search and screen readers would read nonsense.

Nothing is fetched while rendering: whatever an editor types (a link, an image address) never
makes the server open a URL. Pass inline content (SVG, data: URIs) instead.
"""

from __future__ import annotations

from django.utils.translation import get_language_bidi, override

# The body font per language, then every script's Noto family as a fallback (a Bengali name quoted
# in an Arabic text still shows).
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


def font_stack(language: str) -> str:
    """A CSS font-family value for `language`, covering every script of the site."""
    names = dict.fromkeys([*FONT_STACKS.get(language, []), *FALLBACK_FONTS])
    return ", ".join(name if name == "sans-serif" else f'"{name}"' for name in names)


def text_direction(language: str) -> str:
    with override(language):
        return "rtl" if get_language_bidi() else "ltr"


def _url_fetcher():
    from weasyprint.urls import URLFetcher

    class NoFetching(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            raise ValueError(f"Not fetched while rendering a PDF: {url}")

    return NoFetching()


def html_to_pdf(html: str) -> bytes:
    """The PDF of a complete HTML document (its <html lang dir> and its own <style>)."""
    import weasyprint

    return weasyprint.HTML(string=html, url_fetcher=_url_fetcher()).write_pdf()
