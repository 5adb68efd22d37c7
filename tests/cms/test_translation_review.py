"""A translator hands a finished translation to review; a moderator publishes it."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.factories import UserFactory
from cms.roles import MODERATORS, translators_group_name
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def bengali_draft(locales):
    """Barefoot College (not translated in the demo), submitted for translation into Bengali."""
    english = PracticePage.objects.get(slug="barefoot-college", locale=locales["en"])
    source, _created = TranslationSource.get_or_create_from_instance(english)
    translation = Translation.objects.create(source=source, target_locale=locales["bn"])
    translation.save_target(user=None)
    return translation, Page.objects.get(translation_key=english.translation_key, locale=locales["bn"]).specific


def translate_all(translation, locale, prefix="বাংলা"):
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"{prefix}: {segment.string.data}"},
        )


def submit(client, user, page):
    client.force_login(user)
    return client.post(reverse("submit_translation_for_review", args=(page.pk,)), follow=True)


def test_translator_of_another_language_cannot_submit(client, bengali_draft, translator_fr, locales):
    translation, page = bengali_draft
    translate_all(translation, locales["bn"])
    assert "Sorry, you do not have permission" in submit(client, translator_fr, page).content.decode()
    assert not Page.objects.get(pk=page.pk).workflow_in_progress


def test_an_unfinished_translation_cannot_be_submitted(client, bengali_draft):
    _translation, page = bengali_draft
    response = submit(client, UserFactory(groups=[translators_group_name("bn")]), page)
    assert "segment(s) to translate" in response.content.decode()
    assert not Page.objects.get(pk=page.pk).workflow_in_progress


def test_finished_translation_goes_to_sign_off_and_a_moderator_publishes_it(client, bengali_draft, locales):
    translation, page = bengali_draft
    translate_all(translation, locales["bn"])
    translator = UserFactory(groups=[translators_group_name("bn")])
    client.force_login(translator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="translations-ready"' in dashboard and page.title in dashboard

    response = submit(client, translator, page)
    assert "has been submitted for review" in response.content.decode()
    page = PracticePage.objects.get(pk=page.pk)
    # Readers keep the English original as a fallback (an alias) until a moderator publishes the draft.
    assert page.live and page.alias_of_id is not None and not page.title.startswith("বাংলা: ")
    assert "বাংলা: Barefoot College" not in client.get(page.url).content.decode()
    assert page.current_workflow_task.name == "Editorial sign-off"  # the original's expert review stands
    assert page.get_latest_revision().as_object().title.startswith("বাংলা: ")

    moderator = UserFactory(groups=[MODERATORS])
    client.force_login(moderator)
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", page.current_workflow_task_state.pk)),
        {"comment": ""},
    )
    page = PracticePage.objects.get(pk=page.pk)
    assert page.live and page.alias_of_id is None  # the translation replaced the fallback
    client.logout()
    content = client.get(page.url).content.decode()
    assert 'lang="bn"' in content and "বাংলা: Barefoot College" in content
