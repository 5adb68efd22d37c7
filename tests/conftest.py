"""Shared fixtures. Every test database starts from the migrations plus the demo site in all 10
languages, seeded through the real seed_demo command (wagtail-localize included): once per run
on PostgreSQL, copied to each database (tests/demo_database.py), once per process on SQLite."""

import io
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Max
from django.utils import translation
from wagtail.models import Locale, Page, Revision, Site

from cms.factories import UserFactory
from cms.roles import EDITORS, EXPERT_REVIEWERS, MODERATORS, translators_group_name
from tests import demo_database
from tests.tooling import browser_groups


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Browser tests last: they are the slowest and hold a running event loop while open. The
    production smoke test runs only when asked for (`-m smoke`, `make smoke`).

    Under `pytest -n` (`make test`, `--dist loadgroup`) each file is one unit of work, and the
    browser tests are `tooling.BROWSER_GROUPS` units, whole files each: a group shares one running
    demo site (tests/e2e/conftest.py), in the order of its files, so what one browser test leaves on
    that site (a published page, a workflow step) meets the others of its group in the same order on
    every run. The groups are the largest units, so the workers start with them."""
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
    browser = browser_groups(items)
    for item in items:
        if item.get_closest_marker("browser"):
            group = browser[item.path]
        else:
            group = item.path.relative_to(config.rootpath).as_posix()
        item.add_marker(pytest.mark.xdist_group(group))
    if "smoke" not in (config.getoption("markexpr") or ""):
        smoke = [item for item in items if item.get_closest_marker("smoke")]
        if smoke:
            config.hook.pytest_deselected(items=smoke)
            items[:] = [item for item in items if not item.get_closest_marker("smoke")]


@pytest.fixture(scope="session")
def demo_template(request) -> str | None:
    """PostgreSQL: the database seeded once for this run (tests/demo_database.py); None on SQLite."""
    url = demo_database.postgres_url()
    if url is None:
        return None
    call_command("compile_translations", stdout=io.StringIO())  # so `pytest` alone works, not only `make test`
    test_database = settings.DATABASES["default"].get("TEST", {}).get("NAME") or f"test_{urlparse(url).path[1:]}"
    test_database = test_database.removesuffix(f"_{worker_id(request)}")
    keep = request.config.getvalue("reuse_db") and not request.config.getvalue("create_db")
    if keep and not demo_database.exists(url, f"{test_database}_demo") and demo_database.exists(url, test_database):
        return None  # a test database seeded before templates existed is reused as it is
    run_id = getattr(request.config, "workerinput", {}).get("testrunuid", demo_database.RUN_ID)
    return demo_database.template(url, test_database, run_id, keep)


def worker_id(request) -> str:
    return getattr(request.config, "workerinput", {}).get("workerid", "")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, demo_template):
    """Every test database (each xdist worker's too) starts as a copy of the seeded template."""
    if demo_template:
        settings.DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = demo_template


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, demo_template):
    call_command("compile_translations", stdout=io.StringIO())  # so `pytest` alone works, not only `make test`
    with django_db_blocker.unblock():
        if demo_template is None:  # SQLite (or a reused database): seed this process's database, or check it is
            call_command("seed_demo", stdout=io.StringIO())
        stamps = [
            Revision.objects.aggregate(latest=Max("created_at"))["latest"],
            Page.objects.aggregate(latest=Max("last_published_at"))["latest"],  # aliases have no revision
        ]
    demo_database.catch_up_with(max((stamp for stamp in stamps if stamp), default=None))


@pytest.fixture(autouse=True)
def _forget_rolled_back_sites():
    """Wagtail keeps the sites' root paths in the cache, which a test's rollback does not reach: a
    Site created inside one test would otherwise make the next tests' page URLs absolute
    (`http://localhost/en/...`, as if two sites existed). Forget them after every test."""
    yield
    Site.clear_site_root_paths_cache()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language: a request leaves the language it was served
    in active in the thread (LocaleMiddleware does not reset it), which a later test calling
    `gettext` itself would otherwise get, depending on the order the tests ran in."""
    translation.activate(settings.LANGUAGE_CODE)
    yield


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
