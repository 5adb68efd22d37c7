"""Accounts through HTTP: sign up, confirm the address, log in by e-mail, log out, reset a password,
delete the account; rate limits, honeypot, no account enumeration, no admin for participants."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation

from community.factories import CommentFactory, ParticipantFactory, TopicProposalFactory
from community.models import MemberProfile, ProfileStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

User = get_user_model()
PASSWORD = "a-long-Unusual-passphrase-42"
SIGNUP = "/en/account/signup/"
LOGIN = "/en/account/login/"


def link_in(message, path_part: str) -> str:
    """The first link in an e-mail whose path contains `path_part`, as a path for the test client."""
    match = re.search(rf"https?://[^/\s]+(\S*{re.escape(path_part)}\S*)", message.body)
    assert match, message.body
    return match.group(1)


def sign_up(client, capture, email="nadia@example.org", **extra):
    data = {"name": "Nadia Rahman", "email": email, "password": PASSWORD, "homepage": "", **extra}
    with capture(execute=True):
        return client.post(SIGNUP, data)


def test_sign_up_confirm_and_log_in(client, django_capture_on_commit_callbacks, mailoutbox):
    response = sign_up(client, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == "/en/account/signup/sent/"
    user = User.objects.get(email="nadia@example.org")
    assert not user.is_active  # cannot take part before confirming
    assert user.member_profile.status == ProfileStatus.DRAFT and user.member_profile.name == "Nadia Rahman"
    assert user.preferred_language == "en"
    assert [message.to for message in mailoutbox] == [["nadia@example.org"]]

    assert client.post(LOGIN, {"email": "nadia@example.org", "password": PASSWORD}).status_code == 400

    link = link_in(mailoutbox[-1], "/en/account/confirm/")
    response = client.get(link)
    assert response.status_code == 200 and b'id="confirm-email"' in response.content
    assert f'action="{link}"'.encode() in response.content
    response = client.post(link)
    assert response.status_code == 302 and response["Location"] == LOGIN
    user.refresh_from_db()
    assert user.is_active

    response = client.post(LOGIN, {"email": "NADIA@example.org", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/en/account/"
    page = client.get("/en/account/")
    assert page.status_code == 200 and page.context["user"] == user
    assert b'data-status="draft"' in page.content


def test_confirmation_link_in_the_language_of_the_sign_up(client, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ar/account/signup/", {"name": "Salma", "email": "salma@example.org", "password": PASSWORD})
    assert "/ar/account/confirm/" in mailoutbox[0].body
    with translation.override("ar"):
        assert mailoutbox[0].subject == translation.gettext("Confirm your e-mail address for the IPSP community")


def test_wrong_or_used_confirmation_token_is_refused(client, django_capture_on_commit_callbacks, mailoutbox):
    sign_up(client, django_capture_on_commit_callbacks)
    link = link_in(mailoutbox[-1], "/en/account/confirm/")
    uid = link.split("/")[-3]
    response = client.get(f"/en/account/confirm/{uid}/bad-token/")
    assert response.status_code == 400 and b'id="confirm-invalid"' in response.content
    assert client.post(f"/en/account/confirm/{uid}/bad-token/").status_code == 400
    assert not User.objects.get(email="nadia@example.org").is_active
    assert client.post(link).status_code == 302
    assert client.get(link).status_code == 400  # spent once used
    assert client.post(link).status_code == 400


def test_visiting_the_confirmation_link_does_not_activate_the_account(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    """Mail scanners open every link of a message: only the button on the page confirms."""
    sign_up(client, django_capture_on_commit_callbacks)
    link = link_in(mailoutbox[-1], "/en/account/confirm/")
    for _ in range(2):
        response = client.get(link)
        assert response.status_code == 200 and b"<form" in response.content
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    assert not User.objects.get(email="nadia@example.org").is_active
    assert client.head(link).status_code == 405
    assert not User.objects.get(email="nadia@example.org").is_active


def test_logging_in_unconfirmed_sends_a_new_link(client, django_capture_on_commit_callbacks, mailoutbox):
    sign_up(client, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(LOGIN, {"email": "nadia@example.org", "password": PASSWORD})
    assert response.status_code == 400
    assert response.context["form"].non_field_errors().as_data()[0].code == "unconfirmed"
    assert len(mailoutbox) == 2 and "/en/account/confirm/" in mailoutbox[1].body


def test_sign_up_with_a_taken_address_answers_the_same_and_tells_the_owner(
    client, participant, django_capture_on_commit_callbacks, mailoutbox
):
    fresh = sign_up(client, django_capture_on_commit_callbacks, email="someone.new@example.org")
    taken = sign_up(client, django_capture_on_commit_callbacks, email=participant.email.upper())
    assert (taken.status_code, taken["Location"]) == (fresh.status_code, fresh["Location"])
    assert User.objects.filter(email__iexact=participant.email).count() == 1
    to_owner = [message for message in mailoutbox if message.to == [participant.email]]
    assert len(to_owner) == 1
    assert "/en/account/login/" in to_owner[0].body and "/en/account/password/reset/" in to_owner[0].body


def test_sign_up_errors_keep_what_was_typed_but_not_the_password(client):
    response = client.post(SIGNUP, {"name": "Kofi Mensah", "email": "kofi@example.org", "password": "12345678"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="form-errors"' in html and 'href="#id_password"' in html
    assert 'value="Kofi Mensah"' in html and 'value="kofi@example.org"' in html
    assert "12345678" not in html
    assert 'aria-describedby="id_password_helptext id_password_error"' in html
    assert not User.objects.filter(email="kofi@example.org").exists()


def test_password_too_similar_to_the_address_is_refused(client):
    response = client.post(
        SIGNUP, {"name": "Kofi", "email": "kofimensah2026@example.org", "password": "kofimensah2026"}
    )
    assert response.status_code == 400 and "password" in response.context["form"].errors


def test_honeypot_sign_up_creates_nothing(client, django_capture_on_commit_callbacks, mailoutbox):
    response = sign_up(client, django_capture_on_commit_callbacks, homepage="http://spam.example")
    assert response.status_code == 302
    assert not User.objects.filter(email="nadia@example.org").exists() and mailoutbox == []


def test_sign_up_is_rate_limited_with_a_message_saying_when(client, django_capture_on_commit_callbacks):
    for number in range(5):
        assert sign_up(client, django_capture_on_commit_callbacks, email=f"n{number}@example.org").status_code == 302
    response = sign_up(client, django_capture_on_commit_callbacks, email="n6@example.org")
    assert response.status_code == 429
    html = response.content.decode()
    assert 'id="rate-limited"' in html and re.search(r"try again in \d+ minutes", html)
    assert 'value="n6@example.org"' in html and PASSWORD not in html
    assert not User.objects.filter(email="n6@example.org").exists()


def test_login_failures_lock_the_account_with_a_message_saying_when(client, participant):
    for _attempt in range(5):
        assert client.post(LOGIN, {"email": participant.email, "password": "wrong-password"}).status_code == 400
    response = client.post(LOGIN, {"email": participant.email, "password": "correct-horse-battery"})
    assert response.status_code == 429 and int(response["Retry-After"]) <= 60
    assert b"Please try again in 1 minute." in response.content
    assert "_auth_user_id" not in client.session


def test_login_goes_to_next_and_logout_needs_post(client, participant):
    response = client.post(
        f"{LOGIN}?next=/en/members/",
        {"email": participant.email, "password": "correct-horse-battery", "next": "/en/members/"},
    )
    assert response["Location"] == "/en/members/"
    assert client.get("/en/account/logout/").status_code == 405
    assert "_auth_user_id" in client.session
    response = client.post("/en/account/logout/")
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert "_auth_user_id" not in client.session


def test_login_refuses_an_outside_next(client, participant):
    data = {"email": participant.email, "password": "correct-horse-battery", "next": "https://evil.example/"}
    response = client.post(LOGIN, data)
    assert response["Location"] == "/en/account/"


def test_password_reset_in_the_users_language(client, participant, django_capture_on_commit_callbacks, mailoutbox):
    participant.preferred_language = "fr"
    participant.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/account/password/reset/", {"email": participant.email})
    assert response.status_code == 302 and response["Location"] == "/en/account/password/reset/sent/"
    [message] = mailoutbox
    with translation.override("fr"):
        assert message.subject == translation.gettext("Choose a new password for the IPSP community")
    link = link_in(message, "/fr/account/password/reset/")
    response = client.get(link)
    assert response.status_code == 302  # Django moves the token out of the address
    form_url = response["Location"]
    new_password = "another-Long-passphrase-77"
    response = client.post(form_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302 and response["Location"] == "/fr/account/password/reset/complete/"
    assert client.post(LOGIN, {"email": participant.email, "password": new_password}).status_code == 302


def test_password_reset_for_an_unknown_address_looks_the_same(client, participant, mailoutbox):
    known = client.post("/en/account/password/reset/", {"email": participant.email})
    unknown = client.post("/en/account/password/reset/", {"email": "nobody@example.org"})
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])


def test_password_reset_is_rate_limited(client):
    for _attempt in range(5):
        assert client.post("/en/account/password/reset/", {"email": "x@example.org"}).status_code == 302
    response = client.post("/en/account/password/reset/", {"email": "x@example.org"})
    assert response.status_code == 429 and b'value="x@example.org"' in response.content


def test_account_page_needs_login_and_shows_status_and_counts(client, participant):
    response = client.get("/en/account/")
    assert response.status_code == 302 and response["Location"] == "/en/account/login/?next=/en/account/"
    proposal = TopicProposalFactory(proposer=participant)
    CommentFactory(proposal=proposal, author=participant)
    client.force_login(participant)
    html = client.get("/en/account/").content.decode()
    assert 'data-status="approved"' in html
    assert '<dd data-count="comments">1</dd>' in html and '<dd data-count="proposals">1</dd>' in html
    assert f'href="/en/members/{participant.member_profile.pk}/"' in html
    assert 'href="/en/members/my-profile/"' in html and 'href="/en/account/delete/"' in html


def test_deleting_the_account_keeps_comments_as_former_member(client, participant):
    proposal = TopicProposalFactory()
    comment = CommentFactory(proposal=proposal, author=participant)
    profile_pk = participant.member_profile.pk
    client.force_login(participant)
    response = client.post("/en/account/delete/", {"password": "wrong-password", "confirm": "on"})
    assert response.status_code == 400 and User.objects.filter(pk=participant.pk).exists()
    response = client.post("/en/account/delete/", {"password": "correct-horse-battery", "confirm": "on"})
    assert response.status_code == 302 and response["Location"] == "/en/account/deleted/"
    assert not User.objects.filter(pk=participant.pk).exists()
    assert not MemberProfile.objects.filter(pk=profile_pk).exists()
    comment.refresh_from_db()
    assert comment.author is None
    with translation.override("en"):
        assert comment.author_display == translation.gettext("former member")
    assert "_auth_user_id" not in client.session
    assert client.get(f"/en/members/{profile_pk}/").status_code == 404


def test_deleting_needs_the_confirmation_box(client, participant):
    client.force_login(participant)
    response = client.post("/en/account/delete/", {"password": "correct-horse-battery"})
    assert response.status_code == 400 and User.objects.filter(pk=participant.pk).exists()


def test_a_participant_never_gets_into_the_admin(client, participant):
    assert client.post(LOGIN, {"email": participant.email, "password": "correct-horse-battery"}).status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get("/admin/pages/").status_code == 302
    assert client.get("/admin/community-members/").status_code == 302


def test_a_signed_up_account_has_no_groups_or_staff_flag(client, django_capture_on_commit_callbacks, mailoutbox):
    sign_up(client, django_capture_on_commit_callbacks)
    user = User.objects.get(email="nadia@example.org")
    assert not user.is_staff and not user.is_superuser and not user.groups.exists()


def test_usernames_are_not_derived_from_the_address(client, django_capture_on_commit_callbacks):
    sign_up(client, django_capture_on_commit_callbacks)
    user = User.objects.get(email="nadia@example.org")
    assert "nadia" not in user.username and user.username.startswith("member-")


def test_csrf_is_enforced_on_sign_up(participant):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    data = {"name": "N", "email": "csrf@example.org", "password": PASSWORD}
    assert strict.post(SIGNUP, data).status_code == 403
    assert ParticipantFactory._meta.model.objects.filter(email="csrf@example.org").count() == 0
