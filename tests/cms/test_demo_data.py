"""Every seeder's demo data (`<app>/demo_content.json`, read by `cms.demo.load`) loads and has what
its seeder reads, checked without seeding: a typo in a key or a short row fails here in a second
instead of minutes into `seed_demo`."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from cms.demo import load
from practices.models.practice import SECTIONS

ROOT = Path(__file__).resolve().parents[2]
PAGE = {"title", "slug", "introduction"}  # what cms.demo.ensure_index reads


def rows(width: int):
    """A list of rows (lists) of `width` columns each, as the seeder unpacks them."""
    return ("rows", width)


# Seeder module → the data it reads: a set is an object with (at least) these keys, or a list of
# such objects (`[keys]`); `rows(n)` a list of n-column rows; a type a single value.
SCHEMAS: dict[str, dict] = {
    "home.demo": {
        "home": {"title", "hero_heading", "hero_intro", "mission_heading", "mission", "search_description"}
        | {"key_messages"},
        "pages": [{"key", "type", "parent", "title", "slug", "show_in_menus", "introduction"}],
    },
    "reports.demo": {
        "themes": [{"name", "slug"}],
        "report": {"slug", "title", "subtitle", "abstract", "editors", "publisher", "edition_year", "theme"},
        "volumes": [{"number", "title"}],
        "section_headings": set(),
        "chapters": [{"number", "volume", "title", "summary", "sections", "key_messages", "reference"}],
        "figures_chapter": int,
        "figure_sections": [{"anchor", "heading", "key_figures", "chart", "source", "source_url"}],
        "brief": {"slug", "title", "summary", "theme", "publication_date", "recommendations"},
        "toolkit": {"slug", "title", "introduction", "steps"},
    },
    "practices.demo": {
        "practices": [
            {"external_id", "slug", "title", "summary", "organisations", "countries", "scale", "themes", "sdgs"}
            | {"keywords", "start_year", "status", "actor_type", "website", "translated"}
            | {name for name, _heading in SECTIONS}
        ],
    },
    "news.demo": {
        "index": PAGE,
        "news": [{"slug", "title", "kind", "date", "summary", "body", "related", "themes", "countries", "translated"}],
        "cadence_targets": rows(4),
        "cadence_titles": {"site_news", "newsletter", "social", "press", "partners"},
    },
    "events.demo": {
        "index": PAGE,
        "forum_index": PAGE,
        "awards_index": PAGE,
        "press_room": PAGE,
        "session_titles": set(),
        "forums": [
            {"slug", "title", "theme", "host_city", "country", "continent", "time_zone", "venue"}
            | {"start_date", "end_date", "registration_mode", "capacity"}
        ],
        "programme": rows(9),
        "award_categories": rows(3),
        "award_criteria": rows(3),
        "awards": [{"slug", "title", "introduction", "forum", "nominations_open", "nominations_close", "start_date"}],
        "eligibility": str,
        "days": [{"slug", "title", "theme", "start_date", "embargo", "declaration_title", "declaration", "asks"}],
    },
    "cms.sharing.demo": {
        "kits": [{"model", "slug", "key_message", "x_text"}],
        "relays": rows(5),
    },
    "community.members.demo": {
        "members": [{"username", "name", "role", "organisation", "country", "languages", "themes", "bio"}],
        "engagements": rows(4),
    },
    "community.topics.demo": {
        "index": PAGE,
        "supporters": rows(5),
        "proposals": [
            {"title", "language", "kind", "themes", "proposer", "supporters", "days_ago", "description", "history"}
        ],
        "comments": rows(3),
    },
    "community.consultations.demo": {
        "index": PAGE,
        "open": {"slug", "title", "introduction", "question", "search_description", "moderation", "sections"}
        | {"opens_days", "closes_days"},
        "closed": {"slug", "title", "introduction", "question", "search_description", "moderation", "sections"}
        | {"opens_days", "closes_days", "summary"},
        "commenters": rows(5),
        "open_comments": [{"key", "author", "language", "body", "days"}],
        "closed_comments": [{"key", "author", "language", "body", "days"}],
    },
    "community.communities.demo": {
        "index": PAGE,
        "communities": [
            {"slug", "title", "introduction", "theme", "region", "membership", "moderation"}
            | {"coordinators", "members", "pending", "messages"}
        ],
    },
    "community.partners.demo": {
        "index": PAGE,
        "administrator": {"username", "email", "name"},
        "partners": [
            {"slug", "title", "kind", "countries", "themes", "introduction", "website"}
            | {"practices", "members", "pending"}
        ],
    },
    "community.adaptations.demo": {
        "adaptations": rows(6),
    },
}


def check(value, schema, where: str) -> None:
    if isinstance(schema, tuple):
        _rows, width = schema
        assert isinstance(value, list) and value, f"{where}: expected a list of rows"
        for number, row in enumerate(value):
            assert isinstance(row, list) and len(row) == width, f"{where}[{number}]: expected {width} columns"
    elif isinstance(schema, list):
        assert isinstance(value, list) and value, f"{where}: expected a list of objects"
        for number, item in enumerate(value):
            check(item, schema[0], f"{where}[{number}]")
    elif isinstance(schema, set):
        assert isinstance(value, dict), f"{where}: expected an object"
        assert not schema - set(value), f"{where}: missing {sorted(schema - set(value))}"
    else:
        assert isinstance(value, schema), f"{where}: expected {schema.__name__}"


@pytest.mark.parametrize("seeder", sorted(SCHEMAS))
def test_each_seeders_data_loads_with_the_keys_it_reads(seeder):
    module = importlib.import_module(seeder)
    content = load(module.__file__)
    assert set(content) == set(SCHEMAS[seeder]), "data the seeder never reads, or reads but lacks"
    for key, schema in SCHEMAS[seeder].items():
        check(content[key], schema, f"{seeder} {key}")
    assert module.content == content  # the seeder reads this very file


def test_every_demo_data_file_is_checked_here():
    files = {path.relative_to(ROOT) for path in ROOT.glob("*/**/demo_content.json") if ".venv" not in path.parts}
    checked = {Path(*seeder.split(".")[:-1]) / "demo_content.json" for seeder in SCHEMAS}
    assert files == checked


def test_notes_are_left_out_and_the_file_is_plain_json():
    path = ROOT / "events" / "demo_content.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert "_about" in raw
    assert "_about" not in load(str(ROOT / "events" / "demo.py"))


def test_rows_point_at_data_that_exists():
    sharing, topics = load(str(ROOT / "cms/sharing/demo.py")), load(str(ROOT / "community/topics/demo.py"))
    assert all(0 <= row[0] < len(sharing["kits"]) for row in sharing["relays"])
    supporters = {row[0] for row in topics["supporters"]}
    assert all(0 <= row[0] < len(topics["proposals"]) and row[1] in supporters for row in topics["comments"])
    for proposal in topics["proposals"]:
        assert proposal["proposer"] in supporters
        assert set(proposal["supporters"]) <= supporters
