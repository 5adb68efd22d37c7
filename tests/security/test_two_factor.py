"""Two-factor authentication for staff (issue 18): set-up with a TOTP app, verification in each new
session, single-use recovery codes, the limiter on wrong codes, and the operators' reset."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from cms.factories import UserFactory
from cms.roles import EDITORS, JURY, translators_group_name
from cms.two_factor import services
from community.factories import ParticipantFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.STAFF_TWO_FACTOR_REQUIRED = True


@pytest.fixture
def editor_account(db):
    return UserFactory(username="ed", groups=[EDITORS])


def code(device: TOTPDevice, drift: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift):06d}"


def wrong(right: str) -> str:
    return f"{(int(right) + 1) % 1_000_000:06d}"


def sign_in(client, username: str = "ed"):
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client.get("/admin/pages/")


def enabled(user) -> tuple[TOTPDevice, list[str]]:
    device = services.pending_device(user)
    return device, services.confirm(device, code(device))


def _entries(user, action: str):
    return ModelLogEntry.objects.filter(object_id=str(user.pk), action=action)


def test_an_editor_without_a_device_is_sent_to_set_up(client, editor_account):
    response = sign_in(client)
    assert response.status_code == 302
    assert response["Location"] == "/admin/two-factor/set-up/?next=%2Fadmin%2Fpages%2F"
    page = client.get(response["Location"])
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=editor_account, confirmed=False)
    content = page.content.decode()
    assert services.secret(device) in content and "<svg" in content and "otpauth://totp/" in content
    assert client.get("/admin/").status_code == 302  # every admin page until it is done
    assert client.get("/admin/sprite/").status_code == 200  # but the set-up page's icons load


def test_a_wrong_code_is_refused_and_the_set_up_keeps_its_secret(client, editor_account):
    sign_in(client)
    first = client.get("/admin/two-factor/set-up/?next=/admin/pages/")
    device = TOTPDevice.objects.get(user=editor_account)
    typed = wrong(code(device))
    response = client.post("/admin/two-factor/set-up/", {"code": typed, "next": "/admin/pages/"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "That code is not right" in content
    assert f'value="{typed}"' in content and services.secret(device) in content
    assert services.secret(device) in first.content.decode()
    assert TOTPDevice.objects.filter(user=editor_account).count() == 1
    assert not TOTPDevice.objects.get(user=editor_account).confirmed
    assert client.get("/admin/").status_code == 302


def test_the_right_code_enables_two_factor_and_shows_ten_recovery_codes_once(client, editor_account):
    sign_in(client)
    client.get("/admin/two-factor/set-up/")
    device = TOTPDevice.objects.get(user=editor_account)
    response = client.post("/admin/two-factor/set-up/", {"code": code(device), "next": "/admin/pages/"})
    assert response.status_code == 200
    shown = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    stored = set(StaticToken.objects.filter(device__user=editor_account).values_list("token", flat=True))
    assert len(shown) == 10 and set(shown) == stored
    assert 'href="/admin/pages/"' in response.content.decode()
    assert client.get("/admin/").status_code == 200
    assert _entries(editor_account, services.ENABLED).count() == 1
    # Set up once: the page now sends to verification, and the codes are not shown again.
    assert client.get("/admin/two-factor/set-up/")["Location"].startswith("/admin/two-factor/verify/")


def test_a_later_session_needs_the_second_factor(client, editor_account):
    device, _codes = enabled(editor_account)
    response = sign_in(client)
    assert response["Location"] == "/admin/two-factor/verify/?next=%2Fadmin%2Fpages%2F"
    assert client.get(response["Location"]).status_code == 200
    before = client.session.session_key
    response = client.post("/admin/two-factor/verify/", {"code": code(device, drift=1), "next": "/admin/pages/"})
    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert client.session.session_key != before  # a new session key once verified
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once_only(client, editor_account):
    _device, codes = enabled(editor_account)
    sign_in(client)
    response = client.post("/admin/two-factor/verify/", {"code": codes[0].upper(), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    entry = _entries(editor_account, services.RECOVERY_CODE_USED).get()
    assert entry.data["remaining"] == 9
    client.post("/admin/logout/")
    sign_in(client)
    again = client.post("/admin/two-factor/verify/", {"code": codes[0], "next": "/admin/"})
    assert again.status_code == 200 and "That code is not right" in again.content.decode()
    assert client.get("/admin/").status_code == 302
    assert client.post("/admin/two-factor/verify/", {"code": codes[1]}).status_code == 302


def test_an_offsite_next_is_not_followed(client, editor_account):
    device, _codes = enabled(editor_account)
    sign_in(client)
    response = client.post(
        "/admin/two-factor/verify/", {"code": code(device, drift=1), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_a_community_participant_is_never_asked(client):
    participant = ParticipantFactory(email="p@example.org")
    assert not services.required(participant)
    client.force_login(participant)
    assert client.get("/en/account/").status_code == 200
    assert "two-factor" not in client.get("/admin/").get("Location", "")
    assert not TOTPDevice.objects.filter(user=participant).exists()


@pytest.mark.parametrize("group", [JURY, translators_group_name("fr"), None])
def test_every_staff_role_and_superusers_need_it(group):
    user = UserFactory(groups=[group]) if group else UserFactory(is_superuser=True)
    assert services.required(user)


def test_nothing_is_asked_when_the_setting_is_off(client, settings, editor_account):
    settings.STAFF_TWO_FACTOR_REQUIRED = False
    assert sign_in(client).status_code == 200


def test_repeated_wrong_codes_are_stopped_by_the_limiter_with_a_message(client, editor_account):
    device, _codes = enabled(editor_account)
    sign_in(client)
    typed = wrong(code(device, drift=1))
    for _ in range(services.ATTEMPTS.limit):
        assert client.post("/admin/two-factor/verify/", {"code": typed}).status_code == 200
    refused = client.post("/admin/two-factor/verify/", {"code": code(device, drift=1)})
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    content = refused.content.decode()
    assert "Please try again in 15 minutes" in content
    assert f'value="{code(device, drift=1)}"' in content
    assert client.get("/admin/").status_code == 302


def test_reset_two_factor_removes_the_devices_and_is_logged(client, editor_account):
    enabled(editor_account)
    call_command("reset_two_factor", "ed@example.org", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=editor_account).exists()
    assert not StaticToken.objects.filter(device__user=editor_account).exists()
    assert _entries(editor_account, services.RESET).get().data == {"devices": 2}
    assert sign_in(client)["Location"].startswith("/admin/two-factor/set-up/")
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody@example.org")


def test_two_factor_changes_are_in_the_site_history(client, settings, editor_account):
    enabled(editor_account)
    services.reset(editor_account)
    settings.STAFF_TWO_FACTOR_REQUIRED = False  # the administrator reading the log
    client.force_login(UserFactory(is_superuser=True))
    content = client.get("/admin/reports/site-history/").content.decode()
    assert "Two-factor authentication enabled" in content and "Two-factor authentication reset" in content


def test_the_pages_speak_the_staff_members_language(client, editor_account):
    profile = UserProfile.get_for_user(editor_account)
    profile.preferred_language = "fr"
    profile.save()
    sign_in(client)
    page = client.get("/admin/two-factor/set-up/").content.decode()
    assert "Authentification à deux facteurs" in page and "Confirmer" in page
    device = TOTPDevice.objects.get(user=editor_account)
    wrong_code = client.post("/admin/two-factor/set-up/", {"code": wrong(code(device))}).content.decode()
    assert "Ce code n&#x27;est pas le bon." in wrong_code
