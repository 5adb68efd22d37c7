"""The shared world map (cms.maps + cms/includes/world_map.html): counts shaded in four steps, each
counted country a link named by its label in the reader's language, a legend and a table fallback,
drawn from the committed Natural Earth shapes."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

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


# --- Locator maps (a practice's countries) ----------------------------------------------------------


def kenya_locator(language: str = "en", codes=("KE",)) -> maps.Locator | None:
    return maps.locator(
        codes,
        title=lambda names: f"Located in {names}",
        url=lambda code: f"/listing/?country={code}",
        label=lambda name: f"Things in {name}",
        language=language,
    )


def box_of_view(view_box: str) -> tuple[float, float, float, float]:
    left, top, width, height = (float(n) for n in view_box.split())
    return left, top, left + width, top + height


def test_a_path_reads_back_into_the_rings_it_was_written_from():
    for path in maps.shapes()["countries"].values():
        assert maps.path_of(maps.rings_of(path)) == path


def test_the_locator_crops_around_the_country_and_clips_its_neighbours_to_a_few_kb():
    locator = kenya_locator()
    assert locator is not None and locator.title == "Located in Kenya"
    (kenya,) = locator.places
    assert (kenya.code, kenya.url, kenya.label, kenya.ring) == ("KE", "/listing/?country=KE", "Things in Kenya", None)
    left, top, right, bottom = box_of_view(locator.view_box)
    assert right - left == pytest.approx(1.5 * (bottom - top), rel=0.01)  # the include's 3:2
    outline = maps.outlines()["KE"]
    assert left < outline.box[0] and outline.box[2] < right and top < outline.box[1] and outline.box[3] < bottom
    assert right - left < 200  # a region, not the world
    # Neighbours are drawn (Ethiopia, Tanzania…), cut a little outside the view: nothing far beyond it.
    land = maps.rings_of(locator.land)
    assert len(land) > 5
    margin = (right - left) / maps.LOCATOR_PIXELS * 4 + 0.5
    assert all(
        left - margin <= x <= right + margin and top - margin <= y <= bottom + margin for ring in land for x, y in ring
    )
    assert len(locator.land) + len(kenya.path) < 4_000


def test_every_country_s_locator_stays_small_and_shows_the_country():
    sizes = {}
    for code in maps.shapes()["countries"]:
        locator = kenya_locator(codes=[code])
        assert locator is not None and locator.places[0].path, code
        sizes[code] = len(locator.land) + len(locator.places[0].path)
    assert max(sizes.values()) < 12_000  # Russia and its neighbours, simplified to the crop's scale
    assert sorted(sizes.values())[len(sizes) // 2] < 4_000  # a typical country: a few KB


def test_a_small_country_gets_a_ring_and_a_country_the_shapes_leave_out_gets_no_locator():
    rwanda = kenya_locator(codes=["RW"])
    assert rwanda is not None and rwanda.places[0].ring is not None
    assert kenya_locator(codes=["SG"]) is None  # too small at 1:110m: the page says where in words only
    with_singapore = kenya_locator(codes=["KE", "SG"])
    assert with_singapore is not None and [place.code for place in with_singapore.places] == ["KE"]
    assert with_singapore.title == "Located in Kenya and Singapore"  # the words name every country


def test_several_countries_are_named_the_reader_s_way_in_one_crop_computed_once():
    west_africa = ["SN", "GM", "ML"]
    french = kenya_locator("fr", west_africa)
    arabic = kenya_locator("ar", west_africa)
    assert french is not None and arabic is not None
    assert french.title == "Located in Sénégal, Gambie et Mali"
    names = [geography.country_name(code, "ar") for code in west_africa]
    assert all(name in arabic.title for name in names) and " و" in arabic.title
    assert french.view_box == arabic.view_box and french.land is arabic.land  # one drawing, cached in-process


def test_the_locator_include_stays_left_to_right_names_its_links_and_writes_numbers_unlocalized():
    with translation.override("fr"):  # French writes decimals with a comma; SVG needs points
        locator = kenya_locator("fr", ["KE", "RW"])
        html = render_to_string("cms/includes/locator_map.html", {"map": locator})
    assert '<div dir="ltr">' in html
    assert re.search(r'<svg [^>]*viewBox="[\d. ]+" role="group" aria-labelledby="locator-caption"', html)
    assert (
        '<figcaption class="locator-map__caption" id="locator-caption">Located in Kenya et Rwanda</figcaption>' in html
    )
    assert '<a href="/listing/?country=RW" class="locator-map__place" aria-label="Things in Rwanda">' in html
    assert re.search(r'<circle class="locator-map__ring" cx="[\d.]+" cy="[\d.]+" r="[\d.]+"/>', html)


# --- Marker maps (the Forum's editions) ------------------------------------------------------------


def editions_map() -> maps.WorldMap:
    def marker(code: str, year: int, kind: str = "past") -> maps.Marker:
        return maps.Marker(
            code=code, url=f"/forum/{year}/", label=f"Forum {year}", name=f"{year}", place=code, kind=kind
        )

    return maps.marker_map(
        [marker("KE", 2025), marker("CA", 2026), marker("ca", 2028), marker("SG", 2029), marker("BD", 2027, "next")],
        title="Editions",
        name_heading="Edition",
        place_heading="Where",
        legend=[("next", "Coming"), ("past", "Past"), ("cancelled", "Cancelled")],
        element_id="editions-map",
    )


def test_markers_stand_on_their_countries_side_by_side_and_tint_them():
    world = editions_map()
    assert [marker.url for marker in world.markers] == [f"/forum/{year}/" for year in (2025, 2026, 2028, 2029, 2027)]
    kenya, canada, canada_again, singapore, bangladesh = world.markers
    centre = maps.outlines()["KE"].centre
    assert (kenya.x, kenya.y) == (round(centre[0], 1), round(centre[1], 1))
    assert canada_again.code == "CA" and canada.y == canada_again.y
    assert canada_again.x - canada.x == pytest.approx(maps.MARKER_GAP, abs=0.2)
    assert singapore.x is None and singapore not in world.drawn_markers  # in the table only
    shapes = maps.shapes()["countries"]
    assert shapes["KE"] in world.hosts and shapes["KE"] not in world.land and shapes["DE"] in world.land
    assert world.marker_legend == [("next", "Coming"), ("past", "Past")]  # kinds in use only
    assert world.countries == [] and world.legend == []


def test_the_include_draws_markers_as_named_links_with_a_legend_and_a_table_of_places():
    with translation.override("ar"):
        html = render_to_string("cms/includes/world_map.html", {"map": editions_map()})
    assert '<div dir="ltr">' in html and '<title id="editions-map-title">Editions</title>' in html
    assert html.count('class="world-map__marker world-map__marker--') == 4  # Singapore: table only
    kenya = re.search(
        r'<a href="/forum/2025/" class="world-map__marker world-map__marker--past" aria-label="Forum 2025">'
        r'<title>Forum 2025</title><circle cx="([\d.]+)" cy="([\d.]+)" r="12"/></a>',
        html,
    )
    assert kenya, "markers are links named by their label, at unlocalized coordinates"
    assert '<path class="world-map__host" d="M' in html
    assert html.count('<span class="world-map__marker-swatch world-map__marker--') == 2
    assert '<thead><tr><th scope="col">Edition</th><th scope="col">Where</th></tr></thead>' in html
    assert '<tr><th scope="row"><a href="/forum/2029/">2029</a></th><td>SG</td></tr>' in html
