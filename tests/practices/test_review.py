"""Expert review through the real Wagtail admin: criteria, regions, sign-off, and the publish gate."""

import json

import pytest
from django.urls import reverse

from cms.factories import UserFactory
from cms.models import ExpertReview, ExpertReviewTask
from cms.roles import EXPERT_REVIEWERS, MODERATORS
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage

pytestmark = pytest.mark.django_db
ASSESSMENT = {
    "evidence": "meets",
    "relevance": "meets",
    "adaptability": "partly",
    "participation": "meets",
    "assessment": "Independent evaluations document the results.",
    "name_publicly": "on",
}


@pytest.fixture
def submitted(locales, editor):
    """A Kenyan practice, drafted and submitted to the "Expert review" workflow."""
    index = PracticeIndexPage.objects.get(locale=locales["en"])
    page = PracticePageFactory(parent=index, live=False, reviewed=False, countries=["KE"], title="Kenyan practice")
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return PracticePage.objects.get(pk=page.pk)


def expert(region):
    return UserFactory(groups=[EXPERT_REVIEWERS], region=region, first_name="Expert", last_name=region)


def act(client, user, page, action, data):
    client.force_login(user)
    page = PracticePage.objects.get(pk=page.pk)
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, page.current_workflow_task_state.pk))
    return client.post(url, data, HTTP_X_REQUESTED_WITH="XMLHttpRequest")


def current_task(page):
    return PracticePage.objects.get(pk=page.pk).current_workflow_task


def approval_modal(client, user, page) -> str:
    client.force_login(user)
    task_state = page.current_workflow_task_state
    modal = client.get(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    return json.loads(modal.content)["html"]


def test_practices_enter_the_expert_review_task_with_criteria(client, submitted):
    assert isinstance(current_task(submitted).specific, ExpertReviewTask)
    html = approval_modal(client, expert("150"), submitted)
    assert "Evidence of results" in html and "Participation of those affected" in html


def test_an_approval_from_the_practices_own_region_does_not_complete_the_review(client, submitted):
    african = expert("002")
    client.force_login(african)
    actions = current_task(submitted).specific.get_actions(submitted, african)
    assert "an expert from another region must also approve" in {a: label for a, label, _m in actions}["approve"]

    act(client, african, submitted, "approve", ASSESSMENT)
    review = ExpertReview.objects.get(page=submitted)
    assert (review.decision, review.reviewer_region, review.adaptability) == ("approved", "002", "partly")
    assert current_task(submitted).name == "Expert review"  # still with the experts
    assert client.get(f"/en/practices/{submitted.slug}/").status_code == 404

    act(client, expert("150"), submitted, "approve", ASSESSMENT)
    assert current_task(submitted).name == "Editorial sign-off"
    assert ExpertReview.objects.filter(page=submitted, decision="approved").count() == 2


def test_sign_off_publishes_and_the_public_page_names_consenting_reviewers(client, submitted):
    act(client, expert("150"), submitted, "approve", ASSESSMENT)
    moderator = UserFactory(groups=[MODERATORS])
    act(client, moderator, submitted, "approve", {"comment": ""})
    page = PracticePage.objects.get(pk=submitted.pk)
    assert page.live
    client.logout()
    content = client.get(page.url).content.decode()
    assert "Expert-reviewed" in content and "Expert 150" in content
    assert "Independent evaluations" not in content  # the assessment stays in the admin


def test_request_changes_is_recorded_and_returns_the_practice(client, submitted):
    act(client, expert("142"), submitted, "reject", {**ASSESSMENT, "assessment": "Results are not documented."})
    review = ExpertReview.objects.get(page=submitted)
    assert review.decision == "changes-requested" and not review.name_publicly
    assert PracticePage.objects.get(pk=submitted.pk).current_workflow_state.status == "needs_changes"


def test_an_incomplete_assessment_is_refused_and_keeps_what_was_typed(client, submitted):
    response = act(client, expert("150"), submitted, "approve", {"assessment": "Half done", "evidence": "meets"})
    html = json.loads(response.content)["html"]
    assert "This field is required." in html and "Half done" in html
    assert not ExpertReview.objects.filter(page=submitted).exists()


def test_someone_outside_the_expert_groups_cannot_review(client, submitted, editor):
    response = act(client, editor, submitted, "approve", ASSESSMENT)
    assert response.status_code == 403
    assert not ExpertReview.objects.filter(page=submitted).exists()


def test_a_moderator_cannot_publish_a_practice_that_has_not_passed_review(client, locales):
    index = PracticeIndexPage.objects.get(locale=locales["en"])
    submitted = PracticePageFactory(parent=index, live=False, reviewed=False, countries=["KE"])
    moderator = UserFactory(groups=[MODERATORS])
    client.force_login(moderator)
    edit_url = reverse("wagtailadmin_pages:edit", args=(submitted.pk,))
    form = {
        "title": "Kenyan practice, edited",
        "slug": submitted.slug,
        "summary": "Summary.",
        "scale": "national",
        "status": "active",
        "actor_type": "community",
        "themes": [submitted.themes.first().pk],
        "countries": ["KE"],
        "action-publish": "publish",
    }
    for stream in ("key_figures", "indicators", "resources", "images", "organisations"):
        form[f"{stream}-count"] = 0
    form.update(
        {
            "organisations-count": 1,
            "organisations-0-type": "organisation",
            "organisations-0-deleted": "",
            "organisations-0-order": 0,
            "organisations-0-value-name": "Org",
            "organisations-0-value-role": "lead",
            "organisations-0-value-website": "",
        }
    )
    response = client.post(edit_url, form, follow=True)
    assert "The page could not be saved" not in response.content.decode()
    page = PracticePage.objects.get(pk=submitted.pk)
    assert not page.live
    assert "has not passed expert review" in response.content.decode()
    assert page.get_latest_revision().as_object().title == "Kenyan practice, edited"  # nothing typed is lost


def test_editors_see_the_review_history_in_the_admin(client, submitted, editor):
    act(client, expert("150"), submitted, "approve", ASSESSMENT)
    client.force_login(editor)
    content = client.get(reverse("wagtailadmin_pages:edit", args=(submitted.pk,))).content.decode()
    assert "Independent evaluations document the results." in content
    assert "Adaptability elsewhere: Partly meets the criterion" in content


def test_administrators_set_an_experts_world_region_in_the_user_admin(admin_client):
    user = expert("")
    url = reverse("wagtailusers_users:edit", args=(user.pk,))
    assert 'name="region"' in admin_client.get(url).content.decode()
    data = {
        "username": user.username,
        "email": user.email,
        "first_name": "Amina",
        "last_name": "Diallo",
        "is_active": "on",
        "groups": [group.pk for group in user.groups.all()],
        "region": "002",
        "preferred_language": "fr",
        "password1": "",
        "password2": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.region, user.preferred_language) == ("002", "fr")


def test_the_criteria_ratings_start_unselected_and_are_required(client, submitted):
    html = approval_modal(client, expert("150"), submitted)
    assert html.count('type="radio"') == 12  # four criteria, three ratings each
    assert "checked" not in html
    response = act(client, expert("150"), submitted, "approve", {"assessment": "Fine", "name_publicly": "on"})
    assert json.loads(response.content)["html"].count("This field is required.") == 4


def test_an_approving_expert_gets_a_confirmation_and_the_item_leaves_their_queue(client, submitted):
    from wagtail.models import TaskState

    african = expert("002")
    assert TaskState.objects.reviewable_by(african).filter(pk=submitted.current_workflow_task_state.pk).exists()
    act(client, african, submitted, "approve", ASSESSMENT)
    messages = [str(m) for m in client.get(reverse("wagtailadmin_home")).context["messages"]]
    assert any("has left your queue" in message for message in messages)
    assert not TaskState.objects.reviewable_by(african).filter(pk=submitted.current_workflow_task_state.pk).exists()
    assert current_task(submitted).specific.get_actions(submitted, african) == []
    # Another expert of the same region still has it in their queue.
    assert TaskState.objects.reviewable_by(expert("002")).filter(pk=submitted.current_workflow_task_state.pk).exists()


def test_a_second_approval_by_the_same_expert_is_refused_with_a_message(client, submitted):
    african = expert("002")
    act(client, african, submitted, "approve", ASSESSMENT)
    response = act(client, african, submitted, "approve", ASSESSMENT)
    assert response.status_code == 200 and json.loads(response.content)["step"] == "success"
    messages = [str(m) for m in client.get(reverse("wagtailadmin_home")).context["messages"]]
    assert any("You have already approved" in message for message in messages)
    assert ExpertReview.objects.filter(page=submitted, reviewer=african).count() == 1


def test_the_database_refuses_two_approvals_by_one_expert_in_one_round(submitted):
    from django.db import IntegrityError, transaction

    african = expert("002")
    fields = {
        "page": submitted,
        "translation_key": submitted.translation_key,
        "task_state": submitted.current_workflow_task_state,
        "reviewer": african,
        "reviewer_name": "Expert",
        "decision": "approved",
        "evidence": "meets",
        "relevance": "meets",
        "adaptability": "meets",
        "participation": "meets",
        "assessment": "Good",
    }
    ExpertReview.objects.create(**fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExpertReview.objects.create(**fields)


def test_a_moderator_gets_a_confirmation_after_signing_off(client, submitted):
    act(client, expert("150"), submitted, "approve", ASSESSMENT)
    moderator = UserFactory(groups=[MODERATORS])
    act(client, moderator, submitted, "approve", {"comment": ""})
    messages = [str(m) for m in client.get(reverse("wagtailadmin_home")).context["messages"]]
    assert any("is approved and has left your queue" in message for message in messages)
