"""PDFs of reports and chapters in every language: made from the page, stored per revision and
language, made again when the page is published."""

import io
import unicodedata

import pytest
from django.core.files.storage import default_storage
from pypdf import PdfReader

from reports import pdf
from reports.models import ChapterPage, ReportPage

pytestmark = pytest.mark.django_db
REPORT = "/{lang}/reports/rethinking-society/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def pdf_text_and_fonts(content: bytes) -> tuple[str, set[str]]:
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return unicodedata.normalize("NFKC", text), fonts


@pytest.mark.parametrize(
    ("language", "font", "word"),
    [
        ("en", "NotoSans", None),
        ("ar", "NotoNaskhArabic", None),
        ("zh-hans", "NotoSansCJK", None),
        # pypdf cannot map every Nastaliq ligature or Devanagari vowel sign back to its letters:
        # for these the test reads a word it does map, and checks the script's font is embedded.
        ("hi", "NotoSansDevanagari", "सारांश"),
        ("ur", "NotoNastaliqUrdu", "باب"),
    ],
)
def test_chapter_pdf_in_the_chapters_language_carries_its_text_in_the_scripts_font(client, language, font, word):
    response = client.get(REPORT.format(lang=language) + "chapter-3/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'inline; filename="chapter-3-{language}.pdf"'
    text, fonts = pdf_text_and_fonts(response.content)
    chapter = ChapterPage.objects.get(slug="chapter-3", locale__language_code=language)
    assert (word or chapter.title) in text
    assert any(name.replace("-", "").startswith(font) for name in fonts), fonts


def test_report_pdf_lists_the_chapters(client):
    response = client.get(REPORT.format(lang="fr") + "pdf/")
    text, _fonts = pdf_text_and_fonts(response.content)
    report = ReportPage.objects.get(slug="rethinking-society", locale__language_code="fr")
    assert report.title.split()[0] in text
    assert ChapterPage.objects.get(slug="chapter-22", locale__language_code="fr").title.split()[0] in text


def test_pdf_is_stored_once_per_revision_and_language_then_served_from_storage(client, media):
    chapter = ChapterPage.objects.get(slug="chapter-3", locale__language_code="en")
    name = pdf.storage_name(chapter)
    assert name == f"reports/pdf/v{pdf.LAYOUT_VERSION}/{chapter.pk}-r{chapter.live_revision_id}-en.pdf"
    assert not default_storage.exists(name)
    first = client.get(chapter.url + "pdf/").content
    assert default_storage.exists(name)
    # Served from storage: what is stored is what the reader gets.
    with default_storage.open(name, "wb") as stored:
        stored.write(b"%PDF-stored")
    assert client.get(chapter.url + "pdf/").content == b"%PDF-stored"
    assert first.startswith(b"%PDF")


def test_publishing_a_chapter_makes_the_pdf_of_its_new_revision(settings, django_capture_on_commit_callbacks, media):
    settings.REPORTS_PDF_ON_PUBLISH = True
    chapter = ChapterPage.objects.get(slug="chapter-3", locale__language_code="ar")
    chapter.summary = "ملخص جديد"
    with django_capture_on_commit_callbacks(execute=True):
        chapter.save_revision().publish()
    chapter.refresh_from_db()
    name = pdf.storage_name(chapter)
    assert default_storage.exists(name)
    with default_storage.open(name, "rb") as stored:
        text, _fonts = pdf_text_and_fonts(stored.read())
    assert "ملخص جديد" in text
    # The report's PDF, which lists its chapters, is made again too.
    report = ReportPage.objects.get(slug="rethinking-society", locale__language_code="ar")
    assert default_storage.exists(pdf.storage_name(report))


def test_a_new_revisions_pdf_replaces_the_earlier_ones(client, media):
    chapter = ChapterPage.objects.get(slug="chapter-4", locale__language_code="hi")
    first = pdf.storage_name(chapter)
    client.get(chapter.url + "pdf/")
    chapter.save_revision().publish()
    chapter.refresh_from_db()
    client.get(chapter.url + "pdf/")
    assert default_storage.exists(pdf.storage_name(chapter))
    assert not default_storage.exists(first)


def test_draft_and_unpublished_pages_have_no_pdf(client):
    chapter = ChapterPage.objects.get(slug="chapter-5", locale__language_code="en")
    chapter.unpublish()
    assert client.get(REPORT.format(lang="en") + "chapter-5/pdf/").status_code == 404
