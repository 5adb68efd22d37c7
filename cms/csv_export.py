"""The one CSV writer of the site: every export (comments, Forum registrations, Day endorsements,
topic proposals, the translation status report) goes through it.

A cell that starts like a spreadsheet formula (`=`, `+`, `-`, `@`, a tab or a carriage return) is
prefixed with an apostrophe, so opening the file in Excel or LibreOffice runs nothing
(`=cmd|' /C calc'!A0`, `@SUM(…)`, `=HYPERLINK(…)` come out as text).

* `writer(stream)`: a `csv.writer` whose rows are neutralised, for our own exports.
* `FormulaSafeExportMixin`: for Wagtail's spreadsheet exports (`list_export` on a viewset's
  index view, `SpreadsheetExportMixin`); its XLSX output already stores such cells as text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class _SafeWriter:
    def __init__(self, stream: IO[str], **kwargs) -> None:
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row: Iterable[Any]):
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


def writer(stream: IO[str], **kwargs) -> _SafeWriter:
    return _SafeWriter(stream, **kwargs)


class FormulaSafeExportMixin:
    """Put before Wagtail's IndexView / SpreadsheetExportMixin in a view's bases."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
