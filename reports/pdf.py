"""PDFs of reports and chapters, in the page's language, made from the page's own content.

Made by `cms.pdf` (WeasyPrint with the Noto fonts of every script). Each PDF is stored once in
default storage under the page, its live revision and its language, so publishing again (a new
revision) makes a new file: the `page_published` receiver (`reports.signals`) queues
`reports.tasks.generate_pdf`, and the download route makes the file on demand if the task has not
run yet. Only the live revision is ever rendered, so a draft never leaks into a PDF.
"""

from __future__ import annotations

from functools import cache

from django.contrib.staticfiles import finders
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation

from cms import pdf
from cms.links import page_url

LAYOUT_VERSION = 1  # bump when the templates change, so stored PDFs are made again


def storage_name(page) -> str:
    """reports/pdf/v1/<page id>-r<live revision id>-<language>.pdf"""
    language = page.locale.language_code
    return f"reports/pdf/v{LAYOUT_VERSION}/{page.pk}-r{page.live_revision_id or 0}-{language}.pdf"


def filename(page) -> str:
    """What the reader's browser saves: chapter-3-ar.pdf, rethinking-society-en.pdf."""
    return f"{page.slug}-{page.locale.language_code}.pdf"


@cache
def tokens_css() -> str:
    """The site's design tokens, so the PDF uses the same colours as the page."""
    path = finders.find("cms/css/tokens.css")
    if not isinstance(path, str):
        raise ImproperlyConfigured("cms/css/tokens.css is missing from the static files")
    with open(path, encoding="utf-8") as tokens:
        return tokens.read()


def render(page) -> bytes:
    """The PDF of `page` (a ReportPage or ChapterPage, as published) in its own language."""
    language = page.locale.language_code
    with translation.override(language):
        context = {
            "page": page,
            "language": language,
            "direction": pdf.text_direction(language),
            "font_stack": pdf.font_stack(language),
            "page_url": page_url(page),
            "tokens_css": tokens_css(),
            **page.pdf_context(),
        }
        return pdf.html_to_pdf(render_to_string(page.pdf_template, context))


def stored_pdf(page) -> bytes:
    """The stored PDF of the page's live revision, made and stored now if missing."""
    name = storage_name(page)
    if default_storage.exists(name):
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    return generate(page)


def generate(page) -> bytes:
    """Make and store the PDF of the page's live revision (again, if a report's chapters changed),
    and remove the PDFs of its earlier revisions in this language."""
    content = render(page)
    name = storage_name(page)
    if default_storage.exists(name):
        default_storage.delete(name)
    default_storage.save(name, ContentFile(content))
    folder, _slash, current = name.rpartition("/")
    language = page.locale.language_code
    try:
        _folders, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        files = []
    for file in files:
        if file != current and file.startswith(f"{page.pk}-r") and file.endswith(f"-{language}.pdf"):
            default_storage.delete(f"{folder}/{file}")
    return content
