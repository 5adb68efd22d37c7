"""Applying a PO file that a translation agency sends back, without losing anything good in it.

wagtail-localize's own upload applies every entry and drops its warnings. Here each entry is
checked first: an entry whose placeholders or markup differ from its source, or whose markup is
broken, is reported and skipped; entries for strings the page no longer has are reported by
wagtail-localize's importer; everything else is applied.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser

import polib
from django.utils.translation import gettext as _
from wagtail_localize.models import StringNotUsedInContext, Translation, UnknownContext, UnknownString

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr"}


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.stack: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag, attrs):
        identifier = dict(attrs).get("id")
        self.tags.append(f"{tag}#{identifier}" if identifier else tag)
        if tag not in VOID_TAGS:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False


def _markup(text: str) -> tuple[list[str], bool]:
    parser = _TagCollector()
    parser.feed(text)
    parser.close()
    return sorted(parser.tags), parser.balanced and not parser.stack


def parse_upload(data: bytes) -> polib.POFile:
    """Parse an uploaded PO file's bytes as PO text, never as a path.

    `polib.pofile()` reads a FILE when the string it is given is the path of one, so uploading the
    text "/etc/passwd" or "cms/settings/base.py" would parse a server file (and the answer would tell
    whether it exists). The bytes are written to a temporary file of our own and parsed from there.
    Raises UnicodeDecodeError or OSError/ValueError for what is not a UTF-8 PO file.
    """
    data.decode("utf-8")  # not UTF-8: refused before anything is written
    with tempfile.NamedTemporaryFile(suffix=".po") as handle:
        handle.write(data)
        handle.flush()
        return polib.pofile(handle.name, encoding="utf-8")


def entry_problem(entry: polib.POEntry) -> str | None:
    """Why an entry must not be applied, or None when it is fine."""
    if sorted(PLACEHOLDER.findall(entry.msgid)) != sorted(PLACEHOLDER.findall(entry.msgstr)):
        return _("the placeholders differ from the source text")
    source_tags, _source_ok = _markup(entry.msgid)
    target_tags, target_ok = _markup(entry.msgstr)
    if not target_ok:
        return _("the markup is broken")
    if source_tags != target_tags:
        return _("the markup differs from the source text")
    return None


@dataclass
class ImportReport:
    applied: int = 0
    problems: list[str] = field(default_factory=list)


def _skipped(entry: polib.POEntry, reason: str) -> str:
    return _("Line %(line)s (“%(text)s”): %(reason)s; not applied.") % {
        "line": entry.linenum,
        "text": entry.msgid[:60],
        "reason": reason,
    }


def import_po(translation: Translation, po: polib.POFile, user) -> ImportReport:
    report = ImportReport()
    valid = polib.POFile()
    valid.metadata = po.metadata
    for entry in po:
        if entry.obsolete or not entry.msgstr or "fuzzy" in entry.flags:
            continue
        problem = entry_problem(entry)
        if problem:
            report.problems.append(_skipped(entry, problem))
            continue
        valid.append(entry)
    warnings = translation.import_po(valid, user=user, tool_name="PO File")
    skipped = {warning.index for warning in warnings}
    for warning in warnings:
        entry = valid[warning.index]
        if isinstance(warning, UnknownString | StringNotUsedInContext):
            reason = _("this text is no longer on the page")
        elif isinstance(warning, UnknownContext):
            reason = _("this part of the page no longer exists")
        else:
            reason = _("it could not be applied")
        report.problems.append(_skipped(entry, reason))
    report.applied = len(valid) - len(skipped)
    return report
