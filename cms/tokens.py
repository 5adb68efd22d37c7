"""The design tokens of `cms/static/cms/css/tokens.css`, read back for the style page and the tests.

tokens.css is the one place the colours live; its `/* contrast: --text … on --background … */`
comments declare which text colours are used on which backgrounds. This module resolves the
colour custom properties (following `var()`) and computes the WCAG 2.2 contrast ratio of each
declared pair, so `/<lang>/styleguide/` shows the ratios and `tests/cms/test_tokens.py` holds them
at 4.5:1 or more.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TOKENS_CSS = Path(__file__).resolve().parent / "static" / "cms" / "css" / "tokens.css"
MINIMUM_TEXT_CONTRAST = 4.5  # WCAG 2.2 AA, 1.4.3, normal-size text
# A distinct colour per Panel theme (the Theme snippets): the number N of its token --color-theme-N
# (cover backgrounds, theme chips, card edges). Themes not listed get one by their slug, the same
# in every language; 0 is the brand colour, for content without a theme.
THEME_COLOURS = {"inequality": 1, "work": 2, "education": 3, "democracy": 4, "cities": 5, "health": 6}
THEME_COUNT = 6  # --color-theme-1 … 6 in tokens.css (tests/cms/test_tokens.py checks)

_ROOT_BLOCK = re.compile(r"(?m)^:root\s*{(.*?)^}", re.S)
_PROPERTY = re.compile(r"(--[\w-]+)\s*:\s*([^;]+);")
_PAIRS = re.compile(r"/\*\s*contrast:\s*(.*?)\s+on\s+(.*?)\s*\*/", re.S)
_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


@dataclass(frozen=True)
class Pair:
    text: str
    background: str
    text_value: str
    background_value: str
    ratio: float


def _root_properties(css: str) -> dict[str, str]:
    """The custom properties of the plain `:root` rule (not the per-script ones)."""
    block = _ROOT_BLOCK.search(css)
    if block is None:
        return {}
    body = re.sub(r"/\*.*?\*/", "", block.group(1), flags=re.S)
    return {name: value.strip() for name, value in _PROPERTY.findall(body)}


def _resolve(name: str, properties: dict[str, str], seen: tuple[str, ...] = ()) -> str:
    value = properties[name]
    reference = re.fullmatch(r"var\((--[\w-]+)\)", value)
    if reference:
        if reference.group(1) in seen:
            raise ValueError(f"tokens.css: {name} refers to itself")
        return _resolve(reference.group(1), properties, (*seen, name))
    return value


def _hex(value: str) -> str:
    match = _HEX.fullmatch(value.strip())
    if match is None:
        raise ValueError(f"not a hex colour: {value!r}")
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return "#" + digits.lower()


def relative_luminance(colour: str) -> float:
    """WCAG's relative luminance of a #rrggbb colour."""
    digits = _hex(colour)[1:]
    channels = []
    for start in (0, 2, 4):
        value = int(digits[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@cache
def _css() -> str:
    return TOKENS_CSS.read_text(encoding="utf-8")


def colours(css: str | None = None) -> dict[str, str]:
    """Every `--color-*` token with its resolved #rrggbb value, in the file's order."""
    properties = _root_properties(css if css is not None else _css())
    return {name: _hex(_resolve(name, properties)) for name in properties if name.startswith("--color-")}


def text_pairs(css: str | None = None) -> list[Pair]:
    """Every text/background pair that tokens.css declares, with its contrast ratio."""
    css = css if css is not None else _css()
    values = colours(css)
    pairs = []
    for texts, backgrounds in _PAIRS.findall(css):
        for background in backgrounds.split():
            for text in texts.split():
                ratio = contrast(values[text], values[background])
                pairs.append(Pair(text, background, values[text], values[background], round(ratio, 2)))
    return pairs


def theme_colours(css: str | None = None) -> list[tuple[int, str]]:
    """(number, value) of each Panel theme colour, theme 0 (the brand) first."""
    values = colours(css)
    found = [
        (int(name.rsplit("-", 1)[1]), value) for name, value in values.items() if name.startswith("--color-theme-")
    ]
    return sorted(found)


def theme_colour(theme) -> int:
    """The number of the theme's colour token; 0 (the brand colour) without a theme."""
    if theme is None:
        return 0
    return THEME_COLOURS.get(theme.slug) or zlib.crc32(theme.slug.encode()) % THEME_COUNT + 1
