"""A reader in the browser: chapters in French and Urdu, the table of contents, citation files."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
CHAPTER = "/{lang}/reports/rethinking-society/chapter-3/"
FIGURES_CHAPTER = "/{lang}/reports/rethinking-society/chapter-1/"  # the demo's key figures and charts


@pytest.mark.parametrize("lang", ["fr", "ur"])
def test_reader_follows_the_table_of_contents_and_downloads_a_citation(live_site, page, lang, tmp_path, screenshot):
    page.goto(live_site + CHAPTER.format(lang=lang))
    assert page.locator("html").get_attribute("lang") == lang
    toc_link = page.locator('.toc a[href="#what-can-be-done"]')
    toc_link.click()
    page.wait_for_url(re.compile(r"#what-can-be-done$"))
    section = page.locator("#what-can-be-done")
    expect(section).to_be_in_viewport()
    expect(toc_link).to_have_attribute("aria-current", "location")
    screenshot(page, f"chapter-{lang}")

    with page.expect_download() as download_info:
        page.locator('a[href$="/cite/ris/"]').click()
    download = download_info.value
    assert download.suggested_filename == "chapter-3.ris"
    path = tmp_path / "chapter.ris"
    download.save_as(path)
    records = dict(line.split("  - ", 1) for line in path.read_text(encoding="utf-8").splitlines() if "  - " in line)
    assert records["TY"] == "CHAP"
    assert records["LA"] == lang
    assert records["PY"] == "2018"

    with page.expect_download() as download_info:
        page.locator('a[href$="/cite/bibtex/"]').click()
    bibtex = download_info.value
    bib_path = tmp_path / "chapter.bib"
    bibtex.save_as(bib_path)
    text = bib_path.read_text(encoding="utf-8")
    assert text.startswith("@incollection{ipsp2018ch3,")
    assert text.count("{") == text.count("}")


@pytest.mark.parametrize(
    "url",
    [
        "/en/reports/",
        "/en/reports/rethinking-society/",
        "/ar/reports/rethinking-society/",
        CHAPTER.format(lang="en"),
        CHAPTER.format(lang="ar"),
        CHAPTER.format(lang="ur"),
        FIGURES_CHAPTER.format(lang="en"),
        FIGURES_CHAPTER.format(lang="ar"),
        "/ur/reports/reducing-inequality/",
        "/en/reports/recommendations/",
    ],
)
def test_report_pages_have_no_accessibility_violations(live_site, page, axe, url):
    page.goto(live_site + url)
    assert axe(page) == []


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_reader_opens_a_charts_table_by_keyboard_and_the_aside_stands_beside_the_text(
    live_site, page, lang, screenshot
):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_site + FIGURES_CHAPTER.format(lang=lang))
    expect(page.locator("figure.chart")).to_have_count(2)  # the report in figures, and extreme poverty
    figures = page.locator("#extreme-poverty-in-figures")
    chart = figures.locator("figure.chart svg[role=img]")
    labelled_by = chart.get_attribute("aria-labelledby").split()
    assert page.locator(f"#{labelled_by[0]}").text_content()
    assert page.locator(f"#{labelled_by[1]}").text_content()
    expect(figures.locator(".key-figure")).to_have_count(2)

    summary = figures.locator(".chart__data summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(figures.locator(".chart__data table")).to_be_visible()
    expect(figures.locator(".chart__data tbody tr")).to_have_count(2)

    article, aside = (
        page.locator("article.publication").bounding_box(),
        page.locator(".publication-aside").bounding_box(),
    )
    assert aside["y"] < article["y"] + article["height"]  # beside the text, not under it
    if lang == "ar":
        assert aside["x"] < article["x"]  # right to left: the aside is on the left
    else:
        assert aside["x"] > article["x"]
    expect(page.locator('.pager a[rel="next"]')).to_be_visible()
    screenshot(page, f"chapter-figures-{lang}-1280")

    page.set_viewport_size({"width": 390, "height": 844})
    article, aside = (
        page.locator("article.publication").bounding_box(),
        page.locator(".publication-aside").bounding_box(),
    )
    assert aside["y"] >= article["y"] + article["height"]  # phones: one column
    screenshot(page, f"chapter-figures-{lang}-390")


@pytest.mark.parametrize("lang", ["en", "ar", "hi", "zh-hans"])
def test_report_page_uses_the_width_with_its_cover_and_aside(live_site, page, lang, screenshot):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_site + f"/{lang}/reports/rethinking-society/")
    article, aside = (
        page.locator("article.publication").bounding_box(),
        page.locator(".publication-aside").bounding_box(),
    )
    assert aside["y"] < article["y"] + 200 and aside["width"] > 200
    cover = page.locator(".publication__header svg.cover")
    expect(cover).to_be_visible()
    assert cover.get_attribute("lang") == lang
    box = page.locator(".cover__title").bounding_box()
    cover_box = cover.bounding_box()
    assert cover_box["x"] <= box["x"] and box["x"] + box["width"] <= cover_box["x"] + cover_box["width"] + 1
    screenshot(page, f"report-{lang}-1280")
    page.goto(live_site + f"/{lang}/reports/")
    screenshot(page, f"reports-{lang}-1280")
