"""The design tokens (cms/static/cms/css/tokens.css): every declared text/background pair at WCAG
contrast 4.5:1 or more, a distinct colour per Panel theme, a type and space scale per script, and
the site's style sheets using the tokens rather than sizes of their own. No database."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cms import fonts, tokens

CSS = Path(tokens.TOKENS_CSS).parent
TOKENS = tokens.TOKENS_CSS.read_text(encoding="utf-8")


def test_the_contrast_formula_is_wcags():
    assert tokens.contrast("#000", "#fff") == pytest.approx(21)
    assert tokens.contrast("#fff", "#fff") == pytest.approx(1)
    assert tokens.contrast("#767676", "#fff") == pytest.approx(4.54, abs=0.01)  # the lightest AA grey
    assert tokens.contrast("#777777", "#ffffff") < 4.5


def test_a_pair_below_the_minimum_is_caught():
    css = (
        ":root {\n  --color-a: #fff;\n  --color-b: var(--color-c);\n  --color-c: #999;\n"
        "  /* contrast: --color-b on --color-a */\n}\n"
    )
    (pair,) = tokens.text_pairs(css)
    assert (pair.text_value, pair.background_value) == ("#999999", "#ffffff")
    assert pair.ratio < tokens.MINIMUM_TEXT_CONTRAST


def test_every_declared_text_colour_reaches_4_5_to_1_on_its_backgrounds():
    pairs = tokens.text_pairs()
    assert len(pairs) > 30
    low = [f"{p.text} on {p.background}: {p.ratio}" for p in pairs if p.ratio < tokens.MINIMUM_TEXT_CONTRAST]
    assert low == []


def test_every_text_colour_the_style_sheets_use_is_declared_with_its_backgrounds():
    declared_texts = {pair.text for pair in tokens.text_pairs()}
    declared_backgrounds = {pair.background for pair in tokens.text_pairs()}
    used_texts, used_backgrounds = set(), set()
    for name in ("main.css", "components.css"):
        css = (CSS / name).read_text(encoding="utf-8")
        used_texts |= set(re.findall(r"(?<![-\w])color:\s*var\((--color-[\w-]+)\)", css))
        used_backgrounds |= set(re.findall(r"background:\s*var\((--color-[\w-]+)\)", css))
    assert used_texts, "no text colour found: the pattern is wrong"
    graphics = {"--color-focus"} | {name for name in used_texts if name.startswith("--color-map-")}  # fills, 3:1
    assert used_texts - graphics <= declared_texts
    assert used_backgrounds - {"--color-map-0"} <= declared_backgrounds | {"--color-brand-dark"}


def test_each_panel_theme_has_its_own_colour():
    themes = dict(tokens.theme_colours())
    assert sorted(themes) == list(range(tokens.THEME_COUNT + 1))
    assert len(set(themes.values())) == len(themes)  # distinct
    assert set(tokens.THEME_COLOURS.values()) <= set(themes) - {0}
    components = (CSS / "components.css").read_text(encoding="utf-8")
    for number in range(1, tokens.THEME_COUNT + 1):
        assert f".theme-chip--theme-{number}" in components


def test_theme_colour_of_a_snippet():
    class Theme:
        def __init__(self, slug):
            self.slug = slug

    assert tokens.theme_colour(Theme("work")) == 2
    assert tokens.theme_colour(None) == 0
    assert 1 <= tokens.theme_colour(Theme("a-new-theme")) <= tokens.THEME_COUNT


def _lang_block(language: str) -> str:
    match = re.search(rf":root:lang\({re.escape(language)}\)[^{{]*{{([^}}]*)}}", TOKENS)
    return match.group(1) if match else ""


def test_each_script_has_its_line_heights_and_scale():
    assert "--leading-body: 1.6" in TOKENS and "--script-scale: 1;" in TOKENS  # Latin and Cyrillic
    assert float(re.search(r"--leading-body:\s*([\d.]+)", _lang_block("ur")).group(1)) >= 2  # Nastaliq
    assert float(re.search(r"--script-scale:\s*([\d.]+)", _lang_block("zh-hans")).group(1)) < 1  # CJK
    assert "--script-scale" in _lang_block("ar") and "--leading-body" in _lang_block("hi")
    assert "--leading-body" in _lang_block("bn") and "--space-unit" in _lang_block("ur")
    scripts_with_rules = {fonts.for_language(code).script for code in ("hi", "bn", "ar", "ur", "zh-hans")}
    assert scripts_with_rules == {entry.script for entry in fonts.SCRIPT_FONTS} - {"latin", "cyrillic"}


def test_main_and_components_use_the_type_and_grid_tokens():
    for name in ("main.css", "components.css"):
        css = re.sub(r"/\*.*?\*/", "", (CSS / name).read_text(encoding="utf-8"), flags=re.S)
        assert not re.findall(r"font-size:\s*[\d.]+(?:rem|px)", css), name
        assert not re.findall(r"max-inline-size:\s*75rem", css), name
        assert not re.findall(r"#[0-9a-fA-F]{3,6}\b", css), name  # colours come from tokens.css
