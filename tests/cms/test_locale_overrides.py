"""The project's catalogues correct Django's own where it is wrong: the Hindi month names
September, November and December (Django writes "सितमबर", "नवमबर", "दिसमबर")."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

from community.models import ConsultationPage
from tests.community.consultation_support import make_consultation, url


def test_hindi_month_names_are_spelt_right():
    with translation.override("hi"):
        months = [date_format(datetime.date(2026, month, 6), "F") for month in (9, 11, 12)]
    assert months == ["सितंबर", "नवंबर", "दिसंबर"]


@pytest.mark.django_db
def test_a_hindi_page_shows_december_spelt_right(client):
    consultation = make_consultation(state="closed", translations=["hi"])
    year = timezone.now().year - 1
    ConsultationPage.objects.filter(translation_key=consultation.translation_key).update(
        opens_at=datetime.datetime(year, 9, 1, 12, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(year, 12, 15, 12, tzinfo=datetime.UTC),
    )
    response = client.get(url(consultation, "hi"))
    content = response.content.decode()
    assert response.status_code == 200 and '<html lang="hi"' in content
    assert f"15 दिसंबर {year}" in content and f"1 सितंबर {year}" in content
    assert "दिसमबर" not in content and "सितमबर" not in content
