"""Languages a member may say they speak: the commonly spoken ones, named by CLDR (Babel) in the reader's language.

Stored as BCP 47 codes in MemberLanguage, so the names follow the visitor's language without any
translation work. The list is deliberately wider than the site's ten languages: members work in
Swahili, Quechua or Tagalog too.
"""

from __future__ import annotations

from functools import lru_cache

from babel import Locale, UnknownLocaleError

from cms.geography import to_babel

# The most spoken first and second languages, with several of each region so nobody is left out.
COMMON_LANGUAGES: tuple[str, ...] = (
    # the site's ten
    *("en", "zh", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"),
    # Africa
    *("af", "ak", "am", "ff", "ha", "ig", "ki", "ln", "mg", "om", "rw", "sn", "so", "sw", "ti", "wo", "xh"),
    *("yo", "zu"),
    # the Americas
    *("ay", "gn", "ht", "qu"),
    # Asia
    *("az", "fa", "fil", "gu", "he", "hy", "id", "ja", "ka", "kk", "km", "kn", "ko", "ku", "lo", "ml"),
    *("jv", "mn", "mr", "ms", "my", "ne", "pa", "ps", "si", "ta", "te", "th", "tr", "uz", "vi"),
    # Europe
    *("ca", "cs", "da", "de", "el", "eu", "fi", "ga", "hu", "it", "nb", "nl", "pl", "ro", "sk", "sr", "sv"),
    "uk",
    # Oceania
    *("fj", "mi", "sm", "to", "tpi"),
)


@lru_cache(maxsize=32)
def _names(language: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(to_babel(language)).languages)
    except (ValueError, TypeError, UnknownLocaleError):
        return dict(Locale.parse("en").languages)


def language_name(code: str, language: str) -> str:
    """The CLDR name of `code` in `language` ("sw" in French: "swahili"), else the code itself."""
    return _names(language).get(code.replace("-", "_"), code)


@lru_cache(maxsize=32)
def language_choices(language: str) -> tuple[tuple[str, str], ...]:
    """(code, name) for every common language, sorted by name in `language`."""
    choices = [(code, language_name(code, language)) for code in COMMON_LANGUAGES]
    return tuple(sorted(choices, key=lambda choice: (choice[1].casefold(), choice[0])))
