"""'I want to adapt this' / 'I can help' on practice pages, and the recognized voices they show."""

from __future__ import annotations

import pytest
from django.utils import translation

from cms.models import Theme
from community.factories import MemberProfileFactory
from community.models import Engagement, ProfileStatus
from practices.models import PracticePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

SLUG = "housing-first-finland"


def practice(language: str = "en", slug: str = SLUG) -> PracticePage:
    return PracticePage.objects.get(slug=slug, locale__language_code=language)


def engaged_count(client, language: str = "en") -> int:
    return client.get(f"/{language}/practices/{SLUG}/").context["engaged_count"]


def engage(client, page: PracticePage, **data):
    return client.post(f"/{page.locale.language_code}/connect/{page.pk}/", {"message": "We run a pilot.", **data})


def test_visitors_are_invited_to_log_in_with_next(client):
    html = client.get(f"/en/practices/{SLUG}/").content.decode()
    assert 'id="engagement-login"' in html and 'id="engagement-form"' not in html
    assert f'href="/en/account/login/?next=/en/practices/{SLUG}/"' in html
    response = engage(client, practice(), kind="adapt")
    assert response.status_code == 302 and response["Location"].startswith("/en/account/login/?next=")
    assert not Engagement.objects.filter(message="We run a pilot.").exists()


def test_member_engages_and_the_practice_and_editors_are_told(
    client, participant, editor, django_capture_on_commit_callbacks, mailoutbox
):
    PracticePage.objects.filter(translation_key=practice().translation_key).update(contact_email="team@y-example.fi")
    editor.preferred_language = "fr"
    editor.save()
    before = engaged_count(client)
    client.force_login(participant)
    assert b'id="engagement-form"' in client.get(f"/en/practices/{SLUG}/").content
    with django_capture_on_commit_callbacks(execute=True):
        response = engage(client, practice(), kind="adapt", message="We want to try this in Lyon.")
    assert response.status_code == 302 and response["Location"] == f"/en/practices/{SLUG}/#connect"
    engagement = Engagement.objects.get(user=participant)
    assert (engagement.kind, engagement.practice_key) == ("adapt", practice().translation_key)
    to = {tuple(message.to): message for message in mailoutbox}
    assert ("team@y-example.fi",) in to and (editor.email,) in to
    for message in mailoutbox:
        assert message.reply_to == [participant.email] and "We want to try this in Lyon." in message.body
    with translation.override("fr"):
        assert translation.gettext("Reply to this e-mail to answer the member directly.") in to[(editor.email,)].body
    page = client.get(f"/en/practices/{SLUG}/")
    assert page.context["engaged_count"] == before + 1
    assert f'data-count="{before + 1}"'.encode() in page.content


def test_one_engagement_per_kind_and_members_counted_once_across_languages(client, participant, other_participant):
    before = engaged_count(client)
    client.force_login(participant)
    assert engage(client, practice("en"), kind="adapt").status_code == 302
    assert engage(client, practice("ar"), kind="adapt").status_code == 400  # same practice, other language
    assert engage(client, practice("ar"), kind="help").status_code == 302
    assert Engagement.objects.filter(user=participant).count() == 2
    assert client.get(f"/en/connect/{practice().pk}/").status_code == 302  # nothing left to say
    assert b'id="engagement-used"' in client.get(f"/en/practices/{SLUG}/").content
    client.force_login(other_participant)
    assert engage(client, practice("ar"), kind="help").status_code == 302
    assert engaged_count(client, "en") == before + 2
    assert engaged_count(client, "ar") == before + 2


def test_engagement_errors_show_the_form_again_with_the_message_kept(client, participant):
    client.force_login(participant)
    response = engage(client, practice(), message="Kept message")
    assert response.status_code == 400
    assert b'id="form-errors"' in response.content and b"Kept message" in response.content


def test_engagement_honeypot_and_rate_limit(client, participant, django_capture_on_commit_callbacks, mailoutbox):
    client.force_login(participant)
    for _number in range(10):
        with django_capture_on_commit_callbacks(execute=True):
            assert engage(client, practice(), kind="adapt", homepage="http://spam.example").status_code == 302
    assert not Engagement.objects.filter(user=participant).exists() and mailoutbox == []
    response = engage(client, practice(), kind="adapt", message="Blocked for now")
    assert response.status_code == 429
    assert b'id="rate-limited"' in response.content and b"Blocked for now" in response.content
    assert not Engagement.objects.filter(user=participant).exists()


def test_deleted_members_no_longer_count(client, participant):
    client.force_login(participant)
    before = engaged_count(client)
    engage(client, practice(), kind="help")
    assert engaged_count(client) == before + 1
    participant.delete()
    assert engaged_count(client) == before


def test_practice_page_shows_recognized_voices_on_its_themes(client, participant):
    profile = participant.member_profile
    profile.name = "Aaron Abara"  # first by name: a page shows the first six voices
    profile.save()
    cities = Theme.objects.filter(slug="cities", locale__language_code="en")
    profile.recognized_themes.set(cities)
    hidden = MemberProfileFactory(status=ProfileStatus.PENDING, name="Aaron Aaronson")
    hidden.recognized_themes.set(cities)
    for language in ("en", "ar"):
        response = client.get(f"/{language}/practices/{SLUG}/")
        voices = [member.pk for member in response.context["recognized_voices"]]
        assert participant.member_profile.pk in voices and hidden.pk not in voices
        assert b'id="recognized-voices"' in response.content
        assert f'href="/{language}/members/{participant.member_profile.pk}/"'.encode() in response.content
