"""Each staff role can do what it should and nothing more, proved through the admin views."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Page, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from cms import roles
from home.models import StandardPage
from practices.models import PracticeIndexPage
from reports.models import ReportIndexPage

pytestmark = pytest.mark.django_db


def standard_page_form(title: str, slug: str, **extra) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": "Written through the admin.",
            "body": streamfield([]),
            "seo_title": "",
            "search_description": "",
            "comments": inline_formset([]),
            **extra,
        }
    )


def add_standard_page(client, user, parent: Page, title: str, slug: str, action: str | None = None):
    client.force_login(user)
    data = standard_page_form(title, slug)
    if action:
        data[action] = action
    return client.post(reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk)), data)


def edit_page(client, user, page: Page, title: str, action: str | None = None):
    client.force_login(user)
    data = standard_page_form(title, page.slug)
    if action:
        data[action] = action
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def workflow_action(client, user, page: Page, action: str = "approve"):
    client.force_login(user)
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk), status="in_progress")
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.current_task_state.pk)),
        # The comment serves the editorial sign-off; the ratings and assessment, the expert review.
        {
            "comment": "Checked against the criteria.",
            **dict.fromkeys(("evidence", "relevance", "adaptability", "participation"), "meets"),
            "assessment": "Checked against the criteria.",
        },
    )


def current_task_name(page: Page) -> str | None:
    state = WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress").first()
    return state.current_task_state.task.name if state else None


@pytest.fixture
def reports_index(english_home):
    return ReportIndexPage.objects.get(locale=english_home.locale)


@pytest.fixture
def french_about(locales):
    return StandardPage.objects.get(slug="about", locale=locales["fr"])


@pytest.fixture
def arabic_about(locales):
    return StandardPage.objects.get(slug="about", locale=locales["ar"])


def test_expert_review_workflow_applies_to_reports_and_practices_trees_in_every_locale(locales):
    expert = Workflow.objects.get(name=roles.EXPERT_REVIEW_WORKFLOW)
    assert [task.name for task in expert.tasks.order_by("workflow_tasks__sort_order")] == [
        roles.EXPERT_REVIEW_TASK,
        roles.EDITORIAL_SIGN_OFF,
    ]
    for model in (ReportIndexPage, PracticeIndexPage):
        indexes = model.objects.all()
        assert {index.locale.language_code for index in indexes} == set(locales)
        for index in indexes:
            assert index.get_workflow() == expert
            child = StandardPage.objects.child_of(index).first()
            if child:
                assert child.get_workflow() == expert


def test_other_pages_go_through_editorial_sign_off(english_home):
    assert english_home.get_workflow().name == roles.EDITORIAL_SIGN_OFF
    assert WorkflowPage.objects.get(page__depth=1).workflow.name == roles.EDITORIAL_SIGN_OFF


def test_editor_can_create_a_page_and_submit_it_for_review(client, editor, english_home):
    response = add_standard_page(client, editor, english_home, "Our partners", "our-partners", "action-submit")
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="our-partners")
    assert not page.live
    assert current_task_name(page) == roles.EDITORIAL_SIGN_OFF


def test_editor_cannot_publish(client, editor, english_home):
    add_standard_page(client, editor, english_home, "Press releases", "press", "action-publish")
    page = StandardPage.objects.get(slug="press")
    assert not page.live
    assert page.live_revision is None


def test_editor_cannot_approve_a_review_task(client, editor, reports_index):
    add_standard_page(client, editor, reports_index, "Draft brief", "draft-brief", "action-submit")
    page = StandardPage.objects.get(slug="draft-brief")
    workflow_action(client, editor, page)
    assert current_task_name(page) == roles.EXPERT_REVIEW_TASK


def test_expert_review_then_moderator_sign_off_publishes(client, editor, reviewer, moderator, reports_index):
    add_standard_page(client, editor, reports_index, "Brief on care work", "care-work", "action-submit")
    page = StandardPage.objects.get(slug="care-work")
    assert current_task_name(page) == roles.EXPERT_REVIEW_TASK

    # The moderator cannot skip the experts.
    workflow_action(client, moderator, page)
    assert current_task_name(page) == roles.EXPERT_REVIEW_TASK

    workflow_action(client, reviewer, page)
    assert current_task_name(page) == roles.EDITORIAL_SIGN_OFF
    page.refresh_from_db()
    assert not page.live

    # The expert cannot give the editorial sign-off.
    workflow_action(client, reviewer, page)
    assert current_task_name(page) == roles.EDITORIAL_SIGN_OFF

    workflow_action(client, moderator, page)
    page.refresh_from_db()
    assert page.live
    assert current_task_name(page) is None
    assert client.get(page.url).status_code == 200


def test_expert_reviewer_can_request_changes(client, editor, reviewer, reports_index):
    add_standard_page(client, editor, reports_index, "Weak evidence", "weak-evidence", "action-submit")
    page = StandardPage.objects.get(slug="weak-evidence")
    workflow_action(client, reviewer, page, "reject")
    page.refresh_from_db()
    assert not page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "needs_changes"


def test_expert_reviewer_cannot_edit_pages_outside_a_review(client, reviewer, english_home):
    about = StandardPage.objects.get(slug="about", locale=english_home.locale)
    edit_page(client, reviewer, about, "Hijacked")
    about.refresh_from_db()
    assert about.title == "About the Panel"
    assert about.get_latest_revision().content["title"] == "About the Panel"


def test_moderator_can_publish_directly(client, moderator, english_home):
    add_standard_page(client, moderator, english_home, "Annual statement", "annual-statement", "action-publish")
    # (the other nine languages now hold a fallback alias with the same slug)
    assert StandardPage.objects.get(slug="annual-statement", locale=english_home.locale).live


def translation_of(page: Page) -> Translation:
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=page.locale)


def title_segment(translation: Translation) -> StringSegment:
    return translation.source.stringsegment_set.get(context__path="title")


def put_string(client, user, page: Page, value: str):
    """What wagtail-localize's translation editor sends when a translator saves one segment."""
    client.force_login(user)
    translation = translation_of(page)
    url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, title_segment(translation).pk))
    return client.put(url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded")


def saved_title(page: Page) -> str:
    translation = translation_of(page)
    return StringTranslation.objects.get(
        translation_of=title_segment(translation).string, locale=page.locale, context=title_segment(translation).context
    ).data


def publish_translation(client, user, page: Page):
    client.force_login(user)
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), {"action": "publish"})


def test_translated_pages_open_in_the_wagtail_localize_editor(client, translator_fr, french_about):
    client.force_login(translator_fr)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(french_about.pk,)))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


def test_translator_for_french_can_translate_a_french_page(client, translator_fr, french_about):
    response = put_string(client, translator_fr, french_about, "À propos du Panel (révisé)")
    assert response.status_code in (200, 201)
    assert saved_title(french_about) == "À propos du Panel (révisé)"


def test_translator_for_french_cannot_publish_a_french_page(client, translator_fr, french_about):
    live_title = french_about.title
    put_string(client, translator_fr, french_about, "Publié sans relecture")
    response = publish_translation(client, translator_fr, french_about)
    assert response.status_code in (302, 403)  # Wagtail turns PermissionDenied into a redirect to the dashboard
    french_about.refresh_from_db()
    assert french_about.title == live_title


def test_moderator_publishes_a_reviewed_translation(client, translator_fr, moderator, french_about):
    put_string(client, translator_fr, french_about, "À propos du Panel international")
    publish_translation(client, moderator, french_about)
    french_about.refresh_from_db()
    assert french_about.title == "À propos du Panel international"


def test_translator_for_french_cannot_translate_an_arabic_page(client, translator_fr, arabic_about):
    before = saved_title(arabic_about)
    response = put_string(client, translator_fr, arabic_about, "Hijacked")
    assert response.status_code == 403
    assert saved_title(arabic_about) == before
    client.force_login(translator_fr)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(arabic_about.pk,))).status_code == 302


def test_translator_for_french_cannot_publish_an_arabic_page(client, translator_fr, arabic_about):
    live_title = arabic_about.title
    publish_translation(client, translator_fr, arabic_about)
    edit_page(client, translator_fr, arabic_about, "Hijacked", "action-publish")
    arabic_about.refresh_from_db()
    assert arabic_about.title == live_title


def test_translator_for_french_cannot_create_pages(client, translator_fr, locales):
    french_home = Page.objects.get(depth=2, locale=locales["fr"])
    add_standard_page(client, translator_fr, french_home, "Nouvelle page", "nouvelle-page")
    assert not StandardPage.objects.filter(slug="nouvelle-page").exists()


def test_participant_without_role_cannot_enter_the_admin(client, django_user_model):
    participant = django_user_model.objects.create_user("visitor-without-role", password="a-long-passphrase")
    client.force_login(participant)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert reverse("wagtailadmin_login") in response["Location"]


def test_new_locale_tree_gets_translator_rights_and_workflow(locales):
    # Every locale root has its translators' rights; nothing else does.
    for code, locale in locales.items():
        root = Page.objects.get(depth=2, locale=locale)
        granted = {permission.group.name for permission in root.group_permissions.select_related("group")}
        assert granted == {roles.translators_group_name(code)}
