"""The practices listing's query and regions: the site search's engine, relevance first, help when
nothing is found, UN M49 sub-regions, and unknown regions refused with a message."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage

pytestmark = pytest.mark.django_db


def urls(content: str) -> list[str]:
    return re.findall(r'<h3 class="practice-card__title"><a href="([^"]+)">', content)


def get(client, language: str = "en", **params):
    return client.get(f"/{language}/practices/", params)


def practice(language: str = "en", **kwargs):
    return PracticePageFactory(parent=PracticeIndexPage.objects.get(locale__language_code=language), **kwargs)


def test_with_a_query_results_are_sorted_by_relevance_and_other_sorts_remain(client):
    weak = practice(title="Zellborough allotments", summary="Plots to rent.")
    strong = practice(title="Zellborough tenant gardens and allotments", summary="Tenants grow food in gardens.")
    content = get(client, q="zellborough tenant gardens").content.decode()
    assert urls(content) == [strong.url, weak.url]
    assert '<option value="relevance" selected>' in content
    by_title = urls(get(client, q="zellborough tenant gardens", sort="title").content.decode())
    assert by_title == [weak.url, strong.url]
    # Without a query there is nothing to be relevant to: newest first, and no relevance option.
    assert '<option value="relevance"' not in get(client).content.decode()


def test_a_query_that_finds_nothing_offers_did_you_mean_and_the_site_search(client):
    content = get(client, q="mondragn").content.decode()
    assert re.search(r'Did you mean <a href="\?q=mondragon[^"]*">mondragon</a>\?', content)
    assert '/en/search/?q=mondragn"' in content


def test_region_facet_offers_sub_regions_beside_continents(client):
    peru = practice(title="Yarrowmere kitchens", countries=["PE"])
    canada = practice(title="Yarrowmere housing", countries=["CA"])
    content = get(client, q="yarrowmere").content.decode()
    for code, name in (("019", "Americas"), ("419", "Latin America"), ("021", "Northern America")):
        assert re.search(rf'name="region" value="{code}">\s*<label[^>]*>{name} <span', content), name
    assert urls(get(client, q="yarrowmere", region="419").content.decode()) == [peru.url]
    assert urls(get(client, q="yarrowmere", region="021").content.decode()) == [canada.url]
    assert set(urls(get(client, q="yarrowmere", region="019").content.decode())) == {peru.url, canada.url}


@pytest.mark.parametrize("code", ["202", "015", "145", "035", "034", "030"])
def test_the_sub_regions_people_look_for_are_accepted(client, code):
    assert get(client, region=code).status_code == 200


def test_an_unknown_region_is_refused_with_a_message(client):
    response = get(client, region="999")
    assert response.status_code == 400
    content = response.content.decode()
    assert "Unknown region “999”" in content and "419 (Latin America)" in content


def test_the_world_map_counts_practices_by_country_and_links_to_the_listing_filtered_by_it(client):
    response = get(client, theme="health")
    world = response.context["map"]
    facet = next(facet for facet in response.context["facets"] if facet.name == "country")
    assert facet.options and {country.code: country.count for country in world.countries} == {
        option.value: option.count for option in facet.options
    }
    first = world.countries[0]
    assert first.url == f"/en/practices/?theme=health&country={first.code}"
    body = response.content.decode()
    assert f'aria-label="{first.name}: {first.count} practice' in body
    assert 'id="practice-map-heading"' in body
    filtered = client.get(first.url)
    assert filtered.context["results"].paginator.count == first.count


def _queries(client, **params) -> int:
    get(client, "fr", **params)
    with CaptureQueriesContext(connection) as queries:
        assert get(client, "fr", **params).status_code == 200
    return len(queries)


def test_a_listing_with_a_query_makes_as_many_queries_for_10_or_60_matches(client):
    for number in range(10):
        practice("fr", title=f"Wendlebury atelier {number}", slug=f"w-{number}", countries=["SN", "PE"])
    small = _queries(client, q="wendlebury atelier", region="419")
    for number in range(10, 60):
        practice("fr", title=f"Wendlebury atelier {number}", slug=f"w-{number}", countries=["SN", "BR"])
    assert _queries(client, q="wendlebury atelier", region="419") == small


def test_listing_states_have_no_html_errors(client):
    from tests.tooling import html_errors

    practice(title="Yarrowmere kitchens", countries=["PE"])
    practice("ar", title="مطابخ يارومير", countries=["EG"])
    states = {
        "/en/practices/?q=yarrowmere+kitchens": 200,  # by relevance
        "/en/practices/?q=mondragn": 200,  # nothing found: did you mean, the site search
        "/en/practices/?q=yarrowmere&region=419&theme=health": 200,  # filters hide every match
        "/en/practices/?region=999": 400,  # refused with a message
        "/ar/practices/?q=%D9%85%D8%B7%D8%A7%D8%A8%D8%AE&region=015": 200,
        "/ar/practices/?region=999": 400,
    }
    documents = {}
    for url, status in states.items():
        response = client.get(url)
        assert response.status_code == status, url
        documents[url] = response.content
    assert b"Keep the search, remove the filters" in documents["/en/practices/?q=yarrowmere&region=419&theme=health"]
    assert html_errors(documents) == []


def test_facet_options_are_escaped_checked_and_marked_with_their_language():
    """The filters' checkboxes (`facet_options`, built in Python for speed) give the listing's markup."""
    from practices.browsing import Facet, Option
    from practices.templatetags.practices_tags import facet_options

    facet = Facet(
        name="keyword",
        label="Keyword",
        options=[
            Option(value="r&d", label='<Research> & "development"', count=1200, selected=True),
            Option(value="commons", label="Commons", count=3, selected=False, lang="fr", dir="ltr"),
        ],
    )
    indent = " " * 18
    assert facet_options(facet) == (
        f'<li>\n{indent}<input type="checkbox" id="facet-keyword-r&amp;d" name="keyword" value="r&amp;d" checked>\n'
        f'{indent}<label for="facet-keyword-r&amp;d">&lt;Research&gt; &amp; &quot;development&quot;'
        ' <span class="facet__count">(1200)</span></label>\n                </li>'
        f'<li>\n{indent}<input type="checkbox" id="facet-keyword-commons" name="keyword" value="commons">\n'
        f'{indent}<label for="facet-keyword-commons"><span lang="fr" dir="ltr">Commons</span>'
        ' <span class="facet__count">(3)</span></label>\n                </li>'
    )


def test_a_card_names_its_practices_countries_in_the_readers_language_by_code(client):
    """The cards' countries are the facet's (no query of their own), in the order of their codes."""
    practice(title="Quenmoor cooperative", slug="quenmoor", countries=["DE", "SN", "CH"], start_year=2019)
    body = get(client, q="quenmoor").content.decode()
    assert '<p class="practice-card__where">Switzerland, Germany, Senegal · since 2019</p>' in body
    practice("fr", title="Coopérative de Quenmoor", slug="quenmoor-fr", countries=["DE", "SN", "CH"], start_year=2019)
    body = get(client, "fr", q="quenmoor").content.decode()
    assert '<p class="practice-card__where">Suisse, Allemagne, Sénégal · depuis 2019</p>' in body
