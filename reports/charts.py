"""Bar and line charts drawn on the server as accessible SVG, from a small table an editor pastes.

The table is CSV: a first row of headings (what the first column counts, then one name per
series), then one row per category with a number per series, e.g.

    Volume,Chapters
    Volume 1,8
    Volume 2,6

`parse_table()` checks it and says what is wrong with each bad row; `draw()` returns everything the
template needs: the SVG geometry (colours come from the stylesheet's `--color-chart-N` tokens, by
class) and the figures formatted for the page's language for the axis and the table fallback.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils import formats
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _

MAX_ROWS = 40
MAX_SERIES = 4
WIDTH, HEIGHT = 640, 360
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_START, MARGIN_END = 24, 56, 64, 16


@dataclass
class Table:
    headings: list[str]
    rows: list[tuple[str, list[Decimal]]]

    @property
    def series(self) -> list[str]:
        return self.headings[1:]


class TableError(ValueError):
    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def _number(text: str) -> Decimal | None:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() and abs(value) < 10**15 else None


def parse_table(text: str) -> Table:
    """The table in `text`, or TableError with one message per bad row."""
    lines = [line for line in (text or "").strip().splitlines() if line.strip()]
    if len(lines) < 2:
        raise TableError([_("Paste a heading row and at least one row of figures, separated by commas.")])
    reader = list(csv.reader(io.StringIO("\n".join(lines)), skipinitialspace=True))
    headings = [cell.strip() for cell in reader[0]]
    errors = []
    if len(headings) < 2 or any(not cell for cell in headings):
        errors.append(_("Row 1: give a heading for the labels and one for each series, none empty."))
    elif len(headings) - 1 > MAX_SERIES:
        errors.append(_("Row 1: at most %(count)s series.") % {"count": MAX_SERIES})
    if len(reader) - 1 > MAX_ROWS:
        errors.append(_("At most %(count)s rows of figures.") % {"count": MAX_ROWS})
    rows = []
    for line_number, cells in enumerate(reader[1:], start=2):
        cells = [cell.strip() for cell in cells]
        if len(cells) != len(headings):
            errors.append(
                _("Row %(row)s: %(found)s values where the heading row has %(expected)s.")
                % {"row": line_number, "found": len(cells), "expected": len(headings)}
            )
            continue
        if not cells[0]:
            errors.append(_("Row %(row)s: the label is empty.") % {"row": line_number})
            continue
        numbers = [_number(cell) for cell in cells[1:]]
        bad = [cell for cell, number in zip(cells[1:], numbers, strict=True) if number is None]
        if bad:
            errors.append(
                _("Row %(row)s: “%(value)s” is not a number (write 1234.5, without thousands separators).")
                % {"row": line_number, "value": bad[0]}
            )
            continue
        rows.append((cells[0], [number for number in numbers if number is not None]))
    if errors:
        raise TableError(errors)
    return Table(headings=headings, rows=rows)


def format_number(value: Decimal) -> str:
    """`value` written the way the active language writes numbers (grouping, decimal mark)."""
    exponent = value.normalize().as_tuple().exponent
    decimals = max(0, -exponent) if isinstance(exponent, int) and value != value.to_integral() else 0
    return formats.number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


def _nice_ticks(low: Decimal, high: Decimal, count: int = 5) -> list[Decimal]:
    low, high = min(low, Decimal(0)), max(high, Decimal(0))
    if high == low:
        high = low + 1
    raw = (high - low) / count
    magnitude = Decimal(10) ** math.floor(math.log10(float(raw)))
    step = next(
        Decimal(multiple) * magnitude
        for multiple in ("1", "2", "2.5", "5", "10")
        if Decimal(multiple) * magnitude >= raw
    )
    start = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    ticks = []
    value = start
    while value < high + step:
        ticks.append(value)
        if value >= high:
            break
        value += step
    return ticks


def draw(kind: str, table: Table, title: str, unit: str = "") -> dict:
    """The geometry, texts and formatted table of one chart."""
    rtl = get_language_bidi()
    values = [number for _label, numbers in table.rows for number in numbers]
    ticks = _nice_ticks(min(values), max(values))
    bottom, top = ticks[0], ticks[-1]
    plot_width = WIDTH - MARGIN_START - MARGIN_END
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    # Right to left, the value axis stands on the right and categories run from right to left.
    axis_x = WIDTH - MARGIN_START if rtl else MARGIN_START
    plot_left = MARGIN_END if rtl else MARGIN_START

    def y(value: Decimal) -> float:
        return round(MARGIN_TOP + plot_height * float((top - value) / (top - bottom)), 1)

    count = len(table.rows)
    slot = plot_width / count
    series_count = len(table.series)

    def slot_x(index: int) -> float:
        position = count - 1 - index if rtl else index
        return plot_left + slot * position

    categories, bars, lines = [], [], []
    for index, (label, _numbers) in enumerate(table.rows):
        categories.append({"x": round(slot_x(index) + slot / 2, 1), "label": label})
    if kind == "bar":
        bar_width = slot * 0.7 / series_count
        for index, (_label, numbers) in enumerate(table.rows):
            for series, number in enumerate(numbers):
                offset = series_count - 1 - series if rtl else series
                top_y, base_y = sorted((y(number), y(Decimal(0))))
                bars.append(
                    {
                        "x": round(slot_x(index) + slot * 0.15 + bar_width * offset, 1),
                        "y": top_y,
                        "width": round(bar_width, 1),
                        "height": round(max(base_y - top_y, 0.5), 1),
                        "series": series + 1,
                    }
                )
    else:
        for series in range(series_count):
            points = [
                (round(slot_x(index) + slot / 2, 1), y(numbers[series]))
                for index, (_label, numbers) in enumerate(table.rows)
            ]
            lines.append({"points": " ".join(f"{px},{py}" for px, py in points), "dots": points, "series": series + 1})
    identifier = "chart-" + hashlib.sha256(f"{kind}{title}{table}".encode()).hexdigest()[:10]
    return {
        "id": identifier,
        "kind": kind,
        "width": WIDTH,
        "height": HEIGHT,
        "rtl": rtl,
        "axis_x": axis_x,
        "plot_start": MARGIN_START,
        "plot_end": WIDTH - MARGIN_END,
        "plot_left": plot_left,
        "plot_right": plot_left + plot_width,
        "baseline": y(Decimal(0)),
        "label_y": HEIGHT - MARGIN_BOTTOM + 20,
        "tick_anchor": "start" if rtl else "end",  # the ticks' text runs left to right (numbers)
        "tick_x": axis_x + 8 if rtl else axis_x - 8,
        "ticks": [{"y": y(tick), "label": format_number(tick)} for tick in ticks],
        "categories": categories,
        "bars": bars,
        "lines": lines,
        "series": [{"name": name, "number": position} for position, name in enumerate(table.series, start=1)],
        "legend": series_count > 1,
        "headings": table.headings,
        "rows": [(label, [format_number(number) for number in numbers]) for label, numbers in table.rows],
        "description": describe(kind, table, unit),
    }


def describe(kind: str, table: Table, unit: str) -> str:
    """The text alternative's summary: kind, extent and range; the table gives every figure."""
    values = [number for _label, numbers in table.rows for number in numbers]
    low, high = format_number(min(values)), format_number(max(values))
    if unit:
        low, high = f"{low} {unit}", f"{high} {unit}"
    text = _("Bar chart") if kind == "bar" else _("Line chart")
    summary = _(
        "%(kind)s of %(series)s across %(count)s categories, from %(first)s to %(last)s; "
        "values range from %(low)s to %(high)s. The table below gives every figure."
    )
    return summary % {
        "kind": text,
        "series": ", ".join(table.series),
        "count": len(table.rows),
        "first": table.rows[0][0],
        "last": table.rows[-1][0],
        "low": low,
        "high": high,
    }
