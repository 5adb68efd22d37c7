"""Reports that read like the IPCC's: charts, key figures, covers, previous/next chapter, the
chapter's authors and the two-column page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import KeyFigureBlock
from cms.models import Theme
from reports import charts, covers
from reports.blocks import ChartBlock
from reports.factories import ChapterContributorFactory, ChapterPageFactory
from reports.models import ChapterPage, ReportPage

pytestmark = pytest.mark.django_db
REPORT = "/{lang}/reports/rethinking-society/"
TABLE = "Volume,Chapters\nVolume 1,8\nVolume 2,6\nVolume 3,8"


def chart_value(**overrides):
    value = {"title": "Chapters per volume", "kind": "bar", "data": TABLE, "unit": "", "source_text": "CUP 2018"}
    value.update(overrides)
    return ChartBlock().to_python(value)


def chart_section(*blocks):
    return [("section", {"heading": "Figures", "anchor": "figures", "content": list(blocks)})]


@pytest.fixture
def report(locales):
    return ReportPage.objects.get(slug="rethinking-society", locale=locales["en"])


def test_chart_table_with_bad_rows_is_refused_with_one_message_per_row():
    block = ChartBlock()
    value = chart_value(data="Volume,Chapters\nVolume 1,8\nVolume 2\nVolume 3,eight\n,4")
    with translation.override("en"), pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    messages = raised.value.block_errors["data"].messages
    assert messages == [
        "Row 3: 1 values where the heading row has 2.",
        "Row 4: “eight” is not a number (write 1234.5, without thousands separators).",
        "Row 5: the label is empty.",
    ]


def test_chart_table_needs_headings_and_figures():
    with translation.override("en"), pytest.raises(charts.TableError) as raised:
        charts.parse_table("Volume 1,8")
    assert "heading row" in raised.value.messages[0]
    assert ChartBlock().clean(chart_value())["data"] == TABLE


def test_chart_is_an_svg_image_with_title_description_and_a_table_fallback():
    with translation.override("en"):
        html = str(ChartBlock().render(chart_value(unit="chapters")))
    svg = re.search(r"<svg[^>]*>", html).group(0)
    chart_id = re.search(r'aria-labelledby="(chart-[0-9a-f]+)-title \1-desc"', svg).group(1)
    assert 'role="img"' in svg
    assert f'<title id="{chart_id}-title">Chapters per volume</title>' in html
    assert f'<desc id="{chart_id}-desc">Bar chart of Chapters across 3 categories, from Volume 1 to Volume 3' in html
    assert html.count("<rect ") == 3
    assert "<details" in html and '<th scope="col">Chapters</th>' in html
    assert '<th scope="row">Volume 2</th><td>6</td>' in html
    assert "Source:" in html and "CUP 2018" in html


def test_line_chart_draws_one_line_per_series_with_a_legend():
    value = chart_value(kind="line", data="Year,Men,Women\n2000,10.5,12\n2010,11,13.25\n2020,12,14")
    with translation.override("en"):
        html = str(ChartBlock().render(value))
    assert html.count("<polyline") == 2
    assert "chart__legend" in html and "Women" in html
    assert "<td>13.25</td>" in html


@pytest.mark.parametrize(("language", "expected"), [("en", "1,234.5"), ("fr", "1\u00a0234,5"), ("es", "1\u00a0234,5")])
def test_chart_figures_are_written_the_way_the_language_writes_numbers(language, expected):
    with translation.override(language):
        html = str(ChartBlock().render(chart_value(data="Year,Value\n2020,1234.5")))
    assert f"<td>{expected}</td>" in html.replace("&nbsp;", "\u00a0")
    # The drawing's coordinates are never localized (a decimal comma would break the SVG).
    svg = re.search(r"<svg.*</svg>", html, re.S).group(0)
    assert not re.search(r'(x|y|width|height)="[0-9]+,[0-9]', svg)


def test_right_to_left_chart_runs_categories_from_the_right_with_rtl_text():
    with translation.override("ar"):
        html = str(ChartBlock().render(chart_value()))
    labels = re.search(r'<g class="chart__labels"[^>]*>(.*?)</g>', html).group(0)
    assert 'direction="rtl"' in labels
    xs = [float(x) for x in re.findall(r'<text x="([0-9.]+)"', labels)]
    assert xs == sorted(xs, reverse=True)  # Volume 1 on the right
    assert re.search(r'<rect class="chart__series-1" x="[0-9]+(\.[0-9])?" y="[0-9.]+"', html)  # no decimal comma


def test_key_figure_shows_its_number_label_and_linked_source():
    value = KeyFigureBlock().to_python(
        {
            "number": "22",
            "label": "chapters",
            "source_text": "CUP",
            "source_url": "https://doi.org/10.1017/9781108399661",
        }
    )
    with translation.override("en"):
        html = str(KeyFigureBlock().render(value))
    assert '<p class="key-figure__number">22</p>' in html
    assert '<a href="https://doi.org/10.1017/9781108399661">CUP</a>' in html


def test_chapter_page_renders_charts_and_key_figures(client, report):
    chapter = ChapterPageFactory(
        parent=report,
        slug="charted",
        number=93,
        body=chart_section(
            ("chart", {"title": "Chapters per volume", "kind": "bar", "data": TABLE, "source_text": "CUP"}),
            ("key_figure", {"number": "22", "label": "chapters", "source_text": "CUP"}),
        ),
    )
    content = client.get(chapter.url).content.decode()
    assert 'role="img"' in content and 'class="key-figure"' in content


@pytest.mark.parametrize(
    ("language", "direction", "x"), [("en", "ltr", "24"), ("ar", "rtl", "280"), ("ur", "rtl", "280")]
)
def test_generated_cover_sets_language_and_direction_of_its_text(client, language, direction, x):
    content = client.get(REPORT.format(lang=language)).content.decode()
    svg = re.search(r'<svg class="cover cover--theme-\d"[^>]*>.*?</svg>', content, re.S).group(0)
    assert f'lang="{language}"' in svg and 'aria-hidden="true"' in svg
    # Right to left, the text starts at the right edge.
    assert f'direction="{direction}"' in svg and f'<tspan x="{x}"' in svg
    title = ReportPage.objects.get(slug="rethinking-society", locale__language_code=language).title
    assert "".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)).replace(" ", "") == title.replace(" ", "")


def test_cover_title_breaks_between_characters_in_chinese_and_at_spaces_elsewhere():
    assert covers.wrap("为21世纪重新思考社会", "zh-hans", 18) == ["为21世纪重新思考", "社会"]
    assert covers.wrap("Rethinking Society for the 21st Century", "en", 18) == [
        "Rethinking Society",
        "for the 21st",
        "Century",
    ]


def test_cover_takes_the_colour_of_the_theme(client, report, locales):
    theme = Theme.objects.get(slug="work", locale=locales["en"])
    assert covers.theme_colour(theme) == 2
    assert covers.theme_colour(None) == 0
    ReportPage.objects.filter(pk=report.pk).update(theme=theme)
    content = client.get(REPORT.format(lang="en")).content.decode()
    assert "cover cover--theme-2" in content
    listing = client.get("/en/reports/").content.decode()
    assert "cover cover--theme-2" in listing and "card--covered" in listing


def test_brief_shows_a_generated_cover(client):
    content = client.get("/hi/reports/reducing-inequality/").content.decode()
    assert '<svg class="cover cover--theme-' in content and 'lang="hi"' in content


def test_chapter_links_the_previous_and_next_chapters_in_the_readers_language(client):
    content = client.get(REPORT.format(lang="ar") + "chapter-3/").content.decode()
    previous = ChapterPage.objects.get(slug="chapter-2", locale__language_code="ar")
    following = ChapterPage.objects.get(slug="chapter-4", locale__language_code="ar")
    assert 'href="/ar/reports/rethinking-society/chapter-2/" rel="prev"' in content
    assert 'href="/ar/reports/rethinking-society/chapter-4/" rel="next"' in content
    assert previous.title in content and following.title in content
    first = client.get(REPORT.format(lang="en") + "chapter-1/").content.decode()
    assert 'rel="prev"' not in first and 'rel="next"' in first
    last = client.get(REPORT.format(lang="en") + "chapter-22/").content.decode()
    assert 'rel="next"' not in last


def test_chapter_aside_lists_its_authors_with_their_roles(client, report):
    chapter = ChapterPageFactory(parent=report, slug="with-authors", number=94)
    ChapterContributorFactory(page=chapter, role="cla")
    ChapterContributorFactory(page=chapter, role="la")
    content = client.get(chapter.url).content.decode()
    aside = re.search(r'<aside class="publication-aside".*?</aside>', content, re.S).group(0)
    assert aside.count('href="/en/authors/') == 2
    assert "Coordinating lead author" in aside and "Lead author" in aside
    assert 'href="/en/reports/rethinking-society/with-authors/pdf/"' in aside
    assert 'class="share"' in aside


def test_report_aside_gives_key_facts_the_pdf_and_share_links(client):
    content = client.get(REPORT.format(lang="zh-hans")).content.decode()
    aside = re.search(r'<aside class="publication-aside".*?</aside>', content, re.S).group(0)
    assert "<dd>22</dd>" in aside
    assert 'href="/zh-hans/reports/rethinking-society/pdf/" type="application/pdf"' in aside
    assert 'class="share"' in aside


@pytest.mark.parametrize("slug", [None, "chapter"])
def test_report_and_chapter_queries_do_not_grow_with_charts_and_chapters(client, report, slug):
    small = ChapterPageFactory(parent=report, slug="c-small", number=95, body=chart_section())
    large = ChapterPageFactory(
        parent=report,
        slug="c-large",
        number=96,
        body=chart_section(
            *[("chart", {"title": f"C{n}", "kind": "bar", "data": TABLE, "source_text": "CUP"}) for n in range(5)],
            *[("key_figure", {"number": str(n), "label": "x", "source_text": "CUP"}) for n in range(5)],
        ),
    )
    for _ in range(5):
        ChapterContributorFactory(page=large)
    if slug is None:
        # The report: count with and without two more chapters.
        urls = [report.url, report.url]
        extra = [None, lambda: ChapterPageFactory(parent=report, slug="c-extra", number=97)]
    else:
        urls = [small.url, large.url]
        extra = [None, None]
    counts = []
    for url, add in zip(urls, extra, strict=True):
        if add:
            add()
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 30
