"""The demo's flagship report reads as a summary of the real one: each of the 22 chapters has its own
summary, key messages and a reference to the chapter it summarises (with its coordinating lead
authors where the demo names them), chapter 1 carries World Bank figures on extreme poverty as key
figures and an accessible chart, and all of it is translated; the text is data (demo_content.json)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from wagtail.models import Locale

from cms.demo import SeedContext
from reports import demo
from reports.models import ChapterPage

REPORT = "/{lang}/reports/rethinking-society/"
TRANSLATIONS = Path(demo.__file__).parent / "demo_translations"
LANGUAGES = ["zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"]


def section_text(content: str, anchor: str) -> str:
    section = re.search(rf'<section id="{anchor}".*?</section>', content, re.S).group(0)
    return html.unescape(re.search(r'<div class="rich-text"><p>(.*?)</p></div>', section, re.S).group(1))


def test_the_demo_text_is_data_with_a_translation_of_every_chapter_text_in_every_language():
    content = demo.content
    chapters = content["chapters"]
    assert [chapter["number"] for chapter in chapters] == list(range(1, 23))
    texts = [
        text
        for chapter in chapters
        for text in (chapter["summary"], *chapter["sections"].values(), *chapter["key_messages"], chapter["reference"])
    ]
    assert len(set(texts)) == len(texts)  # no text shared between chapters: each summary is its own
    for language in LANGUAGES:
        catalogue = json.loads((TRANSLATIONS / f"{language}.json").read_text("utf-8"))
        missing = [text for text in texts if not catalogue.get(text)]
        assert missing == [], language
        for chapter in chapters:
            # The book's title stays as published, in italics, in every language's reference.
            assert "<i>Rethinking Society for the 21st Century" in catalogue[chapter["reference"]]
            assert chapter["title"] in catalogue[chapter["reference"]]


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar", "zh-hans", "ur"])
def test_every_chapter_has_its_own_summary_key_messages_and_reference(client, lang):
    seen = set()
    for number in range(1, 23):
        content = client.get(REPORT.format(lang=lang) + f"chapter-{number}/").content.decode()
        what, done = section_text(content, "what-we-know"), section_text(content, "what-can-be-done")
        messages = re.search(r'<section id="key-messages".*?</section>', content, re.S).group(0).count("<li>")
        assert messages == 2
        references = re.search(r'<ul class="references">(.*?)</ul>', content, re.S).group(1)
        assert references.count("<li>") == 1
        assert "(2018)" in references and "Cambridge University Press" in references
        assert (
            "<i>Rethinking Society for the 21st Century: Report of the International Panel on Social Progress</i>"
            in (references)
        )
        assert what not in seen and done not in seen
        seen |= {what, done}
    assert len(seen) == 44


@pytest.mark.django_db
def test_translated_chapters_carry_the_translated_summary(client):
    english = section_text(client.get(REPORT.format(lang="en") + "chapter-3/").content.decode(), "what-we-know")
    for lang in LANGUAGES:
        catalogue = json.loads((TRANSLATIONS / f"{lang}.json").read_text("utf-8"))
        content = client.get(REPORT.format(lang=lang) + "chapter-3/").content.decode()
        assert section_text(content, "what-we-know") == catalogue[english], lang


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lang", "role"), [("en", "Coordinating lead author"), ("fr", "Auteur coordonnateur principal")]
)
def test_chapters_name_their_coordinating_lead_authors_and_cite_them(client, lang, role):
    content = client.get(REPORT.format(lang=lang) + "chapter-9/").content.decode()
    byline = re.search(r'<dl class="byline">.*?</dl>', content, re.S).group(0)
    assert f"<dt>{role}</dt>" in byline
    assert f'<a href="/{lang}/authors/donatella-della-porta/">Donatella della Porta</a>' in byline
    assert "(Scuola Normale Superiore)" in byline and ">Michael Keating</a>" in byline
    meta = re.findall(r'<meta name="citation_author" content="([^"]*)">', content)
    assert meta == ["della Porta, Donatella", "Keating, Michael"]
    assert "della Porta, D., &amp; Keating, M. (2018)." in content  # APA
    reference = re.search(r'<ul class="references">(.*?)</ul>', content, re.S).group(1)
    assert "Donatella della Porta" in reference and "Michael Keating" in reference
    # A chapter whose coordinating lead authors the demo does not name has no byline at all.
    assert '<dl class="byline">' not in client.get(REPORT.format(lang=lang) + "chapter-3/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["en", "ar"])
def test_chapter_one_shows_world_bank_poverty_figures_as_key_figures_and_an_accessible_chart(client, lang):
    content = client.get(REPORT.format(lang=lang) + "chapter-1/").content.decode()
    section = re.search(r'<section id="extreme-poverty-in-figures".*?</section>', content, re.S).group(0)
    assert '<p class="key-figure__number">36%</p>' in section
    assert '<p class="key-figure__number">10%</p>' in section
    assert section.count('<a href="https://www.worldbank.org/en/publication/poverty-and-shared-prosperity">') == 3
    assert "Poverty and Shared Prosperity 2018" in section
    svg = re.search(r"<svg[^>]*>", section).group(0)
    chart_id = re.search(r'aria-labelledby="(chart-[0-9a-f]+)-title \1-desc"', svg).group(1)
    assert 'role="img"' in svg
    assert f'<title id="{chart_id}-title">' in section and f'<desc id="{chart_id}-desc">' in section
    assert section.count("<rect ") == 2
    assert '<th scope="row">1990</th><td>36</td>' in section
    assert '<th scope="row">2015</th><td>10</td>' in section


@pytest.mark.django_db
def test_a_chapter_still_holding_the_first_demo_text_gets_its_summary_when_seeding_again(locales):
    chapter = ChapterPage.objects.get(slug="chapter-5", locale=locales["en"])
    assert not demo.is_placeholder(chapter)
    placeholder = [
        (
            "section",
            {"heading": "What we know", "anchor": "what-we-know", "content": [("paragraph", demo._rich("Old."))]},
        )
    ]
    for page in ChapterPage.objects.filter(translation_key=chapter.translation_key):
        page.body, page.references = placeholder, []
        page.save_revision().publish()
    chapter.refresh_from_db()
    assert demo.is_placeholder(chapter)
    demo.seed(SeedContext(log=lambda message: None, languages=["fr"]))
    summary = demo.content["chapters"][4]["sections"]["what-we-know"]
    english = ChapterPage.objects.get(pk=chapter.pk)
    assert english.body[0].value["content"][0].value.source == f"<p>{summary}</p>"
    assert len(english.references) == 1
    french = ChapterPage.objects.get(
        translation_key=chapter.translation_key, locale=Locale.objects.get(language_code="fr")
    )
    catalogue = json.loads((TRANSLATIONS / "fr.json").read_text("utf-8"))
    assert french.body[0].value["content"][0].value.source == f"<p>{catalogue[summary]}</p>"
    assert not demo.lacks_summary(english, french.locale)
    # An edited chapter (one that has references or other sections) is left alone.
    assert not demo.is_placeholder(english)


CHAPTER_PAGES = [
    "/en/reports/rethinking-society/chapter-1/",
    "/ar/reports/rethinking-society/chapter-1/",
    "/en/reports/rethinking-society/chapter-9/",
    "/zh-hans/reports/rethinking-society/chapter-16/",
    "/ur/reports/rethinking-society/chapter-13/",
]


def rendered(client) -> dict[str, bytes]:
    pages = {url: client.get(url) for url in CHAPTER_PAGES}
    assert all(response.status_code == 200 for response in pages.values())
    return {url: response.content for url, response in pages.items()}


@pytest.mark.django_db
def test_chapter_pages_with_summaries_figures_and_authors_have_no_html_errors(client):
    from tests.tooling import html_errors

    assert html_errors(rendered(client)) == []


@pytest.mark.django_db
@pytest.mark.browser
def test_chapter_pages_with_summaries_figures_and_authors_have_no_accessibility_violations(client):
    from tests.tooling import axe_violations

    assert axe_violations(rendered(client)) == {}
