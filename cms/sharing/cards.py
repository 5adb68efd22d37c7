"""The 1200×630 card image of a share kit: the page's title on the Panel's colours, in its own script.

Drawn by Pillow with its RAQM layout engine (HarfBuzz shapes the glyphs, FriBiDi orders them): Arabic
and Urdu are joined and run right to left, Devanagari and Bengali conjuncts and vowel signs are
formed, Chinese is broken between characters. Fonts are the Noto families installed on the machine
(Debian `fonts-noto-core`, `fonts-noto-cjk`), from the table of `cms.fonts` that PDFs use too.

A card is drawn on first request and kept in the default storage, keyed by the page, its live
revision and the layout version: a new publication draws a new card.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont, features

from cms import fonts

logger = logging.getLogger(__name__)

LAYOUT_VERSION = 2  # bump when the drawing changes, so stored cards are redrawn
SIZE = (1200, 630)
MARGIN = 80
BACKGROUND = (8, 61, 71)  # --color-brand-dark in cms/css/tokens.css
ACCENT = (253, 233, 168)  # --color-highlight
TEXT = (255, 255, 255)
FONT_DIRS = (Path("/usr/share/fonts/truetype/noto"), Path("/usr/share/fonts/opentype/noto"))
# Harfbuzz language tags (BCP 47) for shaping rules specific to a language (Urdu's forms, for instance).
SHAPING_LANGUAGES = {"zh-hans": "zh-Hans"}
# Scripts written without spaces between words: a line may break after any character.
NO_SPACE_LANGUAGES = {"zh-hans"}


# The first letter's script tells which font draws a text: an untranslated (fallback) title on an
# Arabic page is drawn in Latin letters, left to right.
SCRIPTS = {"ARABIC": "ar", "DEVANAGARI": "hi", "BENGALI": "bn", "CJK": "zh-hans"}


def script_language(text: str, language: str) -> str:
    """`language` when `text` is written in its script, else the language of the script it is in."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            script = next((code for prefix, code in SCRIPTS.items() if name.startswith(prefix)), "en")
            if script == "ar" and language == "ur":
                return "ur"
            return language if script == FONT_SCRIPT.get(language, "en") else script
    return language


FONT_SCRIPT = {"ar": "ar", "ur": "ar", "hi": "hi", "bn": "bn", "zh-hans": "zh-hans"}


@cache
def font_path(language: str) -> tuple[str, int] | None:
    entry = fonts.for_language(language)  # the one table of fonts per script
    name, index = entry.bold_file, entry.collection_index
    for directory in FONT_DIRS:
        if (directory / name).exists():
            return str(directory / name), index
    return None


def _font(language: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    found = font_path(language) or font_path("en")
    if found is None:  # no Noto at all: a card with Pillow's own font is better than none
        logger.warning("No Noto font found for share cards (install fonts-noto-core and fonts-noto-cjk)")
        return ImageFont.load_default(size)
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(found[0], size, index=found[1], layout_engine=engine)


def _layout_options(language: str) -> dict:
    options = {"language": SHAPING_LANGUAGES.get(language, language)}
    if language in settings.RTL_LANGUAGES:
        options["direction"] = "rtl"
    if not features.check("raqm"):
        return {}
    return options


def wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int, language: str) -> list[str]:
    """The title broken into lines no wider than `width` (at spaces, or anywhere in Chinese)."""
    options = _layout_options(language)
    units = list(text) if language in NO_SPACE_LANGUAGES else text.split()
    joiner = "" if language in NO_SPACE_LANGUAGES else " "
    lines: list[str] = []
    current = ""
    for unit in units:
        candidate = f"{current}{joiner}{unit}" if current else unit
        if current and draw.textlength(candidate, font=font, **options) > width:
            lines.append(current)
            current = unit
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def draw_card(title: str, language: str, site_name: str) -> bytes:
    """The PNG of a card for `title` in `language` (the site's name at the foot, in the same language)."""
    site_language = script_language(site_name, language)
    language = script_language(title, language)
    image = Image.new("RGB", SIZE, BACKGROUND)
    draw = ImageDraw.Draw(image)
    width = SIZE[0] - 2 * MARGIN
    options = _layout_options(language)
    rtl = language in settings.RTL_LANGUAGES
    # The largest size at which the title fits in four lines (Nastaliq needs more height per line).
    line_factor = 1.9 if language == "ur" else 1.35
    for size in (72, 64, 56, 48, 42, 36, 30):
        font = _font(language, size)
        lines = wrap(draw, title, font, width, language)
        if len(lines) <= 4 and len(lines) * size * line_factor <= SIZE[1] - 2 * MARGIN - 80:
            break
    lines = lines[:4]
    top = MARGIN
    for line in lines:
        line_width = draw.textlength(line, font=font, **options)
        x = SIZE[0] - MARGIN - line_width if rtl else MARGIN
        draw.text((x, top), line, font=font, fill=TEXT, **options)
        top += int(size * line_factor)
    # A rule and the Panel's name at the foot, on the reading side.
    foot, foot_options = _font(site_language, 30), _layout_options(site_language)
    rule_y = SIZE[1] - MARGIN - 50
    rule_x = SIZE[0] - MARGIN - 120 if site_language in settings.RTL_LANGUAGES else MARGIN
    draw.rectangle((rule_x, rule_y, rule_x + 120, rule_y + 6), fill=ACCENT)
    name_width = draw.textlength(site_name, font=foot, **foot_options)
    name_x = SIZE[0] - MARGIN - name_width if site_language in settings.RTL_LANGUAGES else MARGIN
    draw.text((name_x, rule_y + 18), site_name, font=foot, fill=TEXT, **foot_options)
    output = io.BytesIO()
    image.save(output, format="PNG", optimize=True)
    return output.getvalue()


def storage_name(page) -> str:
    revision = page.live_revision_id or page.latest_revision_id or 0
    return f"share-cards/{page.pk}-{revision}-{page.locale.language_code}-v{LAYOUT_VERSION}.png"


def card_png(page, site_name: str) -> bytes:
    """The card of `page` in its language, drawn once per publication and kept in the default storage."""
    name = storage_name(page)
    try:
        if default_storage.exists(name):
            with default_storage.open(name) as stored:
                return stored.read()
    except OSError:
        logger.exception("Could not read the stored share card %s", name)
    data = draw_card(page.title, page.locale.language_code, site_name)
    try:
        default_storage.save(name, ContentFile(data))
    except OSError:  # a storage outage degrades to drawing on each request
        logger.exception("Could not store the share card %s", name)
    return data
