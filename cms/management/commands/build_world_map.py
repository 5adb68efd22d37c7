"""Build `cms/data/world_map.json`, the country shapes `cms.maps` draws, from Natural Earth data.

Run once when the source changes, then commit the result (the site never reads the source):

    cd /tmp && npm pack world-atlas && tar xzf world-atlas-*.tgz
    python manage.py build_world_map /tmp/package/countries-110m.json

`world-atlas` (Mike Bostock, ISC licence) packages Natural Earth's 1:110m countries (public domain)
as TopoJSON keyed by ISO 3166 numeric codes. Each country becomes one SVG path string in the
Natural Earth projection, keyed by its ISO 3166 alpha-2 code (CLDR's numeric aliases through
Babel), rings crossing the antimeridian pressed onto the edge, rounded to whole units of a
1000-wide drawing and simplified (Douglas-Peucker, half a unit), with relative commands so the
file stays small. Antarctica is left out (no M49 region);
shapes with no ISO code (Northern Cyprus, Somaliland) are drawn as land without a country.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from babel.core import get_global
from django.core.management.base import BaseCommand, CommandError

from cms.maps import path_of, simplify

OUTPUT = Path(__file__).resolve().parents[2] / "data" / "world_map.json"
WIDTH = 1000
TOLERANCE = 0.5  # drawing units: half a unit at 1000 wide is below what a screen shows
SOUTH = -58.0  # latitude where the drawing stops (Antarctica left out)
NAMES_WITHOUT_CODE = {"Kosovo": "XK"}  # CLDR names Kosovo XK; world-atlas gives it no numeric code


def natural_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """The Natural Earth I projection (Šavrič, Jenny, Patterson and Jenny, 2011), as d3-geo computes it."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as (longitude, latitude) points (delta-decoded, then un-quantized)."""
    (scale_x, scale_y), (move_x, move_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)
    return points


def unwrap(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A ring that crosses the antimeridian (Russia, Fiji) with its few points on the far side
    pressed onto the map's edge, so no line runs across the whole map."""
    if all(abs(b[0] - a[0]) <= 180 for a, b in zip(points, points[1:], strict=False)):
        return points
    east = sum(1 for longitude, _latitude in points if longitude > 0) * 2 >= len(points)
    edge = 180.0 if east else -180.0
    return [(edge if (longitude > 0) != east else longitude, latitude) for longitude, latitude in points]


class Command(BaseCommand):
    help = "Convert world-atlas's countries-110m.json (TopoJSON) into cms/data/world_map.json (SVG paths by ISO code)."

    def add_arguments(self, parser):
        parser.add_argument("source", help="Path to countries-110m.json from the world-atlas npm package.")

    def handle(self, *args, **options):
        source = Path(options["source"])
        if not source.is_file():
            raise CommandError(f"{source} is not a file (see this command's docstring for how to get it).")
        topology = json.loads(source.read_text())
        arcs = decode_arcs(topology)
        aliases = get_global("territory_aliases")

        left, _top = natural_earth(-180, 0)
        right, top = natural_earth(0, 90)
        _left, bottom = natural_earth(0, SOUTH)
        scale = WIDTH / (natural_earth(180, 0)[0] - left)
        height = round((top - bottom) * scale)

        def project(point: tuple[float, float]) -> tuple[float, float]:
            x, y = natural_earth(*point)
            return (x - left) * scale, (top - y) * scale

        countries: dict[str, str] = {}
        uncoded: list[str] = []
        skipped = []
        for geometry in topology["objects"]["countries"]["geometries"]:
            name = geometry["properties"]["name"]
            numeric = geometry.get("id")
            code = aliases[numeric][0] if numeric in aliases else NAMES_WITHOUT_CODE.get(name)
            if code == "AQ":
                skipped.append(name)
                continue
            polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
            rings = [
                simplify([project(point) for point in unwrap(ring_points(ring, arcs))], TOLERANCE)
                for polygon in polygons
                for ring in polygon
            ]
            path = path_of(rings)
            if not path:
                skipped.append(name)
            elif code:
                countries[code] = countries.get(code, "") + path  # each path starts with an absolute move
            else:
                uncoded.append(path)
                self.stdout.write(f"  {name}: no ISO code, drawn as land without a country")
        data = {
            "source": "Natural Earth 1:110m countries (public domain), via world-atlas 2 (ISC)",
            "viewBox": f"0 0 {WIDTH} {height}",
            "countries": dict(sorted(countries.items())),
            "uncoded": "".join(uncoded),
        }
        OUTPUT.parent.mkdir(exist_ok=True)
        OUTPUT.write_text(json.dumps(data, separators=(",", ":")) + "\n")
        size = OUTPUT.stat().st_size
        self.stdout.write(f"  left out: {', '.join(skipped) or 'nothing'}")
        self.stdout.write(self.style.SUCCESS(f"{len(countries)} countries written to {OUTPUT} ({size // 1024} KB)."))
