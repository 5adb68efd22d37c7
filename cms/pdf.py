"""HTML to PDF with WeasyPrint, right for every script of the site: the one way this project makes PDFs.

Pango and HarfBuzz shape the text, so Arabic and Urdu run right to left with joined letters and
Devanagari and Bengali conjuncts are formed. WeasyPrint needs Pango on the machine (Debian:
`libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0`).

Fonts are the full Noto families installed on the machine (Debian `fonts-noto-core`,
`fonts-noto-cjk`), found by name through fontconfig, in the order of the table of `cms.fonts`
(which `cms/css/fonts.css` agrees with). The site's self-hosted woff2 files are web subsets: in a
PDF their glyphs map back to the wrong letters, so copy, search and screen readers would read nonsense.

Nothing is fetched while rendering: whatever an editor types (a link, an image address) never
makes the server open a URL. Pass inline content (SVG, data: URIs) instead.
"""

from __future__ import annotations

from django.utils.translation import get_language_bidi, override

from cms import fonts


def font_stack(language: str) -> str:
    """A CSS font-family value for `language`, covering every script of the site (`cms.fonts`)."""
    return ", ".join([*(f'"{name}"' for name in fonts.families(language)), "sans-serif"])


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
