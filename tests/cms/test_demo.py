"""seed_demo is idempotent, never overwrites editors' work, and refuses production."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from wagtail.models import Locale, Page

from cms.demo import DEMO_USERS, SeedContext, seeding
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_demo_site_exists_in_every_language_through_wagtail_localize():
    from wagtail_localize.models import Translation

    english_about = StandardPage.objects.get(slug="about", locale__language_code="en")
    for locale in Locale.objects.exclude(language_code="en"):
        translated = english_about.get_translation(locale)
        assert translated.live
        assert translated.title != english_about.title
        assert Translation.objects.filter(
            source__object_id=english_about.translation_key, target_locale=locale
        ).exists()
    assert HomePage.objects.count() == 10


def test_second_run_creates_nothing():
    pages_before = Page.objects.count()
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    assert Page.objects.count() == pages_before
    assert "0 item(s) created, 0 translation(s) made" in output.getvalue()


def test_seed_never_touches_what_editors_changed():
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.title = "About us (edited by the editorial team)"
    about.save_revision().publish()
    french = about.get_translation(Locale.objects.get(language_code="fr"))
    french.title = "Qui sommes-nous"
    french.save_revision().publish()

    call_command("seed_demo", stdout=io.StringIO())

    about.refresh_from_db()
    french.refresh_from_db()
    assert about.title == "About us (edited by the editorial team)"
    assert french.title == "Qui sommes-nous"


def test_seed_creates_one_demo_user_per_role(django_user_model):
    for username, groups, superuser, _region in DEMO_USERS:
        user = django_user_model.objects.get(username=username)
        assert user.is_superuser == superuser
        assert sorted(user.groups.values_list("name", flat=True)) == sorted(groups)


@override_settings(IPSP_ENVIRONMENT="production")
def test_seed_refuses_production_settings():
    with pytest.raises(CommandError, match="refuses production"):
        call_command("seed_demo", stdout=io.StringIO())


def test_unknown_language_is_a_clear_error():
    with pytest.raises(CommandError, match="Unknown language code"):
        call_command("seed_demo", languages="de", stdout=io.StringIO())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics views")
def test_seeding_leaves_the_planner_statistics_up_to_date():
    """Where autovacuum is off or has not run yet, the first readers of a freshly seeded database
    would get plans made from guessed table sizes (issue 17): seeding ends with ANALYZE."""

    def analyses() -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")
            cursor.execute("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'wagtailcore_page'")
            return cursor.fetchone()[0]

    before = analyses()
    with seeding(SeedContext(log=lambda _line: None)):
        StandardPage.objects.filter(slug="about").update(search_description="Seeded again")
    assert analyses() == before + 1
