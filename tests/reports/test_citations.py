import re

import pytest

from reports import citations

CHAPTER = citations.Citation(
    kind="chapter",
    title="Economic Inequality and Social Progress",
    year=2018,
    url="https://ipsp.org/en/reports/rethinking-society/chapter-3/",
    authors=[citations.Name("Atkinson", "Anthony Barnes"), citations.Name("Kanbur", "Ravi")],
    editors=[citations.Name("Fleurbaey", "Marc"), citations.Name("Salles-Djelic", "Marie-Laure")],
    container_title="Rethinking Society for the 21st Century",
    publisher="Cambridge University Press",
    doi="10.1017/9781108399623",
    chapter_number="3",
    key="ipsp2018ch3",
)


def test_apa_chapter():
    assert citations.apa(CHAPTER) == (
        "Atkinson, A. B., & Kanbur, R. (2018). Economic Inequality and Social Progress. "
        "In M. Fleurbaey, M.-L. Salles-Djelic (Eds.), Rethinking Society for the 21st Century. "
        "Cambridge University Press. https://doi.org/10.1017/9781108399623"
    )


def test_chicago_chapter():
    assert citations.chicago(CHAPTER) == (
        "Atkinson, Anthony Barnes, and Ravi Kanbur. 2018. “Economic Inequality and Social Progress.” "
        "In Rethinking Society for the 21st Century, edited by Marc Fleurbaey, Marie-Laure Salles-Djelic. "
        "Cambridge University Press. https://doi.org/10.1017/9781108399623."
    )


def test_bibtex_chapter_is_a_well_formed_incollection():
    text = citations.bibtex(CHAPTER)
    assert text.startswith("@incollection{ipsp2018ch3,\n")
    assert "  author = {Atkinson, Anthony Barnes and Kanbur, Ravi}" in text
    assert "  booktitle = {Rethinking Society for the 21st Century}" in text
    assert text.count("{") == text.count("}")


def test_bibtex_escapes_special_characters():
    text = citations.bibtex(citations.Citation(kind="report", title="Tax & spend: 100% fair_", year=2020, url="u"))
    assert r"Tax \& spend: 100\% fair\_" in text


def test_ris_chapter_lines():
    lines = citations.ris(CHAPTER).split("\r\n")
    assert lines[0] == "TY  - CHAP"
    assert "AU  - Atkinson, Anthony Barnes" in lines
    assert "ED  - Fleurbaey, Marc" in lines
    assert "T2  - Rethinking Society for the 21st Century" in lines
    assert "DO  - 10.1017/9781108399623" in lines
    assert lines[-2] == "ER  - "


def test_without_authors_the_panel_is_the_author():
    citation = citations.Citation(
        kind="report", title="A brief", year=2019, url="https://ipsp.org/b/", publisher="IPSP"
    )
    assert citations.apa(citation).startswith("International Panel on Social Progress (2019). A brief.")


def test_arabic_citations_write_in_eds_and_edited_by_in_arabic():
    arabic = citations.Citation(**{**CHAPTER.__dict__, "language": "ar", "title": "اللامساواة الاقتصادية"})
    apa, chicago = citations.apa(arabic), citations.chicago(arabic)
    assert "في: M. Fleurbaey, M.-L. Salles-Djelic (محررون)، Rethinking Society for the 21st Century" in apa
    assert "Atkinson, Anthony Barnes، وRavi Kanbur" in chicago
    assert "في: Rethinking Society for the 21st Century، تحرير Marc Fleurbaey" in chicago
    for text in (apa, chicago):
        assert not re.search(r"\bIn\b|Eds\.|edited by|, and ", text), text


def test_the_citation_language_does_not_leak_into_the_active_language():
    from django.utils import translation

    with translation.override("fr"):
        citations.apa(citations.Citation(**{**CHAPTER.__dict__, "language": "ar"}))
        assert translation.get_language() == "fr"
        assert citations.apa(CHAPTER).count("In M. Fleurbaey") == 1  # English stays English on a French page


@pytest.mark.django_db
def test_an_arabic_chapter_page_cites_in_arabic(client):
    content = client.get("/ar/reports/rethinking-society/chapter-3/").content.decode()
    cite = content[
        content.index('<section class="cite"') : content.index("</section>", content.index('<section class="cite"'))
    ]
    texts = re.findall(r'<p class="cite__text">(.*?)</p>', cite, re.S)
    assert len(texts) == 2
    assert "(محررون)" in texts[0] and "تحرير" in texts[1]
    assert not any(re.search(r"\bIn\b|Eds\.|edited by", text) for text in texts)
    assert 'lang="en"' not in cite  # written in the page's language now
