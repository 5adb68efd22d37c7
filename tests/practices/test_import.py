"""`manage.py import_practices`: every row checked first, bad rows reported by line, re-imports update."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from wagtail.models import Revision, WorkflowState

from cms.factories import UserFactory
from cms.models import ExpertReview
from cms.models.reviews import CRITERIA
from practices.models import Keyword, PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db

COLUMNS = [
    "external_id",
    "title",
    "summary",
    "country_codes",
    "themes",
    "sdgs",
    "scale",
    "start_year",
    "status",
    "organisation",
    "website",
    "language",
    "actor_type",
]


def practice(external_id: str, /, **values) -> dict:
    return {
        "external_id": external_id,
        "title": f"Community kitchens {external_id}",
        "summary": "Neighbourhood kitchens run by women's organisations feed thousands of families.",
        "country_codes": "PE;BO",
        "themes": "inequality,gender",
        "sdgs": "2;5",
        "scale": "local",
        "start_year": "1978",
        "status": "",
        "organisation": "Federación de Comedores Populares",
        "website": "https://example.org/comedores",
        "language": "en",
        "actor_type": "community",
        **values,
    }


def write_csv(path: Path, rows: list[dict], columns: list[str] = COLUMNS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(path: Path, *args: str) -> tuple[str, str]:
    """Run the command; return (stdout, stderr). Raises CommandError when a row was bad."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_practices", str(path), *args, stdout=out, stderr=err)
    except CommandError as error:
        error.stdout, error.stderr = out.getvalue(), err.getvalue()
        raise
    return out.getvalue(), err.getvalue()


def run_failing(path: Path, *args: str) -> tuple[str, str]:
    with pytest.raises(CommandError) as raised:
        run(path, *args)
    return raised.value.stdout, raised.value.stderr


def imported(prefix: str):
    return PracticePage.objects.filter(external_id__startswith=prefix, alias_of__isnull=True)  # not the fallbacks


def test_good_csv_creates_drafts_in_review_in_each_rows_language(tmp_path, locales):
    path = write_csv(
        tmp_path / "practices.csv",
        [practice("good-1"), practice("good-2", language="es", title="Comedores populares", status="completed")],
    )
    out, err = run(path)

    assert "2 created, 0 updated, 0 skipped (bad rows)" in out
    assert err == ""
    english, spanish = imported("good-").order_by("external_id")
    assert english.locale == locales["en"] and spanish.locale == locales["es"]
    assert spanish.get_parent().specific_class is PracticeIndexPage
    assert spanish.get_parent().locale == locales["es"]
    for page in (english, spanish):
        assert not page.live
        assert page.workflow_in_progress
        assert page.current_workflow_task.name == "Expert review"
        assert sorted(page.countries.values_list("code", flat=True)) == ["BO", "PE"]
        assert sorted(page.themes.values_list("slug", flat=True)) == ["gender", "inequality"]
        assert set(page.themes.values_list("locale", flat=True)) == {page.locale_id}
        assert sorted(page.sdgs.values_list("number", flat=True)) == [2, 5]
        assert set(page.sdgs.values_list("locale", flat=True)) == {page.locale_id}
    assert spanish.title == "Comedores populares" and spanish.status == "completed"
    assert english.status == "" and english.actor_type == "community" and english.start_year == 1978
    assert [block.value["name"] for block in english.organisations] == ["Federación de Comedores Populares"]
    assert english.organisations[0].value["role"] == "lead"


def test_optional_fields_are_left_empty_not_invented(tmp_path):
    row = practice("defaults-1", country_codes="", sdgs="", start_year="", status="", website="", actor_type="")
    run(write_csv(tmp_path / "practices.csv", [row]))

    page = imported("defaults-").get()
    assert (page.status, page.actor_type, page.start_year, page.website) == ("", "civil-society", None, "")
    assert not page.countries.exists() and not page.sdgs.exists()


def test_organisation_and_status_left_empty_are_shown_as_not_given(tmp_path, client):
    path = write_csv(tmp_path / "practices.csv", [practice("given-1", organisation="", status="")])
    run(path, "--publish")

    page = imported("given-").get()
    assert page.status == "" and len(page.organisations) == 0
    content = client.get(page.url).content.decode()
    assert "<dt>Status</dt><dd>not given</dd>" in content
    assert "<dt>Lead organisation</dt><dd>not given</dd>" in content
    assert "Active" not in content


def test_drafts_enter_review_without_an_email_per_practice(tmp_path):
    # Thousands of rows must not mean thousands of messages to every expert reviewer.
    rows = [practice(f"quiet-{number}") for number in range(3)]
    run(write_csv(tmp_path / "practices.csv", rows))

    assert imported("quiet-").count() == 3
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({"country_codes": "PE;XX"}, 'unknown country code "XX"'),
        ({"themes": "inequality;gardening"}, 'unknown theme "gardening"'),
        ({"sdgs": "2;18"}, "SDG 18 is not between 1 and 17"),
        ({"sdgs": "two"}, 'SDG "two" is not a number'),
        ({"scale": "huge"}, 'scale "huge" is not one of local, subnational, national, multinational, global'),
        ({"status": "paused"}, 'status "paused" is not one of active, completed, discontinued'),
        ({"actor_type": "robot"}, 'actor type "robot" is not one of'),
        ({"start_year": "1799"}, "start year 1799 is not between 1800 and"),
        ({"start_year": "3000"}, "start year 3000 is not between 1800 and"),
        ({"start_year": "around 1990"}, 'start year "around 1990" is not a whole number'),
        ({"title": ""}, "title is required"),
        ({"summary": " "}, "summary is required"),
        ({"external_id": ""}, "external_id is required"),
        ({"themes": ""}, "at least one theme is required"),
        ({"website": "www.example.org"}, 'website "www.example.org" is not a valid address'),
        ({"language": "de"}, 'unknown language "de"'),
        ({"summary": "x" * 1501}, "summary is 1501 characters long (at most 1500)"),
    ],
)
def test_a_bad_row_is_reported_with_its_line_and_reason_and_good_rows_are_imported(tmp_path, values, reason):
    rows = [practice("mixed-1"), practice("mixed-2", **values), practice("mixed-3")]
    out, err = run_failing(write_csv(tmp_path / "practices.csv", rows))

    assert f"line 3: {reason}" in err
    assert "line 2" not in err and "line 4" not in err
    assert "2 created, 0 updated, 1 skipped (bad rows)" in out
    assert sorted(imported("mixed-").values_list("external_id", flat=True)) == ["mixed-1", "mixed-3"]


def test_every_reason_of_a_bad_row_is_given_on_its_line(tmp_path):
    rows = [practice("reasons-1", country_codes="XX", sdgs="0", scale="")]
    _out, err = run_failing(write_csv(tmp_path / "practices.csv", rows))

    line = err.strip()
    assert line.startswith("line 2: ")
    assert 'unknown country code "XX"' in line and "SDG 0 is not between 1 and 17" in line
    assert "scale is required" in line


def test_a_language_without_a_practice_index_is_refused(tmp_path):
    PracticeIndexPage.objects.get(locale__language_code="bn").delete()
    _out, err = run_failing(write_csv(tmp_path / "practices.csv", [practice("noindex-1", language="bn")]))

    assert 'line 2: no practice index page in language "bn"' in err


def test_a_duplicate_external_id_in_the_file_is_reported_on_every_line(tmp_path):
    rows = [practice("dup-1"), practice("dup-2"), practice("dup-1", title="Another version")]
    out, err = run_failing(write_csv(tmp_path / "practices.csv", rows))

    assert 'line 2: external_id "dup-1" appears more than once for language "en" (line 2, line 4)' in err
    assert "line 4: external_id" in err
    assert "1 created, 0 updated, 2 skipped (bad rows)" in out
    assert list(imported("dup-").values_list("external_id", flat=True)) == ["dup-2"]


def test_lines_are_the_files_physical_lines(tmp_path):
    path = tmp_path / "practices.csv"
    write_csv(path, [practice("lines-1", summary="First paragraph.\n\nSecond paragraph."), practice("lines-2")])
    path.write_text(path.read_text(encoding="utf-8") + "\r\n" + "lines-3,No summary\r\n", encoding="utf-8")
    _out, err = run_failing(path)

    # Header on line 1, the first record on lines 2-4 (a quoted value with two line breaks),
    # the second on line 5, a blank line 6, the third on line 7.
    assert err.startswith("line 7: summary is required")
    assert imported("lines-").count() == 2
    assert imported("lines-").get(external_id="lines-1").summary == "First paragraph.\n\nSecond paragraph."


def test_all_or_nothing_imports_nothing_when_a_row_is_bad(tmp_path):
    rows = [practice("strict-1"), practice("strict-2", country_codes="XX"), practice("strict-3")]
    out, err = run_failing(write_csv(tmp_path / "practices.csv", rows), "--all-or-nothing")

    assert 'line 3: unknown country code "XX"' in err
    assert "0 created, 0 updated, 1 skipped (bad rows)" in out
    assert not imported("strict-").exists()


def test_dry_run_reports_and_changes_nothing(tmp_path):
    run(write_csv(tmp_path / "first.csv", [practice("dry-1")]))
    revisions, states = Revision.objects.count(), WorkflowState.objects.count()
    rows = [practice("dry-1", title="Renamed"), practice("dry-2"), practice("dry-3", sdgs="99")]

    out, err = run_failing(write_csv(tmp_path / "second.csv", rows), "--dry-run")

    assert 'line 2: would update "Renamed" [en]' in out
    assert 'line 3: would create "Community kitchens dry-2" [en]' in out
    assert "Dry run, nothing was saved: would create 1, would update 1, would skip 1 (bad rows)" in out
    assert "line 4: SDG 99 is not between 1 and 17" in err
    assert list(imported("dry-").values_list("external_id", flat=True)) == ["dry-1"]
    assert imported("dry-").get().get_latest_revision_as_object().title == "Community kitchens dry-1"
    assert (Revision.objects.count(), WorkflowState.objects.count()) == (revisions, states)


def test_reimport_updates_the_practice_instead_of_duplicating_it(tmp_path):
    run(write_csv(tmp_path / "practices.csv", [practice("again-1"), practice("again-2")]))
    page = imported("again-").get(external_id="again-1")
    revisions = page.revisions.count()

    rows = [practice("again-1", title="Community kitchens, renamed", country_codes="PE"), practice("again-2")]
    out, _err = run(write_csv(tmp_path / "practices.csv", rows))

    assert "0 created, 1 updated, 0 skipped (bad rows), 1 unchanged" in out
    assert imported("again-").count() == 2
    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1
    latest = page.get_latest_revision_as_object()
    assert latest.title == "Community kitchens, renamed"
    assert [country.code for country in latest.countries.all()] == ["PE"]
    assert page.workflow_in_progress  # the changed draft goes back to the experts


def test_reimporting_a_live_practice_saves_a_draft_and_keeps_the_live_version(tmp_path, client):
    run(write_csv(tmp_path / "practices.csv", [practice("live-1")]), "--publish")
    page = imported("live-").get()

    run(write_csv(tmp_path / "practices.csv", [practice("live-1", title="A new title")]))

    page.refresh_from_db()
    assert page.live and page.has_unpublished_changes
    assert page.title == "Community kitchens live-1"
    assert page.get_latest_revision_as_object().title == "A new title"
    assert page.workflow_in_progress
    assert "Community kitchens live-1" in client.get(page.url).content.decode()


def test_reimport_keeps_partner_organisations_added_by_editors(tmp_path):
    run(write_csv(tmp_path / "practices.csv", [practice("partners-1")]))
    page = imported("partners-").get().get_latest_revision_as_object()
    page.organisations.append(("organisation", {"name": "City of Lima", "role": "partner", "website": ""}))
    page.save_revision()

    run(write_csv(tmp_path / "practices.csv", [practice("partners-1", organisation="Comedores de Lima")]))

    latest = imported("partners-").get().get_latest_revision_as_object()
    assert [(block.value["name"], block.value["role"]) for block in latest.organisations] == [
        ("Comedores de Lima", "lead"),
        ("City of Lima", "partner"),
    ]


def test_publish_makes_the_practice_public_with_a_review_in_the_importers_name(tmp_path, client):
    reviewer = UserFactory(is_superuser=True, first_name="Ana", last_name="Reviewer", region="150")
    path = write_csv(tmp_path / "partner-reviewed.csv", [practice("pub-1", language="es")])

    out, _err = run(path, "--publish", "--user", reviewer.username)

    assert "1 created, 0 updated, 0 skipped (bad rows)" in out
    page = imported("pub-").get()
    assert page.live and not page.has_unpublished_changes and not page.workflow_in_progress
    review = ExpertReview.objects.get(translation_key=page.translation_key)
    assert review.decision == ExpertReview.Decision.APPROVED
    assert review.reviewer == reviewer
    assert review.reviewer_name == "Ana Reviewer"
    assert review.reviewer_region == "150"
    assert all(getattr(review, name) == "meets" for name, _label in CRITERIA)
    assert review.assessment == "Reviewed before import from partner-reviewed.csv."
    assert not review.name_publicly
    assert review.revision == page.live_revision
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Community kitchens pub-1" in content
    # Publicly: who vouched for it and from which file, never the Panel's experts.
    assert review.imported_from == "partner-reviewed.csv"
    assert "Revisada antes de la importación por Ana Reviewer, a partir de partner-reviewed.csv" in content
    assert "Revisada por expertos" not in content and "expertos de la red" not in content


def test_publish_needs_a_user_allowed_to_publish(tmp_path):
    nobody = UserFactory()
    path = write_csv(tmp_path / "practices.csv", [practice("nopub-1")])
    with pytest.raises(CommandError, match="may not publish practices"):
        run(path, "--publish", "--user", nobody.username)
    assert not imported("nopub-").exists()


def test_publishing_an_already_imported_draft_ends_its_review(tmp_path):
    path = write_csv(tmp_path / "practices.csv", [practice("later-1")])
    run(path)
    out, _err = run(path, "--publish")

    page = imported("later-").get()
    assert "0 created, 1 updated" in out
    assert page.live and not page.workflow_in_progress
    assert ExpertReview.objects.filter(translation_key=page.translation_key).count() == 1
    out, _err = run(path, "--publish")
    assert "0 created, 0 updated, 0 skipped (bad rows), 1 unchanged" in out
    assert ExpertReview.objects.filter(translation_key=page.translation_key).count() == 1


def test_json_input_works_with_lists_and_numbers(tmp_path):
    items = [
        {
            **practice("json-1"),
            "country_codes": ["PE", "BO"],
            "themes": ["inequality"],
            "sdgs": [2, 5],
            "start_year": 1978,
            "language": "fr",
        },
        {**practice("json-2"), "sdgs": [20]},
        ["not", "an", "object"],
    ]
    path = tmp_path / "practices.json"
    path.write_text(json.dumps(items), encoding="utf-8")

    out, err = run_failing(path)

    assert "item 2: SDG 20 is not between 1 and 17" in err
    assert "item 3: expected an object, got list" in err
    assert "1 created, 0 updated, 2 skipped (bad rows)" in out
    page = imported("json-").get()
    assert page.locale.language_code == "fr"
    assert sorted(page.sdgs.values_list("number", flat=True)) == [2, 5]
    assert page.start_year == 1978


def test_format_option_overrides_the_extension(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text(json.dumps([practice("fmt-1")]), encoding="utf-8")
    with pytest.raises(CommandError, match="--format"):
        run(path)
    run(path, "--format", "json")
    assert imported("fmt-").count() == 1


def test_arabic_text_is_kept_intact(tmp_path, client):
    title = "مطابخ المجتمع في القاهرة"
    summary = "مطابخ يديرها سكان الحي، تطعم آلاف الأسر كل يوم."
    organisation = "جمعية المطابخ الشعبية"
    path = write_csv(
        tmp_path / "practices.csv",
        [practice("ar-1", title=title, summary=summary, organisation=organisation, language="ar", country_codes="EG")],
    )
    run(path, "--publish")

    page = imported("ar-").get()
    assert page.locale.language_code == "ar"
    assert (page.title, page.summary, page.organisations[0].value["name"]) == (title, summary, organisation)
    assert page.slug.startswith("مطابخ-المجتمع")
    content = client.get(page.url).content.decode()
    assert title in content and summary in content


def test_a_byte_order_mark_and_unknown_columns_are_handled(tmp_path):
    path = write_csv(tmp_path / "practices.csv", [practice("bom-1")])
    path.write_text("\ufeff" + path.read_text(encoding="utf-8"), encoding="utf-8")
    run(path)
    assert imported("bom-").count() == 1

    path.write_text("external_id,title,summery\nbom-2,Title,Summary\n", encoding="utf-8")
    with pytest.raises(CommandError, match="unknown column.*summery"):
        run(path)


def test_the_dry_run_reports_a_likely_duplicate_of_an_existing_practice_in_any_language(tmp_path):
    grameen = PracticePage.objects.get(slug="grameen-bank", locale__language_code="en")  # demo, in BD
    rows = [
        practice("dup-1", title="The Grameen Bank", country_codes="BD", language="es"),
        practice("dup-2", title="Grameen Bank", country_codes="IN"),  # another country: not a duplicate
    ]
    path = write_csv(tmp_path / "practices.csv", rows)

    out, err = run(path, "--dry-run")
    assert f'line 2: "The Grameen Bank" looks like a duplicate of "Grameen Bank" (page {grameen.pk}, en)' in err
    assert "line 3" not in err
    assert "--skip-duplicates" in err
    assert "would create 2" in out

    out, err = run(path, "--skip-duplicates")
    assert "1 created, 0 updated, 0 skipped (bad rows), 1 skipped (likely duplicates)" in out
    assert list(imported("dup-").values_list("external_id", flat=True)) == ["dup-2"]


def test_unknown_columns_stop_csv_and_json_alike_unless_ignored(tmp_path):
    csv_path = tmp_path / "practices.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=[*COLUMNS, "notes"])
        writer.writeheader()
        writer.writerow({**practice("cols-1"), "notes": "from the 2019 survey"})
    json_path = tmp_path / "practices.json"
    json_path.write_text(json.dumps([practice("cols-2"), {**practice("cols-3"), "notes": "x"}]), encoding="utf-8")

    with pytest.raises(CommandError, match=r"line 1: unknown column\(s\): notes\..*--ignore-columns notes"):
        run(csv_path)
    with pytest.raises(CommandError, match=r"item 2: unknown column\(s\): notes\..*--ignore-columns notes"):
        run(json_path)
    assert not imported("cols-").exists()

    run(csv_path, "--ignore-columns", "notes,colour")
    run(json_path, "--ignore-columns", "notes")
    assert imported("cols-").count() == 3


def test_an_unknown_theme_is_reported_with_the_allowed_themes(tmp_path):
    _out, err = run_failing(write_csv(tmp_path / "practices.csv", [practice("th-1", themes="gardening")]))
    assert 'line 2: unknown theme "gardening" (themes: cities, culture, democracy, education, environment,' in err


def test_a_file_that_is_not_utf8_names_the_line(tmp_path):
    rows = [practice("enc-1", organisation="Comedores"), practice("enc-2", title="Comedores de Perú")]
    path = write_csv(tmp_path / "practices.csv", rows)
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    with pytest.raises(CommandError, match=r"line 3: practices.csv is not UTF-8"):
        run(path)


# --- Bulk creation and row-by-row creation give the same result ----------------------------------

# Ids, random keys and the clock; the path is compared on the page itself.
VOLATILE_CONTENT = {"pk", "translation_key", "path", "latest_revision", "live_revision"}


def without_block_ids(stream: object) -> list:
    """StreamField data without its blocks' random ids."""
    blocks = json.loads(stream) if isinstance(stream, str) else stream
    return [{key: value for key, value in block.items() if key != "id"} for block in blocks]


def practice_snapshot(prefix: str) -> dict:
    """Every field of the imported practices, their revisions, log entries, workflow states, many-to-many
    rows, URLs and search entries, with database ids and random keys replaced by external ids."""
    from wagtail.models import PageLogEntry, ReferenceIndex, TaskState

    pages = {page.pk: page for page in imported(prefix).select_related("locale", "owner")}
    external = {pk: page.external_id for pk, page in pages.items()}
    snapshot = {}
    for pk, page in pages.items():
        fields = {
            field.attname: getattr(page, field.attname)
            for field in PracticePage._meta.concrete_fields
            if field.attname not in ("id", "page_ptr_id", "translation_key")
            and not field.attname.endswith(("_at", "_revision_id"))
        }
        fields["live_revision"] = page.live_revision_id is not None
        fields["organisations"] = without_block_ids(page.organisations.get_prep_value())
        revisions = list(Revision.objects.filter(object_id=str(pk)).order_by("pk"))
        assert page.latest_revision_id == revisions[-1].pk and page.latest_revision_created_at is not None
        keyword_slugs = dict(Keyword.objects.values_list("pk", "slug"))
        content = [
            {
                key: without_block_ids(value)
                if key == "organisations"
                else [keyword_slugs[pk] for pk in value]
                if key == "keywords"
                else value
                for key, value in revision.content.items()
                if key not in VOLATILE_CONTENT and not key.endswith(("_id", "_at"))
            }
            for revision in revisions
        ]
        logs = [
            (
                entry.action,
                entry.label,
                entry.user_id,
                entry.content_changed,
                entry.revision_id == page.latest_revision_id,
                {
                    key: {name: item for name, item in value.items() if name not in ("id", "task_state_id")}
                    for key, value in entry.data.items()
                },
                entry.content_type_id,
            )
            for entry in PageLogEntry.objects.filter(page_id=pk)
        ]
        logs.sort(key=repr)
        states = [
            (state.workflow.name, state.status, state.requested_by_id, state.content_type_id)
            for state in WorkflowState.objects.filter(object_id=str(pk)).order_by("pk")
        ]
        tasks = [
            (task.task.name, task.status, task.revision_id == page.latest_revision_id, task.content_type_id)
            for task in TaskState.objects.filter(workflow_state__object_id=str(pk)).order_by("pk")
        ]
        references = ReferenceIndex.objects.filter(base_content_type__model="page", object_id=str(pk))
        snapshot[external[pk]] = {
            "fields": fields,
            "references": sorted(references.values_list("model_path", "content_path", "to_content_type_id")),
            "url": page.url,
            "revisions": [(revision.user_id, revision.object_str, revision.content_type_id) for revision in revisions],
            "content": content,
            "logs": logs,
            "workflow": states,
            "tasks": tasks,
            "current_task": page.current_workflow_task.name if page.current_workflow_task else None,
            "countries": list(page.countries.order_by("code").values_list("code", flat=True)),
            "themes": list(page.themes.order_by("slug").values_list("slug", flat=True)),
            "sdgs": list(page.sdgs.order_by("number").values_list("number", flat=True)),
            "keywords": list(page.keywords.order_by("slug").values_list("slug", flat=True)),
            "reviews": list(ExpertReview.objects.filter(page_id=pk).values_list("decision", "assessment")),
        }
    snapshot["indexes"] = sorted(
        (index.locale.language_code, index.numchild, index.get_children().count())
        for index in PracticeIndexPage.objects.select_related("locale")
    )
    snapshot["search"] = {
        term: sorted(external.get(hit.pk, "other") for hit in PracticePage.objects.search(term))
        for term in ("kitchens", "Comedores", "Lima")
    }
    snapshot["tree problems"] = [len(problem) for problem in PracticePage.find_problems()]
    return snapshot


def differences(one: object, other: object) -> object:
    if isinstance(one, list) and isinstance(other, list) and len(one) == len(other):
        return [differences(a, b) for a, b in zip(one, other, strict=True) if a != b]
    if isinstance(one, dict) and isinstance(other, dict):
        return {
            key: differences(one.get(key), other.get(key)) for key in {*one, *other} if one.get(key) != other.get(key)
        }
    return (one, other)


def import_and_roll_back(path: Path, *args: str, before=()) -> tuple[dict, str]:
    from django.db import transaction

    with transaction.atomic():
        for earlier in before:
            run(*earlier)
        out, _err = run(path, *args)
        snapshot = practice_snapshot("same-")
        transaction.set_rollback(True)
    return snapshot, out


def test_a_bulk_import_gives_the_same_practices_as_a_row_by_row_import(tmp_path):
    rows = [
        practice(f"same-{number}", title=f"Community kitchens of Lima {number}", language=language, keywords=keywords)
        for number, (language, keywords) in enumerate(
            [("en", "food;soup kitchens"), ("es", "comida"), ("en", ""), ("fr", "cantines"), ("en", "Food")] * 3
        )
    ]
    rows.append(practice("same-99", title="Community kitchens of Lima 0"))  # a slug taken by the file itself
    path = write_csv(tmp_path / "practices.csv", rows, [*COLUMNS, "keywords"])

    row_by_row, out_rows = import_and_roll_back(path, "--row-by-row")
    bulk, out_bulk = import_and_roll_back(path)

    assert out_rows == out_bulk and "16 created" in out_bulk
    assert set(row_by_row) == set(bulk) and len(row_by_row) == 16 + 3
    for key, expected in row_by_row.items():
        assert bulk[key] == expected, (key, differences(bulk[key], expected))
    assert bulk["tree problems"] == [0, 0, 0, 0, 0]
    assert bulk["same-99"]["fields"]["slug"] == "community-kitchens-of-lima-0-2"
    assert bulk["same-0"]["workflow"] and bulk["same-0"]["current_task"] == "Expert review"
    assert bulk["search"]["kitchens"].count("other") < len(bulk["search"]["kitchens"])


def test_a_bulk_reimport_gives_the_same_updates_as_a_row_by_row_one(tmp_path):
    drafts = [practice(f"same-{number}", language=("en", "es")[number % 2], keywords="food") for number in range(6)]
    published = [practice(f"same-live-{number}", title=f"Live kitchens {number}") for number in range(3)]
    columns = [*COLUMNS, "keywords"]
    first = write_csv(tmp_path / "first.csv", drafts, columns)
    live = write_csv(tmp_path / "live.csv", published, columns)
    changed = [
        {**row, "title": f"{row['title']} (revised)", "themes": "gender", "keywords": "food;soup", "organisation": ""}
        for row in drafts + published
    ]
    second = write_csv(tmp_path / "second.csv", changed, columns)
    before = [(first,), (live, "--publish")]

    row_by_row, out_rows = import_and_roll_back(second, "--row-by-row", before=before)
    bulk, out_bulk = import_and_roll_back(second, before=before)

    assert out_rows == out_bulk and "9 updated" in out_bulk
    assert set(row_by_row) == set(bulk)
    for key, expected in row_by_row.items():
        assert bulk[key] == expected, (key, differences(bulk[key], expected))
    assert bulk["same-0"]["fields"]["title"] == "Community kitchens same-0 (revised)"
    assert bulk["same-live-0"]["fields"]["title"] == "Live kitchens 0"  # the live version stays
    assert bulk["same-live-0"]["fields"]["draft_title"] == "Live kitchens 0 (revised)"
    assert [status for _name, status, *_rest in bulk["same-0"]["workflow"]] == ["cancelled", "in_progress"]
    assert bulk["tree problems"] == [0, 0, 0, 0, 0]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_progress_bar_on_a_terminal_only(tmp_path):
    path = write_csv(tmp_path / "practices.csv", [practice(f"bar-{number}") for number in range(3)])
    terminal = Terminal()
    call_command("import_practices", str(path), stdout=io.StringIO(), stderr=terminal)
    assert "\r  [" in terminal.getvalue() and "3/3 rows (100%," in terminal.getvalue()

    again = write_csv(tmp_path / "again.csv", [practice(f"bar-{number}", title="Changed") for number in range(3)])
    quiet = Terminal()
    call_command("import_practices", str(again), stdout=io.StringIO(), stderr=quiet, verbosity=0)
    assert quiet.getvalue() == ""
    _out, err = run(path)  # not a terminal: no progress line
    assert "rows/s" not in err
