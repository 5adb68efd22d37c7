"""A world map of counts by country, drawn as inline SVG (no tile server, no script).

`world_map()` takes what the caller counted (one aggregate, or counts it already has), a URL
builder and a label for each country; the include `cms/includes/world_map.html` draws it: each
country with a count shaded in one of four steps (colour tokens `--color-map-1` … `-4`) and a
link to the caller's filtered listing whose accessible name is the label ("Kenya: 3 partners"),
a legend, and the same figures as a table for those who cannot see or use the map (and for the
small countries the 1:110m shapes leave out). Country names come from CLDR in the reader's
language (`cms.geography`); the drawing stays left-to-right in right-to-left pages.

The shapes are Natural Earth's, built once by `manage.py build_world_map` into `cms/data/world_map.json`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cms import geography

DATA = Path(__file__).resolve().parent / "data" / "world_map.json"
STEPS = 4


@lru_cache(maxsize=1)
def shapes() -> dict:
    """The committed drawing: {"viewBox", "countries": {alpha-2: path}, "uncoded": path}."""
    return json.loads(DATA.read_text())


@dataclass(frozen=True)
class MapCountry:
    code: str
    name: str
    count: int
    url: str
    label: str  # the accessible name: "Kenya: 3 partners"
    step: int  # 1 … STEPS, the shade
    path: str  # "" when the drawing is too coarse for this country (it is still in the table)


@dataclass
class WorldMap:
    id: str
    title: str  # the map's text alternative
    caption: str
    count_heading: str  # the table's column of counts: "Partners"
    view_box: str
    land: str  # one path for every country without a count
    countries: list[MapCountry] = field(default_factory=list)  # by count, then name
    legend: list[tuple[int, str]] = field(default_factory=list)  # (step, "1–2")

    @property
    def drawn(self) -> list[MapCountry]:
        return [country for country in self.countries if country.path]


def step_of(count: int, highest: int) -> int:
    """The shade of a count: the highest count's quarter it falls in (1 for the lowest)."""
    return min(STEPS, max(1, math.ceil(STEPS * count / highest))) if highest else 1


def legend(highest: int) -> list[tuple[int, str]]:
    """The range of counts each shade stands for, skipping shades no count can reach."""
    ranges = []
    for step in range(1, STEPS + 1):
        low, high = math.floor(highest * (step - 1) / STEPS) + 1, math.floor(highest * step / STEPS)
        if low <= high:
            ranges.append((step, str(low) if low == high else f"{low}–{high}"))
    return ranges


def world_map(
    counts: Mapping[str, int],
    *,
    url: Callable[[str], str],
    label: Callable[[str, int], str],
    title: str,
    caption: str = "",
    count_heading: str,
    language: str,
    element_id: str = "world-map",
) -> WorldMap:
    """The map of `counts` (ISO 3166 alpha-2 → count; zero and unknown codes are left out).

    `url(code)` is where a country's link goes (the caller's listing filtered by that country);
    `label(name, count)` is its accessible name, in the reader's language; `count_heading` heads
    the table's column of counts.
    """
    data = shapes()
    paths: dict[str, str] = data["countries"]
    counted = {code.upper(): count for code, count in counts.items() if count and code}
    highest = max(counted.values(), default=0)
    countries = []
    for code, count in counted.items():
        name = geography.country_name(code, language)
        countries.append(
            MapCountry(
                code=code,
                name=name,
                count=count,
                url=url(code),
                label=label(name, count),
                step=step_of(count, highest),
                path=paths.get(code, ""),
            )
        )
    countries.sort(key=lambda country: (-country.count, country.name.casefold()))
    land = "".join(path for code, path in paths.items() if code not in counted) + data["uncoded"]
    return WorldMap(
        id=element_id,
        title=title,
        caption=caption,
        count_heading=count_heading,
        view_box=data["viewBox"],
        land=land,
        countries=countries,
        legend=legend(highest),
    )
