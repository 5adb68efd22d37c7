"""A practice's key figures (issue 23, item 5): real numbers with their published source, at a glance,
in the reader's language, at no extra query; the demo seeder gives them to practices seeded before."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.demo import SeedContext
from practices import demo
from practices.models import PracticePage

pytestmark = pytest.mark.django_db

MPESA = "/{lang}/practices/m-pesa-mobile-money/"
SCIENCE = "https://doi.org/10.1126/science.aah5309"


def aside(content: str) -> str:
    return re.search(r'<aside class="practice__facts".*?</aside>', content, re.S).group(0)


def figures(content: str) -> list[str]:
    return re.findall(r'<figure class="key-figure">.*?</figure>', aside(content), re.S)


@pytest.mark.parametrize(
    ("lang", "direction", "label"),
    [
        ("en", "ltr", "Kenyan households lifted out of extreme poverty by access to M-Pesa"),
        ("ar", "rtl", "أسرة كينية خرجت من الفقر المدقع بفضل الوصول إلى M-Pesa"),
    ],
)
def test_m_pesa_shows_its_key_figure_with_the_linked_study_in_the_readers_language(client, lang, direction, label):
    content = client.get(MPESA.format(lang=lang)).content.decode()
    assert f'<html lang="{lang}" dir="{direction}"' in content
    [figure] = figures(content)
    assert '<p class="key-figure__number">194,000</p>' in figure  # the number is the source's, in every language
    assert label in figure
    link = re.search(rf'<a href="{re.escape(SCIENCE)}">([^<]+)</a>', figure).group(1)
    # The source's wording is translated; the article's own title and the journal stay as published.
    assert "The long-run poverty and gender impacts of mobile money" in link and "Science 354 (6317)" in link


def test_a_figure_with_a_year_and_no_source_address_shows_the_year_and_an_unlinked_source(client):
    [figure] = figures(client.get("/en/practices/grameen-bank/").content.decode())
    assert '<p class="key-figure__number">7.34 million</p>' in figure
    assert "borrowers, 97% of them women (2007)" in figure
    assert "Grameen Bank, monthly update of its figures, October 2007" in figure
    assert "<a " not in figure


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_practice_without_key_figures_shows_none(client, lang):
    page = PracticePage.objects.get(slug="housing-first-finland", locale__language_code=lang)
    assert not page.key_figures
    content = client.get(f"/{lang}/practices/housing-first-finland/").content.decode()
    assert aside(content) and "key-figure" not in content


def test_key_figures_cost_no_query(client):
    """The figures are a column of the page's own row: the page costs the same with and without them."""
    url = MPESA.format(lang="ar")

    def warm() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    with_figures = warm()
    practice = PracticePage.objects.get(slug="m-pesa-mobile-money", locale__language_code="ar")
    practice.key_figures = []
    practice.save(update_fields=["key_figures"])  # a save, as every edit is: the next request sees it
    assert "key-figure" not in client.get(url).content.decode()
    assert warm() == with_figures


def test_at_most_three_key_figures():
    field = PracticePage._meta.get_field("key_figures")
    figure = {"number": "1", "label": "x", "year": None, "source_text": "y", "source_url": ""}
    with pytest.raises(ValidationError):
        field.stream_block.clean(field.stream_block.to_python([{"type": "key_figure", "value": figure}] * 4))


def test_seeding_again_gives_figures_to_a_practice_seeded_without_them_and_keeps_translations(client):
    """A database seeded before key figures existed gets them, in English and in the translations, on
    the next `seed_demo`; a second run changes nothing."""
    english = PracticePage.objects.get(slug="m-pesa-mobile-money", locale__language_code="en")
    arabic = PracticePage.objects.get(translation_key=english.translation_key, locale__language_code="ar")
    for page in (english, arabic):
        page.key_figures = []
        page.save_revision().publish()
    assert not figures(client.get(MPESA.format(lang="ar")).content.decode())
    data = next(row for row in demo.content["practices"] if row["slug"] == "m-pesa-mobile-money")
    context = SeedContext(log=lambda _message: None, admin=get_user_model().objects.get(username="admin"))

    english.refresh_from_db()
    demo.add_key_figures(english, data, context)
    assert context.translated == 9  # M-Pesa is one of the six practices translated into every language
    [figure] = figures(client.get(MPESA.format(lang="ar")).content.decode())
    assert "أسرة كينية" in figure and SCIENCE in figure
    assert len(figures(client.get(MPESA.format(lang="en")).content.decode())) == 1

    revisions = english.revisions.count()
    english.refresh_from_db()
    demo.add_key_figures(english, data, context)
    assert english.revisions.count() == revisions and context.translated == 9


def test_every_demo_figure_names_its_source():
    rows = [row for practice in demo.content["practices"] for row in practice.get("key_figures", [])]
    assert rows
    for number, label, year, source, url in rows:
        assert number and label and source
        assert year is None or 1800 <= year <= 2100
        assert url == "" or url.startswith("https://")
