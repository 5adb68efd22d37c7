"""Finding 2 of the audit: a practice is public only after an approved expert review, whatever the
way it is published (edit view, bulk publish, scheduled publishing, a revision from the history, the
import, code calling `publish()`)."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms.factories import UserFactory
from cms.models.reviews import PublishRefused
from cms.roles import MODERATORS
from practices.factories import ExpertReviewFactory, PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(locales):
    return PracticeIndexPage.objects.get(locale=locales["en"])


@pytest.fixture
def unreviewed(index, editor):
    """A practice submitted to the Expert review workflow, not yet reviewed."""
    page = PracticePageFactory(parent=index, live=False, reviewed=False, countries=["KE"], title="Unreviewed")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return PracticePage.objects.get(pk=page.pk)


@pytest.fixture
def moderator_client(client):
    client.force_login(UserFactory(groups=[MODERATORS]))
    return client


def _bulk_publish(client, pages, *, include_descendants=False):
    query = "&".join(f"id={page.pk}" for page in pages)
    url = f"/admin/bulk/wagtailcore/page/publish/?{query}&next=/admin/pages/"
    data = {"include_descendants": "on"} if include_descendants else {}
    return client.post(url, data, follow=True)


def test_bulk_publish_of_an_unreviewed_practice_is_refused(moderator_client, unreviewed):
    response = _bulk_publish(moderator_client, [unreviewed])
    assert response.status_code == 200
    assert "has not passed expert review" in response.content.decode()
    page = PracticePage.objects.get(pk=unreviewed.pk)
    assert not page.live
    # It stays in the experts' queue: the workflow is not cancelled.
    assert page.current_workflow_state is not None and page.current_workflow_state.status == "in_progress"


def test_bulk_publish_of_the_index_with_its_children_does_not_publish_an_unreviewed_practice(
    moderator_client, index, unreviewed
):
    _bulk_publish(moderator_client, [index], include_descendants=True)
    assert not PracticePage.objects.get(pk=unreviewed.pk).live


def test_bulk_publish_of_a_reviewed_practice_still_works(moderator_client, index):
    page = PracticePageFactory(parent=index, live=False, countries=["KE"])
    page.save_revision()
    _bulk_publish(moderator_client, [page])
    assert PracticePage.objects.get(pk=page.pk).live


def test_scheduled_publishing_of_an_unreviewed_practice_is_refused_and_unscheduled(unreviewed):
    revision = unreviewed.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision.save()
    call_command("publish_scheduled")
    revision.refresh_from_db()
    assert not PracticePage.objects.get(pk=unreviewed.pk).live and revision.approved_go_live_at is None


def test_a_revision_from_the_history_cannot_publish_an_unreviewed_practice(unreviewed, moderator_client):
    first = unreviewed.get_latest_revision()
    unreviewed.title = "Second draft"
    unreviewed.save_revision()
    with pytest.raises(PublishRefused):
        first.publish()
    # The history's "revert" goes through the edit view, whose publish is refused with a message.
    url = reverse("wagtailadmin_pages:revisions_revert", args=(unreviewed.pk, first.pk))
    assert moderator_client.get(url).status_code == 200
    assert not PracticePage.objects.get(pk=unreviewed.pk).live


def test_code_and_the_import_publish_only_after_a_recorded_review(unreviewed):
    with pytest.raises(PublishRefused):
        unreviewed.save_revision().publish()
    assert not PracticePage.objects.get(pk=unreviewed.pk).live
    # What the import does with publish=True: the approved review first, then publish.
    ExpertReviewFactory(page=unreviewed)
    unreviewed.save_revision().publish()
    assert PracticePage.objects.get(pk=unreviewed.pk).live
