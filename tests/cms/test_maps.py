"""The shared world map (cms.maps + cms/includes/world_map.html): counts shaded in four steps, each
counted country a link named by its label in the reader's language, a legend and a table fallback,
drawn from the committed Natural Earth shapes."""

from __future__ import annotations

import re

from django.template.loader import render_to_string

from cms import geography, maps


def kenya_map(language: str = "en") -> maps.WorldMap:
    return maps.world_map(
        {"KE": 8, "fr": 2, "SG": 1, "BR": 0},
        url=lambda code: f"/listing/?country={code}",
        label=lambda name, count: f"{name}: {count} things",
        title="Things by country",
        caption="Darker is more.",
        count_heading="Things",
        language=language,
        element_id="things-map",
    )


def test_the_committed_shapes_are_small_and_keyed_by_iso_codes_the_site_knows():
    assert maps.DATA.stat().st_size < 150_000
    data = maps.shapes()
    assert len(data["countries"]) > 170
    assert {"KE", "BR", "IN", "FR", "US", "RU", "AU", "FJ"} <= set(data["countries"])
    assert set(data["countries"]) - set(geography.COUNTRY_SUBREGION) <= {"XK", "TF"}
    assert all(path.startswith("M") and path.endswith("z") for path in data["countries"].values())


def test_counted_countries_are_named_in_the_readers_language_linked_and_shaded_by_count():
    world = kenya_map("fr")
    assert [(country.code, country.count) for country in world.countries] == [("KE", 8), ("FR", 2), ("SG", 1)]
    kenya, france, singapore = world.countries
    assert kenya.name == "Kenya" and france.name == "France"
    assert kenya.label == "Kenya: 8 things" and kenya.url == "/listing/?country=KE"
    assert (kenya.step, france.step, singapore.step) == (4, 1, 1)
    assert singapore.path == "" and singapore not in world.drawn  # too small at 1:110m: in the table only
    assert maps.shapes()["countries"]["KE"] not in world.land and maps.shapes()["countries"]["DE"] in world.land
    assert world.legend == [(1, "1–2"), (2, "3–4"), (3, "5–6"), (4, "7–8")]
    assert maps.world_map({}, url=str, label=str, title="", count_heading="", language="en").countries == []


def test_steps_and_legend_for_small_counts():
    assert [maps.step_of(count, 3) for count in (1, 2, 3)] == [2, 3, 4]
    assert maps.legend(3) == [(2, "1"), (3, "2"), (4, "3")]
    assert maps.legend(1) == [(4, "1")]


def test_the_include_draws_links_with_accessible_names_a_legend_and_a_table():
    html = render_to_string("cms/includes/world_map.html", {"map": kenya_map("ar")})
    assert '<div dir="ltr">' in html  # the drawing is never mirrored
    assert re.search(r'<svg [^>]*role="group" aria-labelledby="things-map-title"', html)
    assert '<title id="things-map-title">Things by country</title>' in html
    kenya = geography.country_name("KE", "ar")
    link = '<a href="/listing/?country=KE" class="world-map__country world-map__step-4"'
    assert f'{link} aria-label="{kenya}: 8 things">' in html
    assert f"<title>{kenya}: 8 things</title>" in html
    assert html.count('class="world-map__country') == 2  # Singapore is in the table only
    singapore = geography.country_name("SG", "ar")
    assert f'<th scope="row"><a href="/listing/?country=SG">{singapore}</a></th><td>1</td>' in html
    assert "Darker is more." in html and "7–8" in html and '<th scope="col">Things</th>' in html
    without_table = render_to_string("cms/includes/world_map.html", {"map": kenya_map(), "table": False})
    assert "<table" not in without_table
