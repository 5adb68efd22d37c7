"""Text analysis shared by indexing and querying, so both sides of a search see the same words.

PostgreSQL and SQLite know nothing about Arabic-script spelling variants or Chinese word
boundaries, so the search backends pass every indexed text and every query through
`normalise` and `segment` first. Both functions are pure and cheap to call twice.

Choices (documented in the README, section "Search"):

- Arabic-script folding is applied whatever the language, because it only touches Arabic-script
  code points: an Urdu name quoted on an English page matches the same name typed in Urdu.
- Alef forms (أ إ آ ٱ) become ا; alef maksura ى and Farsi/Urdu yeh ی become ي; keheh ک becomes
  ك; heh goal ہ becomes ه; Urdu ta marbuta ۃ becomes ة. Ta marbuta ة is kept, not folded to ه
  (Lucene folds it): PostgreSQL's Snowball Arabic stemmer strips ة as the feminine ending
  (مدرسة, المدرسة → مدرس) but not always a final ه (المدرسه stays whole), so keeping ة lets the
  stemmer join singular and plural. Do-chashmi heh ھ is kept: in Urdu it marks aspiration (بھارت)
  and folding it would merge different words.
- Diacritics (tashkeel, superscript alef, Quranic marks) and tatweel are removed.
- Latin letters lose their accents and letter variants are spelt out (Medellín → medellin,
  Família → familia, œ → oe, ß → ss, ø → o): people type names without accents, and on both sides
  of a search the same folding happens before stemming, so PostgreSQL, SQLite and Elasticsearch
  (which receives analysed text) agree. Only combining marks that follow a Latin letter are
  removed: Devanagari and Bengali vowel signs, Cyrillic й and ё and every other script stay as
  they are.
- Arabic-Indic, Urdu, Devanagari and Bengali digits become ASCII digits.
- Chinese (Han) runs are split into words with jieba; other text is returned unchanged.
- `stem` (used where the database has no stemmer: SQLite) applies the same Snowball algorithms
  that PostgreSQL's text search configurations use, for the same seven languages.
"""

from __future__ import annotations

import logging
import re
import string
import unicodedata
from functools import cache

# Tashkeel and other combining marks of the Arabic block, plus tatweel (U+0640).
_ARABIC_MARKS = re.compile(
    "[\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]"
)

_LETTER_VARIANTS = {
    "\u0623": "\u0627",  # أ alef with hamza above
    "\u0625": "\u0627",  # إ alef with hamza below
    "\u0622": "\u0627",  # آ alef with madda
    "\u0671": "\u0627",  # ٱ alef wasla
    "\u0649": "\u064a",  # ى alef maksura
    "\u06cc": "\u064a",  # ی Farsi/Urdu yeh
    "\u06a9": "\u0643",  # ک keheh (Urdu kaf)
    "\u06c1": "\u0647",  # ہ heh goal (Urdu heh)
    "\u06d5": "\u0647",  # ە ae
    "\u06c3": "\u0629",  # ۃ ta marbuta goal
}


def _digits() -> dict[int, str]:
    table = {}
    for zero in (0x0660, 0x06F0, 0x0966, 0x09E6):  # Arabic-Indic, Urdu/Persian, Devanagari, Bengali
        for value in range(10):
            table[zero + value] = str(value)
    return table


_TRANSLATION = str.maketrans(_LETTER_VARIANTS | _digits())

# Combining diacritical marks (U+0300–U+036F) right after a Latin letter (decomposed text).
_LATIN_MARKS = re.compile("([A-Za-z\u00c0-\u024f\u1e00-\u1eff])[\u0300-\u036f]+")
# Latin letters that do not decompose into a base letter and a mark.
_LATIN_LETTERS = str.maketrans(
    {"æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ł": "l", "ı": "i", "ħ": "h", "ŧ": "t"}
)


def fold_latin(text: str) -> str:
    """Accents removed from Latin letters and letter variants spelt out (casefolded input)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    folded = _LATIN_MARKS.sub(r"\1", decomposed)
    # NFC(NFD(x)) is x for text that was NFC, so other scripts come back unchanged.
    return unicodedata.normalize("NFC", folded).translate(_LATIN_LETTERS)


# CJK Unified Ideographs and extension A, plus compatibility ideographs.
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def normalise(text: str, language: str) -> str:
    """Fold `text` into the form that indexing and querying compare: NFKC, casefolded, Arabic-script
    diacritics removed and letter variants unified, Latin accents removed. `language` is accepted for symmetry with
    `segment` (and future per-language rules); the current rules are safe for every language."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _ARABIC_MARKS.sub("", text)
    return fold_latin(text.translate(_TRANSLATION))


@cache
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def segment(text: str, language: str, *, index: bool = False) -> str:
    """Split Chinese text into words separated by spaces, so a word search can find a word inside
    an unsegmented sentence. Text without Han characters is returned unchanged (any language).

    With `index=True` jieba's search mode also emits the shorter words inside long compounds
    (中华人民共和国 → 中华, 人民, 共和国, …), so a query for a part still matches; queries use the
    precise mode, whose words are always among those."""
    if not text or not _HAN.search(text):
        return text
    jieba = _jieba()
    words = jieba.cut_for_search(text) if index else jieba.cut(text)
    # Punctuation comes back as words of its own (，。); a query term without letters breaks
    # SQLite's FTS5 syntax and means nothing to any index, so it is dropped.
    return " ".join(word for word in words if any(char.isalnum() for char in word))


# Snowball stemmers for the languages PostgreSQL 15 also stems; Bengali, Urdu and Chinese have none.
SNOWBALL_LANGUAGES = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "pt": "portuguese",
    "ru": "russian",
    "ar": "arabic",
    "hi": "hindi",
}
# Punctuation stripped from the ends of words before stemming (the tokenizer drops it anyway).
_EDGE_PUNCTUATION = string.punctuation + "«»“”‘’„‚،؛؟۔।॥…—–·"


def stemmer_language(language: str) -> str | None:
    """The Snowball algorithm for a language code ("fr-ca" → "french"), or None."""
    return SNOWBALL_LANGUAGES.get(language.split("-")[0].lower())


@cache
def _stemmer(algorithm: str):
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm)


def stem(text: str, language: str) -> str:
    """Replace every word of (already normalised) `text` by its Snowball stem, so that a plural and
    its singular become one word; text in a language without a stemmer is returned unchanged."""
    algorithm = stemmer_language(language)
    if not algorithm or not text:
        return text
    words = [word.strip(_EDGE_PUNCTUATION) for word in text.split()]
    return " ".join(_stemmer(algorithm).stemWords([word for word in words if word]))


def analyse(text: str, language: str, *, index: bool = False) -> str:
    """`normalise` then `segment`: what the backends feed to the search engine."""
    return segment(normalise(text, language), language, index=index)
