"""The active language's locale without a query (`cms.locales`), as Wagtail's `Locale.get_active()`."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from cms.locales import active_locale

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans", "ur"])
def test_the_active_locale_is_wagtails_and_is_read_once(language):
    with translation.override(language):
        assert active_locale() == Locale.get_active()
        assert active_locale().language_code == language
        with CaptureQueriesContext(connection) as queries:
            assert active_locale().language_code == language
    assert len(queries) == 0


def test_a_changed_locale_is_seen_at_once():
    with translation.override("fr"):
        locale = active_locale()
        locale.language_code = "fr-ca"  # no longer French: Wagtail falls back to the default locale
        locale.save()
        assert active_locale() == Locale.get_default()
