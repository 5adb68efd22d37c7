"""Shared fixtures. Every test database starts from the migrations plus the demo site in all 10
languages, seeded through the real seed_demo command (wagtail-localize included): once per run
on PostgreSQL, copied to each database (tests/demo_database.py), once per process on SQLite."""

import io
from collections import Counter
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Max
from django.utils import translation
from wagtail.models import Locale, Page, Revision, Site

from cms import page_cache
from cms.factories import UserFactory
from cms.roles import EDITORS, EXPERT_REVIEWERS, MODERATORS, translators_group_name
from tests import demo_database
from tests.tooling import browser_groups

# What a test needs the seeded database through: pytest-django's fixtures (`db`, `transactional_db`,
# `django_db_setup`) all depend on `demo_template`, and so do the browser tests' sites; `live_server`
# and the `django_db` marker ask for theirs only when the test starts.
DATABASE_FIXTURES = {"demo_template", "live_server"}


def needs_database(item: pytest.Item) -> bool:
    fixtures = set(getattr(item, "fixturenames", ()))
    return bool(fixtures & DATABASE_FIXTURES) or item.get_closest_marker("django_db") is not None


def pytest_configure(config):
    """Under `--dist loadgroup` the units run in the order the collection gives them (see below),
    not xdist's own order, largest unit first, which would mix the units without a database in."""
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


GROUP = pytest.StashKey[str]()  # a test's unit of work under `--dist loadgroup`


@pytest.hookimpl(wrapper=True)  # the groups before pytest-xdist reads them, the order after pytest-django's
def pytest_collection_modifyitems(config, items):
    """The tests that need no database first, so that they run while the demo template is being
    built (tests/demo_database.py); browser tests last: they are the slowest and hold a running event
    loop while open. The production smoke test runs only when asked for (`-m smoke`, `make smoke`).

    Under `pytest -n` (`make test`, `--dist loadgroup`) each file is one unit of work, and the
    browser tests are `tooling.BROWSER_GROUPS` units, whole files each: a group shares one running
    demo site (tests/e2e/conftest.py), in the order of its files, so what one browser test leaves on
    that site (a published page, a workflow step) meets the others of its group in the same order on
    every run. The units are handed out in the order of the collection: first those where no test
    needs the database, then the others; in each part the largest units first (xdist's own order),
    so the workers start the database part with the browser groups. A unit where one test needs the
    database counts as needing it: its worker waits for the template there. The order is set after
    pytest-django's own (database tests first, which is the opposite)."""
    browser = browser_groups(items)
    for item in items:
        if item.get_closest_marker("browser"):
            item.stash[GROUP] = browser[item.path]
        else:
            item.stash[GROUP] = item.path.relative_to(config.rootpath).as_posix()
        item.add_marker(pytest.mark.xdist_group(item.stash[GROUP]))
    yield  # pytest-xdist renames each test after its group here, which changes the items' hashes
    with_database = {item.stash[GROUP] for item in items if needs_database(item)}
    if hasattr(config, "workerinput"):
        size = Counter(item.stash[GROUP] for item in items)
        items.sort(key=lambda item: (item.stash[GROUP] in with_database, -size[item.stash[GROUP]], item.stash[GROUP]))
    else:
        items.sort(
            key=lambda item: (item.get_closest_marker("browser") is not None, item.stash[GROUP] in with_database)
        )
    if "smoke" not in (config.getoption("markexpr") or ""):
        smoke = [item for item in items if item.get_closest_marker("smoke")]
        if smoke:
            config.hook.pytest_deselected(items=smoke)
            items[:] = [item for item in items if not item.get_closest_marker("smoke")]


BUILD = pytest.StashKey[demo_database.Build]()


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist starts the workers with the run's id
def pytest_sessionstart(session):
    """The main process (the xdist controller under `-n`) starts building the template at once, in
    the background: the workers wait for it only when a test first needs the database."""
    config = session.config
    if hasattr(config, "workerinput") or config.getoption("collectonly"):
        return
    source = template_source(config)
    if source is not None:
        call_command("compile_translations", stdout=io.StringIO())  # seed_demo reads the catalogues
        config.stash[BUILD] = demo_database.Build(*source)


def pytest_collection_finish(session):
    """Without xdist the main process collects: where no test needs the database, stop its build."""
    build = session.config.stash.get(BUILD, None)
    if build is not None and not any(needs_database(item) for item in session.items):
        build.cancel()


def pytest_sessionfinish(session):
    """A build still running when the tests are done was needed by none of them."""
    build = session.config.stash.get(BUILD, None)
    if build is not None:
        build.cancel()


def template_source(config) -> tuple[str, str, str, bool] | None:
    """What `demo_database.template` builds this run from: the server, the test database's name
    (without an xdist worker's suffix), the run's id, and whether to keep an existing template. None
    on SQLite, and where a test database seeded before templates existed is reused as it is."""
    url = demo_database.postgres_url()
    if url is None:
        return None
    test_database = settings.DATABASES["default"].get("TEST", {}).get("NAME") or f"test_{urlparse(url).path[1:]}"
    test_database = test_database.removesuffix(f"_{worker_id(config)}")
    keep = config.getvalue("reuse_db") and not config.getvalue("create_db")
    if keep and not demo_database.exists(url, f"{test_database}_demo") and demo_database.exists(url, test_database):
        return None
    return url, test_database, run_id(config), keep


def run_id(config) -> str:
    """The run's id, one for the controller and all its workers: xdist's `--testrunuid`, which the
    controller sets here before it starts the workers (it would make one up otherwise)."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:
        return workerinput["testrunuid"]
    if config.getoption("testrunuid", None) is None:
        config.option.testrunuid = demo_database.RUN_ID
    return config.option.testrunuid


def worker_id(config) -> str:
    return getattr(config, "workerinput", {}).get("workerid", "")


@pytest.fixture(scope="session")
def demo_template(request) -> str | None:
    """PostgreSQL: the database seeded once for this run (tests/demo_database.py); None on SQLite."""
    source = template_source(request.config)
    if source is None:
        return None
    call_command("compile_translations", stdout=io.StringIO())  # so `pytest` alone works, not only `make test`
    return demo_database.template(*source)


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
def _forget_rolled_back_content():
    """What the cache keeps about content, which a test's rollback does not reach: Wagtail's sites'
    root paths (a Site created inside one test would otherwise make the next tests' page URLs
    absolute, `http://localhost/en/...`, as if two sites existed), and every entry stamped with the
    page cache's generation (`cms.sites`' sites; the chrome's rows: a menu page created by one test
    would otherwise stay in the next tests' menus). Forget them after every test."""
    yield
    Site.clear_site_root_paths_cache()
    page_cache.bump()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language: a request leaves the language it was served
    in active in the thread (LocaleMiddleware does not reset it), which a later test calling
    `gettext` itself would otherwise get, depending on the order the tests ran in."""
    translation.activate(settings.LANGUAGE_CODE)
    yield


@pytest.fixture
def task_worker(settings, monkeypatch):
    """Production's task backend, the database queue (`TASKS_BACKEND=database`), and its worker:
    calling the fixture's value runs every task that is due with `manage.py db_worker --batch`, as
    the worker process does, then stops."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker closes connections between tasks, as a request would; inside the test's
    # transaction that would close the test's own connection.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def run() -> None:
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", stdout=io.StringIO())

    return run


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
