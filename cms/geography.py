"""Countries (ISO 3166-1 alpha-2) and the UN M49 regions they belong to (UN Statistics Division, standard M49).

Names are never stored here: they come from CLDR through Babel in the reader's language (`country_name`, `region_name`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from babel import Locale, UnknownLocaleError

# The five M49 regions (English names for reference only; display names come from CLDR via `region_name`).
REGIONS: dict[str, str] = {
    "002": "Africa",
    "019": "Americas",
    "142": "Asia",
    "150": "Europe",
    "009": "Oceania",
}

# M49 sub-regions -> their region. M49 intermediate regions (e.g. "011" Western Africa, "029" Caribbean,
# "005" South America, "830" Channel Islands) are deliberately not used: countries map to the sub-region above them.
SUBREGIONS: dict[str, str] = {
    # Africa
    "015": "002",  # Northern Africa
    "202": "002",  # Sub-Saharan Africa
    # Americas
    "419": "019",  # Latin America and the Caribbean
    "021": "019",  # Northern America
    # Asia
    "143": "142",  # Central Asia
    "030": "142",  # Eastern Asia
    "035": "142",  # South-eastern Asia
    "034": "142",  # Southern Asia
    "145": "142",  # Western Asia
    # Europe
    "151": "150",  # Eastern Europe
    "154": "150",  # Northern Europe
    "039": "150",  # Southern Europe
    "155": "150",  # Western Europe
    # Oceania
    "053": "009",  # Australia and New Zealand
    "054": "009",  # Melanesia
    "057": "009",  # Micronesia
    "061": "009",  # Polynesia
}

# Members of each sub-region, as listed by the M49 standard (grouped by intermediate region where there is one).
_SUBREGION_MEMBERS: dict[str, tuple[str, ...]] = {
    # Northern Africa
    "015": ("DZ", "EG", "EH", "LY", "MA", "SD", "TN"),
    # Sub-Saharan Africa
    "202": (
        # Eastern Africa (014)
        *("BI", "DJ", "ER", "ET", "IO", "KE", "KM", "MG", "MU", "MW", "MZ", "RE", "RW", "SC", "SO", "SS", "TF"),
        *("TZ", "UG", "YT", "ZM", "ZW"),
        # Middle Africa (017)
        *("AO", "CD", "CF", "CG", "CM", "GA", "GQ", "ST", "TD"),
        # Southern Africa (018)
        *("BW", "LS", "NA", "SZ", "ZA"),
        # Western Africa (011)
        *("BF", "BJ", "CI", "CV", "GH", "GM", "GN", "GW", "LR", "ML", "MR", "NE", "NG", "SH", "SL", "SN", "TG"),
    ),
    # Latin America and the Caribbean
    "419": (
        # Caribbean (029)
        *("AG", "AI", "AW", "BB", "BL", "BQ", "BS", "CU", "CW", "DM", "DO", "GD", "GP", "HT", "JM", "KN", "KY"),
        *("LC", "MF", "MQ", "MS", "PR", "SX", "TC", "TT", "VC", "VG", "VI"),
        # Central America (013)
        *("BZ", "CR", "GT", "HN", "MX", "NI", "PA", "SV"),
        # South America (005)
        *("AR", "BO", "BR", "BV", "CL", "CO", "EC", "FK", "GF", "GS", "GY", "PE", "PY", "SR", "UY", "VE"),
    ),
    # Northern America
    "021": ("BM", "CA", "GL", "PM", "US"),
    # Central Asia
    "143": ("KG", "KZ", "TJ", "TM", "UZ"),
    # Eastern Asia. M49 does not list Taiwan separately (it is counted within China); TW is mapped here accordingly.
    "030": ("CN", "HK", "JP", "KP", "KR", "MN", "MO", "TW"),
    # South-eastern Asia
    "035": ("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "TL", "VN"),
    # Southern Asia
    "034": ("AF", "BD", "BT", "IN", "IR", "LK", "MV", "NP", "PK"),
    # Western Asia
    "145": ("AE", "AM", "AZ", "BH", "CY", "GE", "IL", "IQ", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE"),
    # Eastern Europe
    "151": ("BG", "BY", "CZ", "HU", "MD", "PL", "RO", "RU", "SK", "UA"),
    # Northern Europe (GG and JE are the Channel Islands, 830)
    "154": ("AX", "DK", "EE", "FI", "FO", "GB", "GG", "IE", "IM", "IS", "JE", "LT", "LV", "NO", "SE", "SJ"),
    # Southern Europe
    "039": ("AD", "AL", "BA", "ES", "GI", "GR", "HR", "IT", "ME", "MK", "MT", "PT", "RS", "SI", "SM", "VA"),
    # Western Europe
    "155": ("AT", "BE", "CH", "DE", "FR", "LI", "LU", "MC", "NL"),
    # Australia and New Zealand
    "053": ("AU", "CC", "CX", "HM", "NF", "NZ"),
    # Melanesia
    "054": ("FJ", "NC", "PG", "SB", "VU"),
    # Micronesia
    "057": ("FM", "GU", "KI", "MH", "MP", "NR", "PW", "UM"),
    # Polynesia
    "061": ("AS", "CK", "NU", "PF", "PN", "TK", "TO", "TV", "WF", "WS"),
}

# Every country/territory -> its M49 sub-region. Antarctica (AQ) has no M49 region and is left out.
COUNTRY_SUBREGION: dict[str, str] = {
    country: subregion for subregion, countries in _SUBREGION_MEMBERS.items() for country in countries
}


def subregions_of(region: str) -> list[str]:
    """The M49 sub-regions of a region ("019" -> ["419", "021"]), in the order of `SUBREGIONS`."""
    return [subregion for subregion, parent in SUBREGIONS.items() if parent == region]


def region_of(country_code: str) -> str | None:
    """The M49 region code of a country ("BR" -> "019"), or None when the country is unknown."""
    subregion = COUNTRY_SUBREGION.get((country_code or "").strip().upper())
    return SUBREGIONS[subregion] if subregion else None


def regions_of(country_codes: Iterable[str]) -> list[str]:
    """Sorted, unique M49 region codes of the known countries among `country_codes`."""
    return sorted({region for code in country_codes if (region := region_of(code))})


def to_babel(language_code: str) -> str:
    """A Django language code as a Babel locale identifier: "zh-hans" -> "zh_Hans", "pt-br" -> "pt_BR"."""
    language, *subtags = (language_code or "").replace("_", "-").split("-")
    parts = [language.lower()]
    for subtag in subtags:
        if len(subtag) == 4:
            parts.append(subtag.title())  # script
        elif len(subtag) == 2 or subtag.isdigit():
            parts.append(subtag.upper())  # territory
        else:
            parts.append(subtag)
    return "_".join(parts)


@lru_cache(maxsize=32)
def _locale(language_code: str) -> Locale | None:
    try:
        return Locale.parse(to_babel(language_code))
    except (ValueError, TypeError, UnknownLocaleError):
        return None


def _territory_name(code: str, language_code: str) -> str:
    locale = _locale(language_code)
    return (locale.territories.get(code) if locale else None) or code


def country_name(code: str, language_code: str) -> str:
    """The CLDR name of a country in the given language, falling back to the code itself."""
    return _territory_name((code or "").strip().upper(), language_code)


def region_name(code: str, language_code: str) -> str:
    """The CLDR name of an M49 region or sub-region ("002", "419", ...) in the given language, else the code."""
    return _territory_name((code or "").strip(), language_code)


def country_choices(language_code: str) -> list[tuple[str, str]]:
    """(code, localized name) for every country with an M49 region, sorted by localized name."""
    choices = [(code, country_name(code, language_code)) for code in COUNTRY_SUBREGION]
    return sorted(choices, key=lambda choice: (choice[1].casefold(), choice[0]))


def place_names(countries: Iterable[tuple[str, str]], language_codes: Iterable[str]) -> list[str]:
    """The CLDR names of countries, their sub-regions and their regions in each language, for search
    ("Colombia", "América Latina y el Caribe", "América" for CO in Spanish). `countries` holds
    (country code, sub-region code) pairs; duplicates are dropped, the order is stable."""
    names: dict[str, None] = {}
    places = list(countries)
    for language in dict.fromkeys(code for code in language_codes if code):
        for code, subregion in places:
            names[country_name(code, language)] = None
            if subregion:
                names[region_name(subregion, language)] = None
                names[region_name(SUBREGIONS[subregion], language)] = None
    return list(names)
