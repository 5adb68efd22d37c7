"""Finding 3 of the audit: a translator cannot replace a live translation with the original through
wagtail-localize's "Convert to alias page" (it needs publish rights, checked on the server)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_about(locales):
    return StandardPage.objects.get(slug="about", locale=locales["fr"])


def _convert_url(page) -> str:
    return reverse("wagtail_localize:convert_to_alias", args=(page.pk,))


def test_translator_cannot_convert_a_live_translation_to_an_alias_of_the_original(client, translator_fr, french_about):
    live_title = french_about.title
    client.force_login(translator_fr)
    assert client.get(_convert_url(french_about)).status_code in (302, 403)
    response = client.post(_convert_url(french_about))
    assert response.status_code in (302, 403)  # Wagtail's admin turns PermissionDenied into a redirect
    french_about.refresh_from_db()
    assert french_about.alias_of_id is None and french_about.title == live_title
    # Nor is it offered in the editor's action menu.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(french_about.pk,)))
    assert edit.status_code == 200 and "localize-convert-to-alias" not in edit.content.decode()


def test_moderator_may_still_convert_a_translation_to_an_alias(client, moderator, french_about):
    client.force_login(moderator)
    assert client.get(_convert_url(french_about)).status_code == 200
    response = client.post(_convert_url(french_about))
    assert response.status_code == 302
    french_about.refresh_from_db()
    assert french_about.alias_of_id is not None
