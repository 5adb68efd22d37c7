"""Who took part in a closed consultation: participants and comments per world region.

Counted over every language version of the consultation, visible comments only, with the
region the author had when writing (kept on the comment). Region names come from CLDR in the
reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils.translation import gettext as _

from cms import geography


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    participants: int
    comments: int


@dataclass(frozen=True)
class Participation:
    rows: list[RegionRow]
    participants: int
    comments: int


def participation(visible_comments: QuerySet, language: str) -> Participation:
    """`visible_comments`: every visible comment of the consultation, in all its languages (two queries)."""
    counts = (
        visible_comments.order_by()
        .values("author_region")
        .annotate(comments=Count("pk"), participants=Count("author", distinct=True))
    )
    rows = [
        RegionRow(
            code=row["author_region"],
            name=geography.region_name(row["author_region"], language)
            if row["author_region"]
            else _("Region not given"),
            participants=row["participants"],
            comments=row["comments"],
        )
        for row in counts
    ]
    rows.sort(key=lambda row: (-row.comments, row.name))
    totals = visible_comments.order_by().aggregate(participants=Count("author", distinct=True), comments=Count("pk"))
    return Participation(rows=rows, participants=totals["participants"], comments=totals["comments"])
