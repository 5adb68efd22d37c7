"""The comment moderation queue in the Wagtail admin: who may use it (Moderators and Editors; 403 for
other staff, the admin login for participants), pending and flagged comments first, filters,
approving, hiding with a reason and restoring, the e-mails to authors, and the CSV export."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from cms.roles import EDITORS, MODERATORS
from community.factories import TopicProposalFactory
from community.models import Comment, CommentStatus
from tests.community.consultation_support import comment_on, make_consultation, section, url, version

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comment-moderation/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def moderate_url(comment) -> str:
    return f"{QUEUE}inspect/{comment.pk}/"


def export_url(page) -> str:
    return f"{QUEUE}export/{page.translation_key}/"


def test_moderators_and_editors_hold_the_permission_from_the_migration():
    permission = Permission.objects.get(content_type__app_label="community", codename="moderate_comment")
    assert set(permission.group_set.values_list("name", flat=True)) >= {MODERATORS, EDITORS}
    assert not Group.objects.filter(name__startswith="Translators", permissions=permission).exists()


def test_the_queue_shows_pending_then_flagged_comments_first(client, moderator):
    page = make_consultation()
    ordinary = comment_on(page, body="Ordinary published comment")
    flagged = comment_on(page, body="Flagged published comment", flag_count=2)
    pending = comment_on(page, body="Pending comment", status=CommentStatus.PENDING)
    proposal_comment = Comment.objects.create(
        proposal=TopicProposalFactory(), body="Pending on a proposal", language="en", status=CommentStatus.PENDING
    )
    client.force_login(moderator)
    response = client.get(QUEUE)
    assert response.status_code == 200
    content = response.content.decode()
    positions = [content.index(moderate_url(item)) for item in (pending, flagged, ordinary)]
    assert positions == sorted(positions)
    assert content.index(moderate_url(proposal_comment)) < positions[1]
    assert QUEUE in client.get("/admin/").content.decode()  # the menu item


def test_the_queue_filters_by_status_flags_consultation_and_kind_of_page(client, editor):
    page, other = make_consultation(translations=["ar"]), make_consultation()
    pending = comment_on(page, status=CommentStatus.PENDING)
    flagged = comment_on(other, flag_count=1)
    arabic = comment_on(version(page, "ar"), language="ar")
    on_proposal = Comment.objects.create(proposal=TopicProposalFactory(), body="On a proposal", language="en")
    client.force_login(editor)

    def listed(query: str) -> set[int]:
        content = client.get(f"{QUEUE}?{query}").content.decode()
        return {item.pk for item in (pending, flagged, arabic, on_proposal) if moderate_url(item) in content}

    assert listed("status=pending") >= {pending.pk} and flagged.pk not in listed("status=pending")
    assert flagged.pk in listed("flagged=true") and pending.pk not in listed("flagged=true")
    assert listed(f"consultation={page.translation_key}") == {pending.pk, arabic.pk}
    assert on_proposal.pk in listed("on=proposal") and pending.pk not in listed("on=proposal")
    content = client.get(f"{QUEUE}?consultation={page.translation_key}").content.decode()
    assert export_url(page) in content


def test_approving_publishes_and_tells_the_author(
    client, moderator, participant, django_capture_on_commit_callbacks, mailoutbox
):
    page = make_consultation(moderation="pre")
    comment = comment_on(page, author=participant, status=CommentStatus.PENDING, body="Waiting for approval")
    assert "Waiting for approval" not in client.get(url(page)).content.decode()
    client.force_login(moderator)
    assert client.get(moderate_url(comment)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(moderate_url(comment), {"action": "approve"})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and comment.moderated_by == moderator
    [message] = mailoutbox
    assert message.to == [participant.email] and f"{page.full_url}#comment-{comment.pk}" in message.body
    client.logout()
    assert "Waiting for approval" in client.get(url(page)).content.decode()


def test_approving_a_reply_also_tells_the_author_of_the_comment_replied_to(
    client, moderator, participant, other_participant, django_capture_on_commit_callbacks, mailoutbox
):
    page = make_consultation(moderation="pre")
    parent = comment_on(page, author=participant)
    reply = comment_on(page, parent=parent, author=other_participant, status=CommentStatus.PENDING)
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(moderate_url(reply), {"action": "approve"})
    assert sorted(message.to[0] for message in mailoutbox) == sorted([participant.email, other_participant.email])


def test_hiding_needs_a_reason_which_the_author_receives(
    client, moderator, participant, django_capture_on_commit_callbacks, mailoutbox
):
    page = make_consultation(moderation="post")
    comment = comment_on(page, author=participant, body="Rude words here")
    client.force_login(moderator)
    response = client.post(moderate_url(comment), {"action": "hide", "reason": "  "})
    assert response.status_code == 400
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(moderate_url(comment), {"action": "hide", "reason": "Personal attack on another participant."})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN and comment.hidden_reason == "Personal attack on another participant."
    [message] = mailoutbox
    assert message.to == [participant.email] and "Personal attack on another participant." in message.body
    client.force_login(participant)  # not even its author sees it any more
    assert "Rude words here" not in client.get(url(page)).content.decode()
    client.logout()
    assert "Rude words here" not in client.get(url(page)).content.decode()


def test_restoring_a_hidden_comment_publishes_it_again_and_clears_its_flags(client, moderator):
    page = make_consultation()
    comment = comment_on(
        page, status=CommentStatus.HIDDEN, hidden_reason="Mistake", flag_count=3, body="Fine after all"
    )
    client.force_login(moderator)
    client.post(moderate_url(comment), {"action": "restore"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED and comment.flag_count == 0 and comment.hidden_reason == ""
    client.logout()
    assert "Fine after all" in client.get(url(page)).content.decode()


def test_staff_without_the_permission_get_403_and_change_nothing(client, translator_fr, reviewer):
    page = make_consultation()
    comment = comment_on(page, status=CommentStatus.PENDING)
    for user in (translator_fr, reviewer):
        client.force_login(user)
        assert client.get(QUEUE).status_code == 403
        assert client.get(moderate_url(comment)).status_code == 403
        assert client.post(moderate_url(comment), {"action": "approve"}).status_code == 403
        assert client.get(export_url(page)).status_code == 403
        assert QUEUE not in client.get("/admin/").content.decode()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_participants_are_sent_to_the_admin_login_and_change_nothing(client, participant):
    page = make_consultation()
    comment = comment_on(page, status=CommentStatus.PENDING)
    client.force_login(participant)
    for response in (
        client.get(QUEUE),
        client.post(moderate_url(comment), {"action": "approve"}),
        client.get(export_url(page)),
    ):
        assert response.status_code == 302 and response.url.startswith("/admin/login/")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


def test_nobody_adds_changes_or_deletes_comments_in_the_admin(client, moderator):
    comment = comment_on(make_consultation())
    client.force_login(moderator)
    for path in ("new/", f"edit/{comment.pk}/", f"delete/{comment.pk}/"):
        assert client.get(QUEUE + path).status_code in (302, 403)
    assert client.post(QUEUE + f"delete/{comment.pk}/").status_code in (302, 403)
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_editors_export_every_response_of_every_language_as_csv_for_excel(client, editor):
    page = make_consultation(translations=["ar"])
    question = comment_on(page, body="=SUM(A1) is not a formula here", author_region="150")
    reply = comment_on(page, parent=question, body="A reply")
    arabic = comment_on(
        version(page, "ar"),
        section=section(page, "tenants", "ar"),
        language="ar",
        body="حق السكن قبل كل شيء",
        author_region="142",
    )
    hidden = comment_on(page, status=CommentStatus.HIDDEN, body="Hidden but exported")
    comment_on(make_consultation(), body="Another consultation")
    client.force_login(editor)
    response = client.get(export_url(page))
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    raw = response.content
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == [
        "id",
        "consultation",
        "section",
        "parent_id",
        "language",
        "region",
        "status",
        "created",
        "author",
        "body",
    ]
    by_id = {row[0]: row for row in rows[1:]}
    assert set(by_id) == {str(item.pk) for item in (question, reply, arabic, hidden)}
    assert by_id[str(arabic.pk)][1:5] == [version(page, "ar").title, "Tenants' rights", "", "ar"]
    assert by_id[str(arabic.pk)][9] == "حق السكن قبل كل شيء"
    assert by_id[str(reply.pk)][3] == str(question.pk)
    assert by_id[str(hidden.pk)][6] == "hidden"
    assert by_id[str(question.pk)][9] == "'=SUM(A1) is not a formula here"
