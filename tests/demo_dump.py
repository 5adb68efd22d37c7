"""A deterministic dump of a seeded database, to prove a change to the demo seeders changed nothing.

Every row of every model (pages with their StreamField JSON as stored, revisions, snippets, translations,
users, community data...), one line per row in primary-key order, with what differs from one seeding
to the next normalised: UUIDs (translation keys, StreamField block ids) numbered in order of first
appearance, so the links they make still count; date-times cut to the hour (both seeds run on the
test clock, which starts at the same instant); password hashes and random tokens left out.

    export DJANGO_SETTINGS_MODULE=cms.settings.test
    DATABASE_URL=postgres://…/before .venv/bin/python tests/demo_dump.py > before.txt
    DATABASE_URL=postgres://…/after .venv/bin/python tests/demo_dump.py > after.txt
    diff before.txt after.txt

Seed each database with the same commands (`migrate`, then `seed_demo`) on the test settings.
"""

from __future__ import annotations

import datetime
import json
import re
import sys
import uuid
from decimal import Decimal
from pathlib import Path

UUID = re.compile(r"\b[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\b", re.IGNORECASE)
DATETIME = re.compile(r"\b(\d{4}-\d\d-\d\d[T ]\d\d):\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")
# Random on every run, whatever the seeders write: salted hashes, tokens, share codes.
RANDOM_FIELDS = {
    "cms.user": {"password"},
    "cms.sharelink": {"code"},
    "events.endorsement": {"token"},
    "news.newslettersubscription": {"token"},
    "otp_static.statictoken": {"token"},
    "otp_totp.totpdevice": {"key"},
}
# Rows written from a set (their order and ids follow Python's string hashing): compared as sorted
# lines without their id; `content_path_hash` is a hash of `content_path`.
UNORDERED = {"wagtailcore.referenceindex": {"id", "content_path_hash"}, "wagtail_localize.translatableobject": set()}
SKIPPED_MODELS = {"sessions.session", "django_tasks_database.dbtaskresult"}


class Normaliser:
    def __init__(self) -> None:
        self.uuids: dict[str, str] = {}

    def _uuid(self, match: re.Match) -> str:
        key = match.group(0).lower().replace("-", "")
        return self.uuids.setdefault(key, f"uuid#{len(self.uuids) + 1}")

    def text(self, value: str) -> str:
        return DATETIME.sub(r"\1", UUID.sub(self._uuid, value))

    def record(self, fields: list[str], row: tuple) -> str:
        values = (self.value(value) for value in row)
        return json.dumps(dict(zip(fields, values, strict=True)), ensure_ascii=False, sort_keys=True, default=str)

    def value(self, value):
        if hasattr(value, "raw_data"):  # a StreamField's value: its stored JSON, not its HTML
            return self.value(list(value.raw_data))
        if isinstance(value, uuid.UUID):
            return self.text(str(value))
        if isinstance(value, datetime.datetime):
            return value.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H")
        if isinstance(value, (datetime.date, datetime.time, Decimal)):
            return str(value)
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [self.value(item) for item in value]
        if isinstance(value, (bytes, memoryview)):
            return bytes(value).hex()
        return value if value is None or isinstance(value, (bool, int, float)) else self.text(str(value))


def dump(out) -> int:
    from django.apps import apps
    from django.db import connection
    from wagtail.models import Revision

    normaliser = Normaliser()
    # UUIDs are numbered in the order the revisions (every page's content, in document order) hold
    # them first: other tables list some (StreamField block ids in translation contexts) in an
    # order that follows Python's string hashing.
    for content in Revision.objects.order_by("pk").values_list("content", flat=True).iterator():
        normaliser.value(content)
    rows = 0
    for model in sorted(apps.get_models(), key=lambda m: m._meta.label_lower):
        label = model._meta.label_lower
        if label in SKIPPED_MODELS or model._meta.proxy or not model._meta.managed:
            continue
        if model._meta.db_table not in connection.introspection.table_names():
            continue
        left_out = RANDOM_FIELDS.get(label, set()) | UNORDERED.get(label, set())
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if field.attname not in left_out and field.get_internal_type() != "SearchVectorField"
        ]
        lines = [
            f"{label}\t{normaliser.record(fields, row)}\n"
            for row in model._base_manager.order_by("pk").values_list(*fields)
        ]
        out.writelines(sorted(lines) if label in UNORDERED else lines)
        rows += len(lines)
    return rows


if __name__ == "__main__":
    sys.path[0] = str(Path(__file__).resolve().parents[1])  # the project, not tests/ (whose packages shadow apps)
    import django

    django.setup()
    count = dump(sys.stdout)
    sys.stderr.write(f"{count} rows\n")
