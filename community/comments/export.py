"""All the responses to a consultation as CSV: every language version, every status.

UTF-8 with a byte order mark so Excel opens Arabic, Chinese or Hindi text correctly. Column
names are stable identifiers (scripts read them), not interface text. Cells that start like a
spreadsheet formula are neutralised by the site's CSV writer (cms.csv_export).
"""

from __future__ import annotations

from typing import IO

from django.utils import timezone
from django.utils.translation import get_language

from cms import csv_export, geography
from community.models import Comment

COLUMNS = ["id", "consultation", "section", "parent_id", "language", "region", "status", "created", "author", "body"]


def rows(translation_key) -> list[list]:
    language = get_language()
    comments = (
        Comment.objects.filter(consultation__translation_key=translation_key)
        .select_related("consultation", "section", "author__member_profile")
        .order_by("created_at", "pk")
    )
    return [
        [
            comment.pk,
            comment.consultation.title,
            comment.section.heading if comment.section_id else "",
            comment.parent_id or "",
            comment.language,
            geography.region_name(comment.author_region, language) if comment.author_region else "",
            comment.status,
            timezone.localtime(comment.created_at).isoformat(timespec="seconds"),
            comment.author_display,
            comment.body,
        ]
        for comment in comments
    ]


def write_responses(stream: IO[str], translation_key) -> None:
    stream.write("\ufeff")
    writer = csv_export.writer(stream)
    writer.writerow(COLUMNS)
    writer.writerows(rows(translation_key))
