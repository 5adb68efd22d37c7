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
