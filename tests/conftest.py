"""Shared fixtures. Every test database starts from the migrations plus the demo site in all 10
languages, seeded once per session through the real seed_demo command (wagtail-localize included)."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from cms.factories import UserFactory
from cms.roles import EDITORS, EXPERT_REVIEWERS, MODERATORS, translators_group_name


def pytest_collection_modifyitems(config, items):
    """Browser tests last: they are the slowest and hold a running event loop while open. The
    production smoke test runs only when asked for (`-m smoke`, `make smoke`)."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
    if "smoke" not in (config.getoption("markexpr") or ""):
        smoke = [item for item in items if item.get_closest_marker("smoke")]
        if smoke:
            config.hook.pytest_deselected(items=smoke)
            items[:] = [item for item in items if not item.get_closest_marker("smoke")]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    call_command("compile_translations", stdout=io.StringIO())  # so `pytest` alone works, not only `make test`
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture
def home_pages(db) -> dict[str, Page]:
    return {page.locale.language_code: page.specific for page in Page.objects.filter(depth=2).select_related("locale")}


@pytest.fixture
def english_home(home_pages):
    return home_pages["en"]


def _user(group: str | None, **kwargs):
    return UserFactory(groups=[group] if group else [], **kwargs)


@pytest.fixture
def editor(db):
    return _user(EDITORS)


@pytest.fixture
def reviewer(db):
    return _user(EXPERT_REVIEWERS)


@pytest.fixture
def moderator(db):
    return _user(MODERATORS)


@pytest.fixture
def translator_fr(db):
    return _user(translators_group_name("fr"))


@pytest.fixture
def locales(db) -> dict[str, Locale]:
    return {locale.language_code: locale for locale in Locale.objects.all()}
