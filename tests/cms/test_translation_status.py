"""The translation status report: states, filters, CSV export, and the translator's dashboard count."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from cms import translation_status
from cms.factories import UserFactory
from cms.roles import EDITORS, translators_group_name
from home.factories import StandardPageFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def status_of(slug: str, code: str) -> translation_status.LocaleStatus:
    row = next(row for row in translation_status.page_statuses() if row.page.slug == slug and row.page.depth == 3)
    return row.locales[code]


def test_seeded_translations_are_up_to_date():
    assert status_of("about", "fr").state == translation_status.UP_TO_DATE
    assert status_of("about", "ur").state == translation_status.UP_TO_DATE


def test_a_new_page_is_missing_everywhere(english_home):
    StandardPageFactory(parent=english_home, slug="new-page", title="New page")
    row = next(row for row in translation_status.page_statuses() if row.page.slug == "new-page")
    assert {status.state for status in row.locales.values()} == {translation_status.MISSING}
    assert len(row.locales) == 9


def test_editing_the_source_marks_translations_outdated():
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.title = "About the Panel, revised"
    about.save_revision()
    assert status_of("about", "fr").state == translation_status.OUTDATED


def test_missing_segments_show_progress():
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    french = Locale.objects.get(language_code="fr")
    translations = StringTranslation.objects.filter(context__object_id=about.translation_key, locale=french)
    total = translations.count()
    translations.first().delete()
    status = status_of("about", "fr")
    assert status.state == translation_status.IN_PROGRESS
    assert status.percent == int((total - 1) * 100 / total)
    assert status.label.endswith(f"({status.percent}%)")


def test_status_is_read_in_a_constant_number_of_queries(english_home):
    with CaptureQueriesContext(connection) as before:
        translation_status.page_statuses()
    for number in range(20):
        StandardPageFactory(parent=english_home, slug=f"bulk-{number}")
    with CaptureQueriesContext(connection) as after:
        rows = translation_status.page_statuses()
    assert len(after) == len(before)
    assert len(rows) >= 20


def test_report_lists_pages_and_filters_by_locale_section_and_state(client, english_home):
    StandardPageFactory(parent=english_home, slug="untranslated", title="Untranslated page")
    client.force_login(UserFactory(groups=[EDITORS]))
    url = reverse("translation_status")
    page = client.get(url).content.decode()
    assert ">Untranslated page</a>" in page and ">About the Panel</a>" in page
    filtered = client.get(url, {"locale": "fr", "state": "missing"}).content.decode()
    assert ">Untranslated page</a>" in filtered
    assert ">About the Panel</a>" not in filtered
    practices = english_home.get_children().get(slug="practices")
    section = client.get(url, {"section": practices.path}).content.decode()
    assert ">How practices are reviewed</a>" in section
    assert ">About the Panel</a>" not in section


def test_report_exports_csv(client):
    client.force_login(UserFactory(groups=[EDITORS]))
    response = client.get(reverse("translation_status"), {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:3] == ["Title", "Path", "Section"]
    assert "Français" in rows[0] and "اردو" in rows[0]
    about = next(row for row in rows if row[0] == "About the Panel")
    assert about[rows[0].index("Français")] == "Up to date"


def test_translator_dashboard_shows_pages_waiting_for_their_language(client, english_home):
    StandardPageFactory(parent=english_home, slug="waiting", title="Waiting page")
    client.force_login(UserFactory(groups=[translators_group_name("bn")]))
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    expected = translation_status.waiting_counts(["bn"])["bn"]
    assert expected >= 1
    assert f"{expected} page" in content and "বাংলা" in content


def test_visitors_cannot_see_the_report(client):
    response = client.get(reverse("translation_status"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]
