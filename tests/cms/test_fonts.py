"""The self-hosted fonts cover the scripts of the site's languages.

fonts.css declares @font-face rules for the vendored woff2 subsets in
cms/static/cms/fonts/ and picks a stack per language with :lang(). These tests
read that CSS, open the woff2 files with fontTools and check that every
character of a real sample text in Hindi, Bengali, Arabic and Urdu is mapped
by a face of the language's first family whose unicode-range includes it, in
both weights the site uses (400 and 700). They need no database.
"""

import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from cms import fonts

REPO = Path(__file__).resolve().parents[2]
STATIC = REPO / "cms" / "static" / "cms"
FONTS_CSS = STATIC / "css" / "fonts.css"
FONTS_DIR = STATIC / "fonts"

# The family each language must use first, as the brief for fonts.css says.
EXPECTED_FAMILY = {
    "hi": "Noto Sans Devanagari",
    "bn": "Noto Sans Bengali",
    "ar": "Noto Naskh Arabic",
    "ur": "Noto Nastaliq Urdu",
}

URDU_LETTERS = "ا آ ب پ ت ٹ ث ج چ ح خ د ڈ ذ ر ڑ ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن ں و ؤ ہ ۂ ھ ء ی ئ ے ۓ"
ARABIC_LETTERS = "ء آ أ ؤ إ ئ ا ب ة ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ى ي"

SAMPLES = {
    "hi": (
        "सामाजिक प्रगति पर अंतर्राष्ट्रीय पैनल। "
        "भारत की राजधानी नई दिल्ली है। हम सब मिलकर एक बेहतर समाज बना सकते हैं। "
        "क़ानून, ज़िंदगी, फ़ैसला, ऋण, दुःख, चाँद — रिपोर्ट २०२४ (०१२३४५६७८९)"
    ),
    "bn": (
        "সামাজিক অগ্রগতি বিষয়ক আন্তর্জাতিক প্যানেল। "
        "বাংলাদেশের রাজধানী ঢাকা। আমরা সবাই মিলে একটি উন্নত সমাজ গড়তে পারি। "
        "হঠাৎ আষাঢ় মাসে বৃষ্টি এল; প্রতিবেদন ২০২৪ (০১২৩৪৫৬৭৮৯)"
    ),
    "ar": (
        "الفريق الدولي المعني بالتقدم الاجتماعي. "
        "هل قرأتَ التقريرَ الأوّلَ؟ نعم، قرأتُه في عام ٢٠٢٤ (٠١٢٣٤٥٦٧٨٩). "
        "مُؤَسَّسَةٌ عِلْمِيَّةٌ دَوْلِيَّةٌ؛ " + ARABIC_LETTERS
    ),
    "ur": (
        "سماجی ترقی پر بین الاقوامی پینل۔ "
        "پاکستان کا دارالحکومت اسلام آباد ہے۔ ہم سب مل کر ایک بہتر معاشرہ بنا سکتے ہیں۔ "
        "کیا آپ نے رپورٹ پڑھی؟ ہاں، سنہ ۲۰۲۴ میں (۰۱۲۳۴۵۶۷۸۹)۔ گاؤں کی ژالہ باری، ٹھنڈی ہوا؛ " + URDU_LETTERS
    ),
}

# Main Unicode block of each script, to check the samples really are in it.
SCRIPT_BLOCK = {"hi": (0x0900, 0x097F), "bn": (0x0980, 0x09FF), "ar": (0x0600, 0x06FF), "ur": (0x0600, 0x06FF)}

WEIGHTS = (400, 700)
FALLBACK_DESCRIPTORS = ("size-adjust", "ascent-override", "descent-override", "line-gap-override")


def _css_text():
    return re.sub(r"/\*.*?\*/", "", FONTS_CSS.read_text(encoding="utf-8"), flags=re.S)


def _declaration(block, name):
    match = re.search(rf"(?:^|;|{{)\s*{name}\s*:\s*([^;]+);", block, flags=re.S)
    return match.group(1).strip() if match else None


def _parse_unicode_range(value):
    ranges = []
    for part in value.split(","):
        part = part.strip().upper()
        assert part.startswith("U+"), f"unsupported unicode-range part {part!r}"
        part = part[2:]
        if "-" in part:
            start, end = part.split("-")
        elif "?" in part:
            start, end = part.replace("?", "0"), part.replace("?", "F")
        else:
            start = end = part
        ranges.append((int(start, 16), int(end, 16)))
    return ranges


def _font_faces(*, fallbacks=False):
    """The @font-face rules of the self-hosted woff2 files; with `fallbacks`, the metric-matched
    fallback faces instead (local() fonts of the device, no url())."""
    faces = []
    for block in re.findall(r"@font-face\s*{([^}]*)}", _css_text()):
        family = _declaration(block, "font-family")
        src = _declaration(block, "src")
        urange = _declaration(block, "unicode-range")
        assert family and src, f"@font-face without font-family or src: {block!r}"
        if fallbacks:
            if "url(" not in src:
                faces.append(
                    {
                        "family": family.strip("\"' "),
                        "weight": int(_declaration(block, "font-weight") or 400),
                        "locals": re.findall(r"""local\(\s*["']([^"']+)["']\s*\)""", src),
                        "src": src,
                        **{name: _declaration(block, name) for name in FALLBACK_DESCRIPTORS},
                    }
                )
            continue
        if "url(" not in src:
            continue
        urls = re.findall(r"""url\(\s*["']?([^"')]+)["']?\s*\)""", src)
        assert len(urls) == 1, f"expected one url() per @font-face: {src!r}"
        faces.append(
            {
                "family": family.strip("\"' "),
                "weight": int(_declaration(block, "font-weight") or 400),
                "path": (FONTS_CSS.parent / urls[0]).resolve(),
                "url": urls[0],
                "ranges": _parse_unicode_range(urange) if urange else [(0, 0x10FFFF)],
                "display": _declaration(block, "font-display"),
            }
        )
    return faces


def _font_body_stacks():
    stacks = {}
    for selector, body in re.findall(r"([^{}]+){([^}]*)}", _css_text()):
        value = _declaration(body, "--font-body")
        if value is None:
            continue
        lang = re.fullmatch(r":root:lang\(([\w-]+)\)", selector.strip())
        key = lang.group(1).lower() if lang else selector.strip()
        stacks[key] = [name.strip().strip("\"'") for name in value.split(",")]
    return stacks


_cmaps = {}


def _cmap(path):
    if path not in _cmaps:
        with TTFont(str(path)) as font:
            _cmaps[path] = set(font.getBestCmap())
    return _cmaps[path]


def test_every_css_url_points_to_an_existing_file():
    urls = re.findall(r"""url\(\s*["']?([^"')]+)["']?\s*\)""", _css_text())
    assert urls, "fonts.css declares no url()"
    missing = [url for url in urls if not (FONTS_CSS.parent / url).resolve().is_file()]
    assert not missing, f"fonts.css points to missing files: {missing}"
    outside = [url for url in urls if FONTS_DIR.resolve() not in (FONTS_CSS.parent / url).resolve().parents]
    assert not outside, f"fonts.css points outside cms/static/cms/fonts/: {outside}"


def test_font_faces_are_woff2_with_swap_and_real_weights():
    faces = _font_faces()
    assert faces
    for face in faces:
        assert face["path"].suffix == ".woff2", face["url"]
        assert face["display"] == "swap", face["url"]
        with TTFont(str(face["path"])) as font:
            assert font.flavor == "woff2", face["url"]
            # A 700 face must be a real bold instance, not a relabelled regular
            # that the browser would then show instead of synthesising bold.
            assert font["OS/2"].usWeightClass == face["weight"], face["url"]


def test_vendored_fonts_are_licensed_and_declared():
    assert (FONTS_DIR / "OFL.txt").is_file()
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert (FONTS_DIR / "README.md").is_file()
    declared = {face["path"] for face in _font_faces()}
    vendored = {path.resolve() for path in FONTS_DIR.glob("*.woff2")}
    assert vendored == declared, "every vendored woff2 is declared in fonts.css and vice versa"


def test_language_stacks():
    stacks = _font_body_stacks()
    assert stacks[":root"][0] == "system-ui"
    for lang, family in EXPECTED_FAMILY.items():
        assert stacks[lang][0] == family, lang
    assert "Noto Naskh Arabic" in stacks["ur"]
    assert stacks["zh-hans"][:2] == ["Noto Sans SC", "Noto Sans CJK SC"]
    tokens = (STATIC / "css" / "tokens.css").read_text(encoding="utf-8")
    assert re.search(r":root:lang\(ur\)\s*{[^}]*--leading-body:\s*2\.1\s*;", tokens)  # Nastaliq's tall lines


def test_metric_matched_fallbacks_follow_the_arabic_script_web_fonts_and_download_nothing():
    """Urdu and Arabic name a local fallback right after their web font, sized to its width and
    given its ascent and descent (fonts.css says how the numbers were measured), in both weights;
    a fallback face only names fonts of the device, so it adds no download."""
    stacks = _font_body_stacks()
    fallbacks = _font_faces(fallbacks=True)
    for lang, family in (("ur", "Nastaliq fallback"), ("ar", "Naskh fallback")):
        assert stacks[lang][1] == family, lang
        web_font = TTFont(str(next(f["path"] for f in _font_faces() if f["family"] == stacks[lang][0])))
        em = web_font["head"].unitsPerEm
        ascent, descent = web_font["hhea"].ascent / em, -web_font["hhea"].descent / em
        web_font.close()
        own = [face for face in fallbacks if face["family"] in stacks[lang][1:3]]
        assert {(face["family"], face["weight"]) for face in own} == {
            (name, weight) for name in stacks[lang][1:3] for weight in WEIGHTS
        }
        for face in own:
            assert face["locals"] and "url(" not in face["src"], face
            size = float(face["size-adjust"].rstrip("%")) / 100
            assert 0.8 <= size <= 1.1, face
            # The overrides are the web font's, divided by size-adjust (the browser scales them by it).
            assert float(face["ascent-override"].rstrip("%")) / 100 * size == pytest.approx(ascent, abs=0.002)
            assert float(face["descent-override"].rstrip("%")) / 100 * size == pytest.approx(descent, abs=0.002)
            assert face["line-gap-override"] == "0%"


@pytest.mark.parametrize("weight", WEIGHTS)
@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_sample_text_has_no_missing_glyphs(lang, weight):
    start, end = SCRIPT_BLOCK[lang]
    assert sum(start <= ord(ch) <= end for ch in SAMPLES[lang]) > 50
    family = _font_body_stacks()[lang][0]
    assert family == EXPECTED_FAMILY[lang]
    faces = [f for f in _font_faces() if f["family"] == family and f["weight"] == weight]
    assert faces, f"no @font-face for {family!r} at weight {weight}"
    for face in faces:
        assert face["path"].is_file(), f"missing font file {face['url']}"

    def covered(codepoint):
        return any(
            any(start <= codepoint <= end for start, end in face["ranges"]) and codepoint in _cmap(face["path"])
            for face in faces
        )

    missing = sorted({ch for ch in SAMPLES[lang] if not covered(ord(ch))})
    assert not missing, f"{family} {weight} lacks " + ", ".join(f"U+{ord(ch):04X} {ch!r}" for ch in missing)


def test_fonts_css_agrees_with_the_table_of_cms_fonts():
    """cms/fonts.py is the table the share cards and PDFs read; fonts.css is the browser's copy.
    Each language's --font-body stack names its script's family, and every self-hosted family has
    its @font-face rules in both weights."""
    stacks = _font_body_stacks()
    faces = {(face["family"], face["weight"]) for face in _font_faces()}
    assert {language for entry in fonts.SCRIPT_FONTS for language in entry.languages} >= {"en", "ru", "ur", "zh-hans"}
    for entry in fonts.SCRIPT_FONTS:
        for language in entry.languages:
            stack = stacks.get(language, stacks[":root"])
            assert entry.family in stack, f"fonts.css: the stack of {language} lacks {entry.family}"
            for fallback in entry.fallbacks:
                assert fallback in stack[stack.index(entry.family) :], f"{language}: {fallback} after {entry.family}"
        if entry.self_hosted:
            assert {(entry.family, weight) for weight in WEIGHTS} <= faces, entry.family
    hosted = {family for family, _weight in faces}
    assert hosted == {entry.family for entry in fonts.SCRIPT_FONTS if entry.self_hosted}


def test_pdf_stacks_and_card_fonts_come_from_the_table():
    from cms import pdf
    from cms.sharing import cards

    assert pdf.font_stack("ur").startswith('"Noto Nastaliq Urdu", "Noto Naskh Arabic", "Noto Sans"')
    assert pdf.font_stack("ru").startswith('"Noto Sans", ')
    assert pdf.font_stack("zh-hans").endswith("sans-serif")
    for entry in fonts.SCRIPT_FONTS:
        assert f'"{entry.family}"' in pdf.font_stack("en")
    found = cards.font_path("zh-hans")
    if found is not None:  # Debian's fonts-noto-cjk installed
        assert found == (f"/usr/share/fonts/opentype/noto/{fonts.for_language('zh-hans').bold_file}", 2)
