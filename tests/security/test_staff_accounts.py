"""Staff accounts: sessions end after two hours without activity; sign-ins, failed sign-ins and
changes of groups and permissions are in Wagtail's audit log."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cms.factories import UserFactory
from cms.roles import MODERATORS
from community.factories import MemberProfileFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"


@pytest.fixture
def moderator_account(db):
    return UserFactory(username="mod", groups=[MODERATORS])


def _entries(user, action: str):
    return ModelLogEntry.objects.filter(object_id=str(user.pk), action=action)


def test_a_staff_session_ends_after_two_hours_without_activity(client, moderator_account):
    assert client.post("/admin/login/", {"username": "mod", "password": PASSWORD}).status_code == 302
    assert client.get("/admin/").status_code == 200
    later = timezone.now() + datetime.timedelta(hours=1, minutes=50)
    with time_machine.travel(later, tick=False):
        assert client.get("/admin/").status_code == 200  # activity moves the deadline
    with time_machine.travel(later + datetime.timedelta(hours=2, minutes=1), tick=False):
        response = client.get("/admin/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_staff_session_is_written_at_most_once_a_minute(client, moderator_account):
    """Moving the deadline writes the session: requests of the same minute leave it alone."""
    from django.contrib.sessions.models import Session

    assert client.post("/admin/login/", {"username": "mod", "password": PASSWORD}).status_code == 302
    session = Session.objects.filter(session_key=client.cookies["sessionid"].value)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5), tick=False):
        assert client.get("/admin/").status_code == 200
        expiry = session.get().expire_date
        assert client.get("/admin/").status_code == 200
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=30), tick=False):
        assert client.get("/admin/").status_code == 200
        assert session.get().expire_date == expiry
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2), tick=False):
        assert client.get("/admin/").status_code == 200
        assert session.get().expire_date > expiry


def test_a_participant_session_keeps_the_usual_length(client):
    participant = MemberProfileFactory(user=ParticipantFactory(email="p@example.org")).user
    assert client.post("/en/account/login/", {"email": participant.email, "password": PASSWORD}).status_code == 302
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=3), tick=False):
        assert client.get("/en/account/").status_code == 200


def test_sign_ins_and_failed_sign_ins_are_in_the_audit_log(client, moderator_account):
    client.post("/admin/login/", {"username": "mod", "password": "wrong"})
    client.post("/admin/login/", {"username": "mod", "password": PASSWORD})
    assert _entries(moderator_account, "cms.sign_in_failed").count() == 1
    assert _entries(moderator_account, "cms.sign_in").count() == 1
    client.force_login(UserFactory(is_superuser=True))
    history = client.get("/admin/reports/site-history/")
    assert history.status_code == 200
    content = history.content.decode()
    assert "Sign-in failed" in content and "Signed in" in content


def test_group_and_permission_changes_are_in_the_audit_log(moderator_account):
    editors = Group.objects.get(name="Editors")
    since = ModelLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    moderator_account.groups.add(editors)
    editors.user_set.remove(moderator_account)
    moderator_account.user_permissions.add(Permission.objects.get(codename="access_admin"))
    editors.permissions.add(Permission.objects.get(codename="change_user"))
    changes = _entries(moderator_account, "cms.groups_changed").filter(pk__gt=since)
    assert [entry.data["change"] for entry in changes.order_by("pk")] == ["add", "remove"]
    assert _entries(moderator_account, "cms.permissions_changed").count() == 1
    assert ModelLogEntry.objects.filter(object_id=str(editors.pk), action="cms.permissions_changed").exists()
