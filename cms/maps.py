"""A world map of counts by country, drawn as inline SVG (no tile server, no script).

`world_map()` takes what the caller counted (one aggregate, or counts it already has), a URL
builder and a label for each country; the include `cms/includes/world_map.html` draws it: each
country with a count shaded in one of four steps (colour tokens `--color-map-1` … `-4`) and a
link to the caller's filtered listing whose accessible name is the label ("Kenya: 3 partners"),
a legend, and the same figures as a table for those who cannot see or use the map (and for the
small countries the 1:110m shapes leave out). Country names come from CLDR in the reader's
language (`cms.geography`); the drawing stays left-to-right in right-to-left pages.

Two more views of the same shapes:

- `marker_map()`: the world with places marked (the Forum's editions): each marker a link on its
  country's centre, its country tinted, a legend of the kinds of marker and a table of the places;
  drawn by the same include.
- `locator()`: a small map cropped around one or a few countries (a practice's), the neighbours
  clipped to the crop and simplified to its scale so it weighs a few KB; drawn by
  `cms/includes/locator_map.html`.

The shapes are Natural Earth's, built once by `manage.py build_world_map` into `cms/data/world_map.json`,
read once per process; nothing here queries the database.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from babel.lists import format_list

from cms import geography

DATA = Path(__file__).resolve().parent / "data" / "world_map.json"
STEPS = 4
Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom


@lru_cache(maxsize=1)
def shapes() -> dict:
    """The committed drawing: {"viewBox", "countries": {alpha-2: path}, "uncoded": path}."""
    return json.loads(DATA.read_text())


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker on a closed ring (its first and last points are kept)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            x0, y0 = points[i]
            cross = abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1))
            d = cross / length if length else math.hypot(x0 - x1, y0 - y1)
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def path_of(rings: list[list[tuple[float, float]]]) -> str:
    """Rings as one SVG path on whole units: an absolute first move, then relative moves and lines."""
    parts: list[str] = []
    cursor = (0, 0)
    for ring in rings:
        whole: list[tuple[int, int]] = []
        for x, y in ring:
            point = (round(x), round(y))
            if not whole or point != whole[-1]:
                whole.append(point)
        if len(whole) > 1 and whole[0] == whole[-1]:
            whole.pop()
        if len(whole) < 3:
            continue
        start = whole[0]
        steps = [f"{start[0] - cursor[0]} {start[1] - cursor[1]}"]
        previous = start
        for point in whole[1:]:
            steps.append(f"{point[0] - previous[0]} {point[1] - previous[1]}")
            previous = point
        cursor = start
        parts.append(("M" if not parts else "m") + steps[0] + "l" + " ".join(steps[1:]).replace(" -", "-") + "z")
    return "".join(parts).replace(" -", "-")


@dataclass(frozen=True)
class MapCountry:
    code: str
    name: str
    count: int
    url: str
    label: str  # the accessible name: "Kenya: 3 partners"
    step: int  # 1 … STEPS, the shade
    path: str  # "" when the drawing is too coarse for this country (it is still in the table)


@dataclass(frozen=True)
class Marker:
    """A place on a marker map: a link on its country's centre (markers sharing a country stand side by side)."""

    code: str  # the country (ISO 3166 alpha-2) it stands in
    url: str
    label: str  # the link's accessible name: "Forum 2027, Dhaka · Dhaka, Bangladesh"
    name: str  # the table's link text: "Forum 2027, Dhaka"
    place: str  # the table's second column: "Dhaka, Bangladesh"
    kind: str = ""  # a modifier of its look, named in the legend ("past", "next")
    lang: str = ""  # the language of `name` when it is not the page's (an untranslated edition)
    dir: str = ""  # and its direction
    x: float | None = None  # where it stands; None when the drawing leaves its country out (table only)
    y: float | None = None


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
    # A marker map (`marker_map`): the markers, the countries they stand in (one path, tinted),
    # the legend of their kinds ("past", "Past editions") and the table's first column heading.
    markers: list[Marker] = field(default_factory=list)
    hosts: str = ""
    marker_legend: list[tuple[str, str]] = field(default_factory=list)
    name_heading: str = ""

    @property
    def drawn(self) -> list[MapCountry]:
        return [country for country in self.countries if country.path]

    @property
    def drawn_markers(self) -> list[Marker]:
        return [marker for marker in self.markers if marker.x is not None]


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


# --- Geometry: the committed paths read back as rings, for centres, crops and markers -------------


def rings_of(path: str) -> list[list[Point]]:
    """The rings of a path written by `path_of` (M/m, l, z), in absolute drawing units."""
    rings: list[list[Point]] = []
    start = cursor = (0.0, 0.0)
    command = ""
    numbers: list[float] = []
    for token in re.findall(r"[MmLlZz]|-?\d+(?:\.\d+)?", path):
        if token.isalpha():
            command = token
            if command in "Zz":
                cursor = start
            continue
        numbers.append(float(token))
        if len(numbers) < 2:
            continue
        dx, dy = numbers
        numbers = []
        if command in "Mm":
            start = cursor = (dx, dy) if command == "M" else (start[0] + dx, start[1] + dy)
            rings.append([cursor])
            command = "l" if command == "m" else "L"
        else:
            cursor = (dx, dy) if command == "L" else (cursor[0] + dx, cursor[1] + dy)
            rings[-1].append(cursor)
    return rings


def area(ring: Sequence[Point]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True))) / 2


def centroid(ring: Sequence[Point]) -> Point:
    """The area centroid of a ring (its mean point when it has no area)."""
    cross_sum = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x1 * y2 - x2 * y1
        cross_sum += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not cross_sum:
        return sum(x for x, _y in ring) / len(ring), sum(y for _x, y in ring) / len(ring)
    return cx / (3 * cross_sum), cy / (3 * cross_sum)


def box_of(points: Iterable[Point]) -> Box:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def union(boxes: Iterable[Box]) -> Box:
    lefts, tops, rights, bottoms = zip(*boxes, strict=True)
    return min(lefts), min(tops), max(rights), max(bottoms)


def overlaps(a: Box, b: Box) -> bool:
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


@dataclass(frozen=True)
class Outline:
    rings: list[list[Point]]
    box: Box  # of every ring
    main: Box  # of the rings that make the country's body (its largest, and those at least a third of it)
    centre: Point  # the centroid of its largest ring: where a marker stands


@lru_cache(maxsize=1)
def outlines() -> dict[str, Outline]:
    """Every drawn country's outline by code, and the land without a country under ""."""
    data = shapes()
    result = {}
    for code, path in [*data["countries"].items(), ("", data["uncoded"])]:
        rings = rings_of(path)
        areas = [area(ring) for ring in rings]
        largest = max(areas)
        body = [ring for ring, size in zip(rings, areas, strict=True) if size * 3 >= largest]
        result[code] = Outline(
            rings=rings,
            box=union(box_of(ring) for ring in rings),
            main=union(box_of(ring) for ring in body),
            centre=centroid(rings[areas.index(largest)]),
        )
    return result


def clip(ring: Sequence[Point], box: Box) -> list[Point]:
    """A ring cut to a box (Sutherland-Hodgman): the part of a neighbour that shows in a crop."""
    left, top, right, bottom = box
    edges: list[tuple[Callable[[Point], bool], Callable[[Point, Point], Point]]] = [
        (lambda p: p[0] >= left, lambda a, b: (left, a[1] + (b[1] - a[1]) * (left - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= right, lambda a, b: (right, a[1] + (b[1] - a[1]) * (right - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= top, lambda a, b: (a[0] + (b[0] - a[0]) * (top - a[1]) / (b[1] - a[1]), top)),
        (lambda p: p[1] <= bottom, lambda a, b: (a[0] + (b[0] - a[0]) * (bottom - a[1]) / (b[1] - a[1]), bottom)),
    ]
    points = list(ring)
    for inside, cut in edges:
        if not points:
            break
        kept: list[Point] = []
        for current, previous in zip(points, [points[-1], *points[:-1]], strict=True):
            if inside(current):
                if not inside(previous):
                    kept.append(cut(previous, current))
                kept.append(current)
            elif inside(previous):
                kept.append(cut(previous, current))
        points = kept
    return points


def cropped_path(rings: Iterable[Sequence[Point]], box: Box, tolerance: float) -> str:
    """Rings clipped to `box`, simplified to `tolerance` when it is over a unit, specks dropped."""
    kept = []
    for ring in rings:
        if not overlaps(box_of(ring), box):
            continue
        points = clip(ring, box)
        if len(points) < 3:
            continue
        if tolerance > 1:
            left, top, right, bottom = box_of(points)
            if right - left < 2 * tolerance and bottom - top < 2 * tolerance:
                continue
            points = simplify([*points, points[0]], tolerance)
        kept.append(points)
    return path_of(kept)


# --- Marker maps (the Forum's editions) -------------------------------------------------------------

MARKER_GAP = 16.0  # drawing units between markers that share a country


def marker_map(
    markers: Sequence[Marker],
    *,
    title: str,
    caption: str = "",
    name_heading: str,
    place_heading: str,
    legend: Sequence[tuple[str, str]] = (),
    element_id: str = "world-map",
) -> WorldMap:
    """The world with `markers` placed on their countries' centres (those in one country side by
    side, in the given order), their countries tinted; a marker whose country the drawing leaves
    out is in the table only. `legend` names each kind of marker that is used."""
    shapes_by_code = outlines()
    sharing = Counter(marker.code.upper() for marker in markers)
    seen: Counter[str] = Counter()
    placed = []
    for marker in markers:
        code = marker.code.upper()
        outline = shapes_by_code.get(code) if code else None
        if outline is None:
            placed.append(replace(marker, code=code))
            continue
        x = outline.centre[0] + (seen[code] - (sharing[code] - 1) / 2) * MARKER_GAP
        seen[code] += 1
        placed.append(replace(marker, code=code, x=round(x, 1), y=round(outline.centre[1], 1)))
    data = shapes()
    hosts = {marker.code for marker in placed if marker.x is not None}
    used = {marker.kind for marker in placed}
    return WorldMap(
        id=element_id,
        title=title,
        caption=caption,
        count_heading=place_heading,
        name_heading=name_heading,
        view_box=data["viewBox"],
        land="".join(path for code, path in data["countries"].items() if code not in hosts) + data["uncoded"],
        hosts="".join(data["countries"][code] for code in sorted(hosts)),
        markers=placed,
        marker_legend=[(kind, text) for kind, text in legend if kind in used],
    )


# --- Locator maps (a practice's countries) ----------------------------------------------------------

LOCATOR_RATIO = 1.5  # width : height of the crop
LOCATOR_MIN_WIDTH = 110.0  # drawing units (about 40° of longitude): a small country shows its neighbours
LOCATOR_PIXELS = 360  # about the width it is shown at: simplification stops at a pixel
SMALL = 0.06  # a marked country narrower than this share of the crop also gets a ring around it


@dataclass(frozen=True)
class LocatorPlace:
    code: str
    name: str
    url: str
    label: str  # the link's accessible name: "Practices in Kenya"
    path: str
    ring: tuple[float, float, float] | None  # (cx, cy, r) around a country too small to see, else None


@dataclass
class Locator:
    id: str
    title: str  # the text alternative: "Located in Kenya"
    view_box: str
    land: str
    places: list[LocatorPlace]


def crop(box: Box) -> Box:
    """A box around `box` with room for the neighbours, in the locator's proportions, kept on the map where it fits."""
    left, top, right, bottom = box
    width = max((right - left) * 1.5, LOCATOR_MIN_WIDTH)
    height = max((bottom - top) * 1.5, LOCATOR_MIN_WIDTH / LOCATOR_RATIO)
    width, height = max(width, height * LOCATOR_RATIO), max(height, width / LOCATOR_RATIO)
    _0, _0, map_width, map_height = (float(n) for n in shapes()["viewBox"].split())
    x = min(max((left + right - width) / 2, 0), map_width - width) if width <= map_width else (map_width - width) / 2
    y = (
        min(max((top + bottom - height) / 2, 0), map_height - height)
        if height <= map_height
        else (map_height - height) / 2
    )
    return x, y, x + width, y + height


def locator(
    codes: Iterable[str],
    *,
    title: Callable[[str], str],
    url: Callable[[str], str],
    label: Callable[[str], str],
    language: str,
    element_id: str = "locator",
) -> Locator | None:
    """A small map of the countries `codes`, cropped around them, each marked and a link (`url(code)`,
    named `label(name)`); `title(names)` is its text alternative, given the countries' names joined
    the reader's way ("Kenya, Uganda and Tanzania"). None when the drawing has none of them."""
    codes = list(dict.fromkeys(code.upper() for code in codes if code))
    drawing = cropped(tuple(codes))
    if drawing is None:
        return None
    view_box, land, marked = drawing
    places = []
    for code, path, ring in marked:
        name = geography.country_name(code, language)
        places.append(LocatorPlace(code, name, url(code), label(name), path, ring))
    names = [geography.country_name(code, language) for code in codes]
    try:
        joined = format_list(names, locale=geography.to_babel(language))
    except (ValueError, LookupError):
        joined = ", ".join(names)
    return Locator(id=element_id, title=title(joined), view_box=view_box, land=land, places=places)


@lru_cache(maxsize=512)
def cropped(codes: tuple[str, ...]) -> tuple[str, str, list[tuple[str, str, tuple[float, float, float] | None]]] | None:
    """The locator's drawing of `codes` (the same in every language, so computed once per process):
    its viewBox, the neighbours' land, and each drawn country's (code, path, ring or None)."""
    shapes_by_code = outlines()
    drawn = [code for code in codes if code in shapes_by_code]
    if not drawn:
        return None
    view = crop(union(shapes_by_code[code].main for code in drawn))
    width = view[2] - view[0]
    tolerance = width / LOCATOR_PIXELS
    margin = tolerance * 4  # cut a little outside the view, so the cut edges' strokes never show
    cut = (view[0] - margin, view[1] - margin, view[2] + margin, view[3] + margin)
    land = "".join(
        cropped_path(outline.rings, cut, tolerance)
        for code, outline in shapes_by_code.items()
        if code not in drawn and overlaps(outline.box, cut)
    )
    marked = []
    for code in drawn:
        outline = shapes_by_code[code]
        left, top, right, bottom = outline.main
        small = max(right - left, bottom - top) < SMALL * width
        ring = (round(outline.centre[0], 1), round(outline.centre[1], 1), round(SMALL * width, 1)) if small else None
        marked.append((code, cropped_path(outline.rings, cut, tolerance), ring))
    view_box = " ".join(f"{round(n, 1):g}" for n in (view[0], view[1], width, view[3] - view[1]))
    return view_box, land, marked
