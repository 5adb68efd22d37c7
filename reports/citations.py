"""Citations of reports, chapters and briefs: APA, Chicago, BibTeX and RIS.

One `Citation` value is built from the page; each format is a small pure function of it. The text
styles (APA, Chicago) are written in the citation's language ("In", "Eds.", "edited by"); the files
(BibTeX, RIS) use their formats' own field names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext, pgettext


@dataclass(frozen=True)
class Name:
    family: str
    given: str = ""

    @property
    def initials(self) -> str:
        # APA keeps hyphens in initials: "Marie-Laure" → "M.-L."
        return " ".join("-".join(f"{piece[0]}." for piece in part.split("-") if piece) for part in self.given.split())


@dataclass(frozen=True)
class Citation:
    kind: str  # "book" (a report), "chapter", "report" (a policy brief)
    title: str
    year: int | None
    url: str
    authors: list[Name] = field(default_factory=list)
    editors: list[Name] = field(default_factory=list)
    container_title: str = ""
    publisher: str = ""
    doi: str = ""
    isbn: str = ""
    language: str = "en"
    chapter_number: str = ""
    key: str = "ipsp"


def _apa_names(names: list[Name]) -> str:
    formatted = [f"{name.family}, {name.initials}".strip(", ") for name in names]
    if len(formatted) <= 1:
        return "".join(formatted)
    return ", ".join(formatted[:-1]) + ", & " + formatted[-1]


def _chicago_names(names: list[Name]) -> str:
    if not names:
        return ""
    first = f"{names[0].family}, {names[0].given}".strip(", ")
    rest = [f"{name.given} {name.family}".strip() for name in names[1:]]
    if not rest:
        return first
    return ", ".join([first, *rest[:-1]]) + pgettext("Chicago citation, before the last author", ", and ") + rest[-1]


def _link(citation: Citation) -> str:
    return f"https://doi.org/{citation.doi}" if citation.doi else citation.url


def _organisation() -> str:
    return gettext("International Panel on Social Progress")


def _no_date() -> str:
    return pgettext("citation: no date", "n.d.")


def apa(citation: Citation) -> str:
    with translation.override(citation.language):
        authors = _apa_names(citation.authors) or _organisation()
        year = f"({citation.year})" if citation.year else f"({_no_date()})"
        if citation.kind == "chapter":
            editors = ", ".join(f"{name.initials} {name.family}".strip() for name in citation.editors)
            if editors:
                source = pgettext("APA citation", "In %(editors)s (Eds.), %(book)s") % {
                    "editors": editors,
                    "book": citation.container_title,
                }
            else:
                source = pgettext("APA citation", "In %(book)s") % {"book": citation.container_title}
            return f"{authors} {year}. {citation.title}. {source}. {citation.publisher}. {_link(citation)}"
        return f"{authors} {year}. {citation.title}. {citation.publisher}. {_link(citation)}"


def chicago(citation: Citation) -> str:
    with translation.override(citation.language):
        authors = _chicago_names(citation.authors) or _organisation()
        year = str(citation.year) if citation.year else _no_date()
        if citation.kind == "chapter":
            editors = ", ".join(f"{name.given} {name.family}".strip() for name in citation.editors)
            if editors:
                container = pgettext("Chicago citation", "In %(book)s, edited by %(editors)s") % {
                    "book": citation.container_title,
                    "editors": editors,
                }
            else:
                container = pgettext("Chicago citation", "In %(book)s") % {"book": citation.container_title}
            return f"{authors}. {year}. “{citation.title}.” {container}. {citation.publisher}. {_link(citation)}."
        return f"{authors}. {year}. {citation.title}. {citation.publisher}. {_link(citation)}."


def _bibtex_escape(value: str) -> str:
    return re.sub(r"([{}%&$#_])", r"\\\1", value)


def bibtex(citation: Citation) -> str:
    entry_type = {"book": "book", "chapter": "incollection", "report": "techreport"}[citation.kind]
    fields = [
        ("title", citation.title),
        ("author", " and ".join(f"{name.family}, {name.given}".strip(", ") for name in citation.authors)),
        ("editor", " and ".join(f"{name.family}, {name.given}".strip(", ") for name in citation.editors)),
        ("booktitle", citation.container_title if citation.kind == "chapter" else ""),
        ("chapter", citation.chapter_number),
        ("year", str(citation.year or "")),
        ("publisher" if citation.kind != "report" else "institution", citation.publisher),
        ("doi", citation.doi),
        ("isbn", citation.isbn),
        ("url", citation.url),
        ("language", citation.language),
    ]
    body = ",\n".join(f"  {name} = {{{_bibtex_escape(value)}}}" for name, value in fields if value)
    return f"@{entry_type}{{{citation.key},\n{body}\n}}\n"


def ris(citation: Citation) -> str:
    lines = [("TY", {"book": "BOOK", "chapter": "CHAP", "report": "RPRT"}[citation.kind]), ("TI", citation.title)]
    lines += [("AU", f"{name.family}, {name.given}".strip(", ")) for name in citation.authors]
    lines += [("ED", f"{name.family}, {name.given}".strip(", ")) for name in citation.editors]
    if citation.container_title:
        lines.append(("T2", citation.container_title))
    for tag, value in (
        ("PY", str(citation.year or "")),
        ("PB", citation.publisher),
        ("DO", citation.doi),
        ("SN", citation.isbn),
        ("UR", citation.url),
        ("LA", citation.language),
    ):
        if value:
            lines.append((tag, value))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)
