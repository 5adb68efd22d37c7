"""Finding 7 of the audit: an expert reviewer is not offered "Cancel workflow", and the server
refuses it (cancelling would take a practice out of the experts' queue)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms.factories import UserFactory
from cms.roles import EXPERT_REVIEWERS
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(locales, editor):
    index = PracticeIndexPage.objects.get(locale=locales["en"])
    page = PracticePageFactory(parent=index, live=False, reviewed=False, countries=["KE"], title="Under review")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return PracticePage.objects.get(pk=page.pk)


@pytest.fixture
def expert(db):
    return UserFactory(groups=[EXPERT_REVIEWERS], region="150")


def _edit_form(page, **extra) -> dict:
    """The practice edit form as the admin sends it (the stream fields need their counts)."""
    form = {
        "title": page.title,
        "slug": page.slug,
        "summary": "Summary.",
        "scale": "national",
        "status": "active",
        "actor_type": "community",
        "themes": [page.themes.first().pk],
        "countries": ["KE"],
        "organisations-count": 1,
        "organisations-0-type": "organisation",
        "organisations-0-deleted": "",
        "organisations-0-order": 0,
        "organisations-0-value-name": "Org",
        "organisations-0-value-role": "lead",
        "organisations-0-value-website": "",
        **extra,
    }
    for stream in ("key_figures", "indicators", "resources", "images"):
        form[f"{stream}-count"] = 0
    return form


def _state(page):
    return PracticePage.objects.get(pk=page.pk).current_workflow_state


def test_expert_reviewer_cannot_cancel_the_workflow(client, submitted, expert):
    client.force_login(expert)
    edit_url = reverse("wagtailadmin_pages:edit", args=(submitted.pk,))
    editor_page = client.get(edit_url)
    assert editor_page.status_code == 200
    html = editor_page.content.decode()
    assert 'name="action-workflow-action"' in html or "Approve" in html  # the reviewer's own actions remain
    assert "action-cancel-workflow" not in html
    response = client.post(edit_url, _edit_form(submitted, **{"action-cancel-workflow": "Cancel workflow"}))
    assert response.status_code in (302, 403)
    state = _state(submitted)
    assert state is not None and state.status == "in_progress"


def test_the_submitter_can_still_cancel_it(client, submitted, editor):
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=(submitted.pk,))
    assert "action-cancel-workflow" in client.get(edit_url).content.decode()
    client.post(edit_url, _edit_form(submitted, **{"action-cancel-workflow": "Cancel workflow"}))
    assert _state(submitted) is None
