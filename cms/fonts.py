"""The font of each script the site writes in: the one table its Python users read.

Share cards (`cms.sharing.cards`, drawn by Pillow) and PDFs (`cms.pdf`, WeasyPrint) use the full Noto
families installed on the machine (Debian `fonts-noto-core`, `fonts-noto-cjk`). The browser's copy
is `cms/static/cms/css/fonts.css` (self-hosted woff2 subsets of the same families, a `--font-body`
stack per `:lang()`); `tests/cms/test_fonts.py` checks that it names every family of this table
for its languages, so the two cannot drift apart.

The scripts are the ones the type scale of `cms/static/cms/css/tokens.css` distinguishes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScriptFont:
    script: str
    languages: tuple[str, ...]
    family: str  # the Noto family, by its fontconfig name (PDFs) and its CSS name (fonts.css)
    bold_file: str  # for share cards: the bold face's file in /usr/share/fonts/{truetype,opentype}/noto
    collection_index: int = 0  # the face inside a .ttc collection (CJK: 2 is Simplified Chinese)
    fallbacks: tuple[str, ...] = ()  # families tried next for this script (Urdu: Naskh)
    self_hosted: bool = False  # woff2 subsets in cms/static/cms/fonts/ (else the system's fonts)


SCRIPT_FONTS = (
    ScriptFont("latin", ("en", "es", "fr", "pt"), "Noto Sans", "NotoSans-Bold.ttf"),
    ScriptFont("cyrillic", ("ru",), "Noto Sans", "NotoSans-Bold.ttf"),
    ScriptFont("devanagari", ("hi",), "Noto Sans Devanagari", "NotoSansDevanagari-Bold.ttf", self_hosted=True),
    ScriptFont("bengali", ("bn",), "Noto Sans Bengali", "NotoSansBengali-Bold.ttf", self_hosted=True),
    ScriptFont("arabic", ("ar",), "Noto Naskh Arabic", "NotoNaskhArabic-Bold.ttf", self_hosted=True),
    ScriptFont(
        "nastaliq",
        ("ur",),
        "Noto Nastaliq Urdu",
        "NotoNastaliqUrdu-Bold.ttf",
        fallbacks=("Noto Naskh Arabic",),
        self_hosted=True,
    ),
    ScriptFont("han", ("zh-hans",), "Noto Sans CJK SC", "NotoSansCJK-Bold.ttc", collection_index=2),
)
BY_LANGUAGE = {language: entry for entry in SCRIPT_FONTS for language in entry.languages}
DEFAULT = SCRIPT_FONTS[0]


def for_language(language: str) -> ScriptFont:
    """The script font of `language` (Latin for a language the table does not know)."""
    return BY_LANGUAGE.get(language, DEFAULT)


def families(language: str) -> list[str]:
    """The families for a text in `language`: its own first, then every other script's, so a name
    quoted in another script still shows (a Bengali name in an Arabic text)."""
    own = for_language(language)
    names = [own.family, *own.fallbacks, *(entry.family for entry in SCRIPT_FONTS)]
    return list(dict.fromkeys(names))
