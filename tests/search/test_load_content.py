"""`generate_load_content`: bulk-built load pages are live, in the ten languages, searchable, and
leave Wagtail's tree valid."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Page

from home.models import StandardPage

LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def load_pages():
    parents = Page.objects.filter(slug__startswith="load-test-")
    paths = [(path, depth) for path, depth in parents.values_list("path", "depth")]
    pages = Page.objects.none()
    for path, depth in paths:
        pages |= Page.objects.filter(path__startswith=path, depth=depth + 2)
    return pages.select_related("locale")


@pytest.fixture
def generated(db):
    call_command("generate_load_content", pages=50, stdout=io.StringIO())
    return list(load_pages())


def test_pages_are_live_in_every_language(generated):
    assert len(generated) == 50
    assert all(page.live for page in generated)
    per_language = {code: sum(page.locale.language_code == code for page in generated) for code in LANGUAGES}
    assert per_language == dict.fromkeys(LANGUAGES, 5)
    assert {page.specific_class for page in generated} == {StandardPage}


def test_every_load_page_is_found_by_its_title_in_its_language(generated):
    for page in generated:
        with translation.override(page.locale.language_code):
            found = Page.objects.live().public().filter(locale=page.locale).search(page.title)[:10]
            assert page.pk in [result.pk for result in found], (page.locale.language_code, page.title)


def test_the_tree_stays_valid(generated):
    problems = Page.find_problems()

    assert all(not ids for ids in problems), problems
    home = Page.objects.get(depth=2, locale__language_code="fr")
    assert home.get_children().filter(slug="load-test-fr").exists()


def test_running_again_tops_up_instead_of_duplicating(generated):
    call_command("generate_load_content", pages=50, stdout=io.StringIO())
    assert load_pages().count() == 50

    call_command("generate_load_content", pages=60, stdout=io.StringIO())
    assert load_pages().count() == 60
    assert all(not ids for ids in Page.find_problems())


def test_refuses_production_settings(db, settings):
    settings.SETTINGS_MODULE = "cms.settings.production"

    with pytest.raises(CommandError, match="production"):
        call_command("generate_load_content", pages=10, stdout=io.StringIO())
