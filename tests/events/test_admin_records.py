"""The one read-only admin screen for what visitors send (`events.admin_records`): Forum
registrations and Day endorsements are listed and exported to the people with the "view"
permission, and the server refuses the list and the export to everybody else."""

from __future__ import annotations

import pytest

from cms.factories import UserFactory
from cms.roles import ACCREDITED_JOURNALISTS, EDITORS

pytestmark = pytest.mark.django_db

VISITOR = {"organisation": "Réseau des femmes du Sahel", "consent": "on", "homepage": ""}
SCREENS = [
    pytest.param(
        "/admin/forum-registrations/",
        "/en/events/forum/2027-dhaka/register/",
        {"name": "Ana Quispe", "email": "ana@example.org", "country": "PE"},
        id="forum-registrations",
    ),
    pytest.param(
        "/admin/endorsements/",
        "/en/events/day-2026/endorse/",
        {"name": "Amina Diallo", "email": "amina@example.org", "country": "SN"},
        id="endorsements",
    ),
]


def _csv(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8-sig")


@pytest.mark.parametrize(("screen", "form", "data"), SCREENS)
def test_editors_export_what_visitors_sent(client, screen, form, data):
    assert client.post(form, {**VISITOR, **data}, REMOTE_ADDR="198.51.100.7").status_code == 302
    client.force_login(UserFactory(groups=[EDITORS]))
    export = client.get(f"{screen}?export=csv")
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    content = _csv(export)
    assert data["email"] in content and data["name"] in content


@pytest.mark.parametrize(("screen", "form", "data"), SCREENS)
def test_staff_without_the_view_permission_are_refused_the_list_and_the_export(
    client, translator_fr, screen, form, data
):
    assert client.post(form, {**VISITOR, **data}, REMOTE_ADDR="198.51.100.8").status_code == 302
    # Translators use the admin but hold no permission on these records.
    assert translator_fr.has_perm("wagtailadmin.access_admin")
    client.force_login(translator_fr)
    for url in (screen, f"{screen}?export=csv", f"{screen}?export=xlsx"):
        # The admin's own answer to a refusal: 403 to a script...
        response = client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert response.status_code == 403, url
        # ...and, to a browser, a redirect to the dashboard that says why, never the data.
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
        assert data["email"] not in response.content.decode()


@pytest.mark.parametrize(("screen", "form", "data"), SCREENS)
def test_people_who_may_not_use_the_admin_are_refused_the_export(client, screen, form, data):
    response = client.get(f"{screen}?export=csv")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    # Journalists log in (for the press room) but may not use the admin.
    client.force_login(UserFactory(groups=[ACCREDITED_JOURNALISTS]))
    assert client.get(f"{screen}?export=csv", HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code == 403
    response = client.get(f"{screen}?export=csv")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
