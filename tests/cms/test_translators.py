"""Translators hear of new work: one e-mail per translator in their admin language, and the
dashboard's "New for you", both counting the pages by section with the readers' requests."""

import pytest
from django.core import mail
from django.db import transaction
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from cms.factories import UserFactory
from cms.models import TranslationRequest
from cms.roles import translators_group_name
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def translator(language: str, admin_language: str, email: str):
    user = UserFactory(groups=[translators_group_name(language)], email=email)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = admin_language
    profile.save()
    return user


@pytest.fixture
def barefoot(locales):
    """Barefoot College, not translated into Bengali in the demo; two readers asked for it."""
    english = PracticePage.objects.get(slug="barefoot-college", locale=locales["en"])
    for visitor in ("a", "b"):
        TranslationRequest.objects.create(translation_key=english.translation_key, language_code="bn", visitor=visitor)
    return english


def green_belt(locales):
    """Another practice the demo has not translated into Bengali."""
    return PracticePage.objects.get(slug="green-belt-movement", locale=locales["en"])


def submit_for_translation(page, locale):
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return Translation.objects.create(source=source, target_locale=locale)


def test_translators_of_the_language_get_one_mail_in_their_admin_language(
    barefoot, locales, django_capture_on_commit_callbacks
):
    bengali_in_spanish = translator("bn", "es", "rahim@example.org")
    translator("bn", "en", "nusrat@example.org")
    translator("fr", "fr", "claire@example.org")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        submit_for_translation(barefoot, locales["bn"])
        # The same transaction sends a second practice: still one message per translator.
        submit_for_translation(green_belt(locales), locales["bn"])

    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["nusrat@example.org", "rahim@example.org", "translator-bn@demo.ipsp.org"]  # not Claire
    english = next(message for message in mail.outbox if message.to == ["nusrat@example.org"])
    assert english.subject == "2 pages have arrived for translation into বাংলা"
    assert "- Inspiring practices: 2 pages (2 readers asked for them)" in english.body
    assert f"{reverse('wagtailadmin_home')}" in english.body
    spanish = next(message for message in mail.outbox if message.to == [bengali_in_spanish.email])
    assert spanish.subject == "Han llegado 2 páginas para traducir al idioma বাংলা"  # in Rahim's admin language


def test_a_rolled_back_submission_tells_nobody(barefoot, locales, django_capture_on_commit_callbacks):
    translator("bn", "en", "nusrat@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            submit_for_translation(barefoot, locales["bn"])
            raise RuntimeError
        # A later, committed one is announced alone.
        submit_for_translation(green_belt(locales), locales["bn"])
    message = next(message for message in mail.outbox if message.to == ["nusrat@example.org"])
    assert len(mail.outbox) == 2  # Nusrat and the demo's Bengali translator, once each
    assert message.subject == "1 page has arrived for translation into বাংলা"


def test_the_dashboard_shows_what_arrived_by_section_with_readers_requests(client, barefoot, locales):
    submit_for_translation(barefoot, locales["bn"])
    client.force_login(translator("bn", "en", "nusrat@example.org"))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "New for you (last 14 days)" in dashboard
    arrived = dashboard.split('id="translations-arrived"')[1].split("</div>")[0]
    assert "<td>Inspiring practices</td>" in arrived and "<td>1</td>" in arrived and "<td>2</td>" in arrived


def test_an_unfinished_translation_refused_for_review_names_the_segments_left(client, barefoot, locales):
    translation = submit_for_translation(barefoot, locales["bn"])
    translation.save_target(user=None)
    page = Page.objects.get(translation_key=barefoot.translation_key, locale=locales["bn"])
    client.force_login(translator("bn", "en", "nusrat@example.org"))
    response = client.post(reverse("submit_translation_for_review", args=(page.pk,)), follow=True)
    content = response.content.decode()
    first = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    assert "Left to translate:" in content and first.string.data[:40] in content


def test_the_translation_editors_primary_action_for_a_translator_is_submit_for_review(client, barefoot, locales):
    translation = submit_for_translation(barefoot, locales["bn"])
    translation.save_target(user=None)
    page = Page.objects.get(translation_key=barefoot.translation_key, locale=locales["bn"])
    client.force_login(translator("bn", "en", "nusrat@example.org"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert html.count('class="footer translator-editor__footer"') == 1
    assert reverse("submit_translation_for_review", args=(page.pk,)) in html
    assert "&quot;canDelete&quot;: false" in html  # wagtail-localize's own footer offers no Delete
