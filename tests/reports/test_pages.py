"""Reports, chapters, briefs and toolkits as visitors see them, in several languages."""

import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents.models import Document
from wagtail.models import Locale

from cms.factories import PersonFactory, ThemeFactory
from reports.factories import ChapterContributorFactory, ChapterPageFactory
from reports.models import ChapterPage, PolicyBriefPage, ReportIndexPage, ReportPage, ToolkitPage

pytestmark = pytest.mark.django_db
REPORT = "/{lang}/reports/rethinking-society/"


@pytest.fixture
def report(locales):
    return ReportPage.objects.get(slug="rethinking-society", locale=locales["en"])


@pytest.mark.parametrize("lang", ["en", "fr", "ur", "zh-hans"])
def test_report_lists_its_three_volumes_and_22_chapters(client, lang):
    content = client.get(REPORT.format(lang=lang)).content.decode()
    assert content.count('<li value="') == 22
    assert content.count("<h3>") >= 3
    assert f'href="/{lang}/reports/rethinking-society/chapter-22/"' in content


def test_chapter_has_numbered_sections_with_stable_anchors_in_every_language(client):
    english = client.get(REPORT.format(lang="en") + "chapter-3/").content.decode()
    urdu = client.get(REPORT.format(lang="ur") + "chapter-3/").content.decode()
    for content in (english, urdu):
        assert '<section id="what-we-know"' in content
        assert '<a href="#what-can-be-done"><span class="toc__number">3.2</span>' in content
    assert 'dir="rtl"' in urdu


def test_chapter_carries_citation_meta_tags(client):
    content = client.get(REPORT.format(lang="fr") + "chapter-3/").content.decode()
    meta = dict(re.findall(r'<meta name="(citation_[a-z_]+|DC\.[a-z]+)" content="([^"]*)">', content))
    assert meta["citation_title"] == "Inégalités économiques et progrès social"
    assert meta["citation_inbook_title"].startswith("Repenser la société")
    assert meta["citation_publication_date"] == "2018"
    assert meta["citation_publisher"] == "Cambridge University Press"
    assert meta["citation_language"] == "fr"
    assert meta["DC.language"] == "fr"


def test_citation_files_download(client):
    bibtex = client.get(REPORT.format(lang="en") + "chapter-3/cite/bibtex/")
    assert bibtex.status_code == 200
    assert bibtex["Content-Disposition"] == 'attachment; filename="chapter-3.bib"'
    assert bibtex.content.decode().startswith("@incollection{ipsp2018ch3,")
    ris = client.get(REPORT.format(lang="ur") + "chapter-3/cite/ris/").content.decode()
    tags = [line[:2] for line in ris.split("\r\n") if line]
    assert tags[0] == "TY" and tags[-1] == "ER"
    assert "LA  - ur" in ris


def test_chapter_queries_do_not_grow_with_sections_and_authors(client, report):
    small = ChapterPageFactory(parent=report, slug="small", number=90, body=ChapterPageFactory.sections(1))
    large = ChapterPageFactory(parent=report, slug="large", number=91, body=ChapterPageFactory.sections(15))
    ChapterContributorFactory(page=small)
    for _ in range(10):
        ChapterContributorFactory(page=large)
    counts = []
    for chapter in (small, large):
        client.get(chapter.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(chapter.url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 25


def test_authors_are_listed_and_have_author_pages(client, report):
    chapter = ChapterPageFactory(parent=report, slug="authored", number=92)
    person = PersonFactory(name="Ravi Kanbur", sort_name="Kanbur, Ravi", slug="ravi-kanbur-test", locale=report.locale)
    ChapterContributorFactory(page=chapter, person=person, role="cla")
    content = client.get(chapter.url).content.decode()
    assert '<a href="/en/authors/ravi-kanbur-test/">Ravi Kanbur</a>' in content
    assert "Coordinating lead author" in content
    author_page = client.get("/en/authors/ravi-kanbur-test/").content.decode()
    assert chapter.title in author_page
    assert client.get("/en/authors/nobody/").status_code == 404


def test_brief_recommendations_have_anchors_and_link_supporting_chapters_in_the_readers_language(client):
    content = client.get("/fr/reports/reducing-inequality/").content.decode()
    assert content.count('class="recommendation"') == 4
    assert 'id="recommendation-r2"' in content
    assert 'href="/fr/reports/rethinking-society/chapter-6/"' in content


def test_recommendation_identifiers_are_not_offered_to_translators(locales):
    from wagtail_localize.models import StringSegment, TranslationSource

    brief = PolicyBriefPage.objects.get(slug="reducing-inequality", locale=locales["en"])
    source = TranslationSource.objects.get(
        object_id=brief.translation_key, specific_content_type__model="policybriefpage"
    )
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "R1" not in texts
    assert "Give workers a voice in the governance of the firms they work for." in texts


def test_recommendations_page_filters_by_audience_and_theme(client, locales):
    base = "/en/reports/recommendations/"
    assert client.get(base).content.decode().count('class="recommendation"') == 4
    international = client.get(base + "?audience=international").content.decode()
    assert international.count('class="recommendation"') == 1
    assert "Coordinate the taxation" in international
    education = client.get(base + "?theme=education").content.decode()
    assert education.count('class="recommendation"') == 1
    assert client.get(base + "?audience=business&theme=education").content.decode().count('class="recommendation"') == 0
    arabic = client.get("/ar/reports/recommendations/?audience=national").content.decode()
    assert arabic.count('class="recommendation"') == 3


def test_downloads_offer_the_visitors_language_first(client, report):
    english = Locale.objects.get(language_code="en")
    documents = {}
    for code in ("en", "fr"):
        documents[code] = Document.objects.create(
            title=f"Summary {code}", file=ContentFile(b"%PDF-1.4 test", name=f"summary-{code}.pdf")
        )
    chapter = ChapterPageFactory(
        parent=report,
        slug="with-downloads",
        number=93,
        locale=english,
        downloads=[
            ("download", {"document": documents["en"], "language": "en", "label": "Summary (English)"}),
            ("download", {"document": documents["fr"], "language": "fr", "label": "Résumé (français)"}),
        ],
    )
    content = client.get(chapter.url).content.decode()
    assert content.index("Summary (English)") < content.index("Résumé (français)")
    assert "PDF · 13" in content
    with_fr_first = ChapterPage.objects.get(pk=chapter.pk).downloads_for_visitor
    from django.utils import translation

    with translation.override("fr"):
        assert [item["language"] for item in with_fr_first()] == ["fr", "en"]
    with translation.override("ar"):
        files = with_fr_first()
        assert [item["language"] for item in files] == ["en", "fr"]
        assert not files[0]["is_visitor_language"]


def test_toolkit_and_index_render(client):
    assert client.get("/bn/reports/local-inequality-audit/").status_code == 200
    index = client.get("/en/reports/").content.decode()
    assert "Rethinking Society for the 21st Century" in index
    assert "Reducing inequality" in index
    assert ReportIndexPage.objects.count() == 10
    assert ToolkitPage.objects.count() == 10


def test_unpublished_chapter_is_not_listed(client, report):
    ChapterPageFactory(parent=report, slug="draft-chapter", number=94, title="Secret draft chapter", live=False)
    assert "Secret draft chapter" not in client.get(REPORT.format(lang="en")).content.decode()
    assert client.get(REPORT.format(lang="en") + "draft-chapter/").status_code == 404


def test_themes_are_translated_snippets(locales):
    theme = ThemeFactory(locale=locales["en"])
    assert theme.pk
    from cms.models import Theme

    assert Theme.objects.filter(slug="inequality").count() == 10
