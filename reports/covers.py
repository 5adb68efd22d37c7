"""Covers of reports and briefs drawn as SVG from the title and the theme's colour, when no cover
image was uploaded.

The SVG is inline in the page: its text inherits the page's font stack for the language
(`cms/css/fonts.css`), so every script is drawn with a font that has it, and its colours are the
theme tokens of `tokens.css` (`--color-theme-N`, by class). Titles are broken into lines here
(SVG text does not wrap): at spaces, or between characters for scripts written without them.
"""

from __future__ import annotations

from django.utils.translation import get_language, get_language_info

from cms.tokens import THEME_COLOURS, THEME_COUNT, theme_colour  # the theme colours live with the tokens

__all__ = ["THEME_COLOURS", "THEME_COUNT", "cover", "theme_colour", "wrap"]

SPACELESS_LANGUAGES = {"zh-hans", "zh-hant", "ja"}


def wrap(text: str, language: str, width: int) -> list[str]:
    """`text` in lines of about `width` characters (at most 5 lines, the last one cut short)."""
    if language in SPACELESS_LANGUAGES or " " not in text.strip():
        width = max(width // 2, 1) if language in SPACELESS_LANGUAGES else width
        lines = [text[start : start + width] for start in range(0, len(text), width)]
    else:
        lines, current = [], ""
        for word in text.split():
            if current and len(current) + 1 + len(word) > width:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
        lines.append(current)
    if len(lines) > 5:
        lines = [*lines[:4], lines[4].rstrip() + "…"]
    return lines


def cover(page, *, theme=None, kind: str = "", year: str | int = "", language: str = "") -> dict:
    """Everything `reports/includes/cover.html` draws for `page`, whose title is in `language`
    (by default the active one)."""
    language = language or get_language()
    info = get_language_info(language)
    title_lines = wrap(page.title, language, 18)
    return {
        "language": language,
        "direction": "rtl" if info["bidi"] else "ltr",
        # text-anchor="start" follows the text's direction: right to left, x is the right edge.
        "x": 280 if info["bidi"] else 24,
        "colour": theme_colour(theme),
        "kind": kind,
        "year": year,
        "title_lines": [{"text": line, "y": 120 + 34 * position} for position, line in enumerate(title_lines)],
    }
