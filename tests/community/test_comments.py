"""Comments through HTTP: threading one level deep, the rate limit (per participant and per address,
text kept, when to try again), plain-text bodies with safe links, editing one's own comment only
and only for 30 minutes, flags, and the e-mail to the author of a comment that gets a reply."""

from __future__ import annotations

import datetime
import html

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone, translation

from community.comments import services
from community.comments.views import rate_limit_message
from community.factories import ParticipantFactory
from community.models import Comment, CommentFlag, CommentStatus
from tests.community.consultation_support import comment_on, make_consultation, section, url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def post(client, page, route="comment/", language="en", address="10.0.0.1", **data):
    return client.post(url(page, language, route), data, REMOTE_ADDR=address)


# --- Threading


def test_a_reply_goes_under_its_parent_and_its_author_is_told(
    client, participant, other_participant, django_capture_on_commit_callbacks, mailoutbox
):
    page = make_consultation()
    parent = comment_on(page, author=participant, section=section(page, "tenants"), body="Rent control works.")
    client.force_login(other_participant)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, page, "comment/tenants/", body="Only with enforcement.", parent=parent.pk)
    reply = Comment.objects.get(parent=parent)
    assert response.status_code == 302 and reply.section == parent.section and reply.is_visible
    content = client.get(url(page)).content.decode()
    thread = content.split(f'id="comment-{parent.pk}"')[1].split('class="comments__thread"')[0]
    assert f'id="comment-{reply.pk}"' in thread and 'class="comments__replies"' in thread
    [message] = mailoutbox
    assert message.to == [participant.email]
    assert f"{page.full_url}#comment-{reply.pk}" in message.body and "Only with enforcement." in message.body


def test_a_reply_to_a_reply_is_refused(client, participant):
    page = make_consultation()
    parent = comment_on(page)
    reply = comment_on(page, parent=parent)
    client.force_login(participant)
    response = post(client, page, body="Deeper", parent=reply.pk)
    assert response.status_code == 400
    assert html.escape("Deeper") in response.content.decode()
    assert 'id="comment-on-question-message"' in response.content.decode()
    assert not Comment.objects.filter(parent=reply).exists()


def test_a_reply_must_stay_on_the_same_section_and_consultation(client, participant):
    page, other = make_consultation(), make_consultation()
    on_question = comment_on(page)
    elsewhere = comment_on(other)
    client.force_login(participant)
    assert post(client, page, "comment/tenants/", body="Wrong place", parent=on_question.pk).status_code == 400
    assert post(client, page, body="Wrong page", parent=elsewhere.pk).status_code == 400
    assert not Comment.objects.filter(parent__in=[on_question, elsewhere]).exists()


def test_nobody_replies_to_a_comment_the_public_cannot_see(client, participant):
    page = make_consultation()
    pending = comment_on(page, status=CommentStatus.PENDING)
    client.force_login(participant)
    assert post(client, page, body="Hidden parent", parent=pending.pk).status_code == 400
    assert not Comment.objects.filter(parent=pending).exists()


def test_a_reply_from_another_language_version_joins_the_thread(client, participant):
    page = make_consultation(translations=["fr"])
    parent = comment_on(page, section=section(page, "tenants"))
    client.force_login(participant)
    response = post(client, page, "comment/tenants/", language="fr", body="D'accord.", parent=parent.pk)
    assert response.status_code == 302
    reply = Comment.objects.get(parent=parent)
    assert reply.language == "fr" and reply.section == section(page, "tenants", "fr")


# --- Rate limit


def test_the_eleventh_comment_in_ten_minutes_is_refused_with_the_text_kept_and_when_to_retry(client, participant):
    page = make_consultation()
    client.force_login(participant)
    for number in range(10):
        assert post(client, page, body=f"Comment {number}", address=f"10.0.1.{number}").status_code == 302
    response = post(client, page, "comment/tenants/", body="My eleventh thought.", address="10.0.2.1")
    assert response.status_code == 429 and 590 <= int(response["Retry-After"]) <= 601
    content = response.content.decode()
    assert "My eleventh thought." in content.split('id="comment-on-tenants-body"')[1].split("</textarea>")[0]
    with translation.override("en"):
        assert html.escape(rate_limit_message(600)) in content
    assert "try again in 10 minutes" in rate_limit_message(600)
    assert Comment.objects.filter(author=participant).count() == 10


def test_the_limit_also_holds_per_address(client, participant, other_participant):
    page = make_consultation()
    client.force_login(participant)
    for number in range(10):
        assert post(client, page, body=f"Comment {number}").status_code == 302
    client.force_login(other_participant)
    assert post(client, page, body="Same address").status_code == 429
    assert post(client, page, body="Other address", address="10.9.9.9").status_code == 302


def test_the_wait_shown_is_the_time_left_in_the_sliding_window(client, participant):
    page = make_consultation()
    client.force_login(participant)
    for number in range(10):
        post(client, page, body=f"Comment {number}")
    request = RequestFactory().post("/", REMOTE_ADDR="10.0.0.1")
    request.user = participant
    with pytest.raises(services.RateLimited) as refused:
        services.post_comment(
            request=request, author=participant, body="Again", language="en", consultation=page, premoderated=False
        )
    assert 590 <= refused.value.retry_after <= 601


# --- Bodies


def test_bodies_are_plain_text_with_paragraphs_and_links_that_pass_no_credit(client, participant):
    page = make_consultation()
    client.force_login(participant)
    body = "<script>alert('x')</script> <b>bold</b>\n\nSee https://example.org/rent?a=1&b=2"
    post(client, page, body=body)
    content = client.get(url(page)).content.decode()
    assert "<script>alert" not in content and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in content
    assert "&lt;b&gt;bold&lt;/b&gt;</p>" in content
    assert '<a href="https://example.org/rent?a=1&amp;b=2" rel="nofollow ugc noopener">' in content


# --- Editing


def edit_url(comment) -> str:
    return f"/en/comments/{comment.pk}/edit/"


def test_the_author_edits_their_comment_within_thirty_minutes(client, participant):
    page = make_consultation()
    comment = comment_on(page, author=participant, body="First version")
    client.force_login(participant)
    assert f'href="{edit_url(comment)}"' in client.get(url(page)).content.decode()
    assert "First version" in client.get(edit_url(comment)).content.decode()
    response = client.post(edit_url(comment), {"body": "Second version"})
    assert response.status_code == 302 and response.url == f"{page.url}#comment-{comment.pk}"
    comment.refresh_from_db()
    assert comment.body == "Second version" and comment.edited_at and comment.is_visible
    assert client.post(edit_url(comment), {"body": ""}).status_code == 400


def test_another_participant_cannot_edit_a_comment(client, participant, other_participant):
    comment = comment_on(make_consultation(), author=participant, body="Mine")
    client.force_login(other_participant)
    assert client.get(edit_url(comment)).status_code == 404
    assert client.post(edit_url(comment), {"body": "Not yours"}).status_code == 404
    client.logout()
    assert client.post(edit_url(comment), {"body": "Anonymous"}).status_code == 302
    comment.refresh_from_db()
    assert comment.body == "Mine"


def test_after_thirty_minutes_or_once_closed_a_comment_can_no_longer_be_edited(client, participant):
    page = make_consultation()
    comment = comment_on(page, author=participant, body="Old")
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=31))
    client.force_login(participant)
    assert f'href="{edit_url(comment)}"' not in client.get(url(page)).content.decode()
    assert client.post(edit_url(comment), {"body": "New"}).status_code == 403
    closed = comment_on(make_consultation(state="closed"), author=participant, body="Closed")
    assert client.post(edit_url(closed), {"body": "New"}).status_code == 403
    comment.refresh_from_db()
    closed.refresh_from_db()
    assert comment.body == "Old" and closed.body == "Closed"


def test_in_pre_moderation_an_edited_comment_waits_for_a_moderator_again(client, participant, moderator):
    page = make_consultation(moderation="pre")
    comment = comment_on(page, author=participant, body="Approved text", moderated_by=moderator)
    client.force_login(participant)
    client.post(edit_url(comment), {"body": "Changed text"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    client.logout()
    assert "Changed text" not in client.get(url(page)).content.decode()


# --- Flags


def flag_url(comment) -> str:
    return f"/en/comments/{comment.pk}/flag/"


def test_a_participant_flags_a_comment_once(client, participant):
    page = make_consultation()
    comment = comment_on(page)
    client.force_login(participant)
    response = client.post(flag_url(comment), {"reason": "Insulting", "next": url(page)})
    assert response.status_code == 302 and response.url == url(page)
    client.post(flag_url(comment), {"reason": "Again"})
    comment.refresh_from_db()
    assert comment.flag_count == 1 and CommentFlag.objects.get(comment=comment).reason == "Insulting"
    assert f'id="flag-{comment.pk}-reason"' not in client.get(url(page)).content.decode()


def test_nobody_flags_their_own_or_an_invisible_comment_and_visitors_must_log_in(client, participant):
    page = make_consultation()
    own = comment_on(page, author=participant)
    hidden = comment_on(page, status=CommentStatus.HIDDEN)
    assert client.post(flag_url(own)).status_code == 302  # to the login page
    client.force_login(participant)
    client.post(flag_url(own))
    assert client.post(flag_url(hidden)).status_code == 404
    assert client.get(flag_url(own)).status_code == 405
    assert not CommentFlag.objects.filter(comment__in=[own, hidden]).exists()


def test_in_post_moderation_three_flags_take_a_comment_down_until_a_moderator_decides(client):
    page = make_consultation(moderation="post")
    comment = comment_on(page, body="Controversial remark")
    for number in range(3):
        client.force_login(ParticipantFactory())
        client.post(flag_url(comment))
        comment.refresh_from_db()
        assert comment.flag_count == number + 1
    assert comment.status == CommentStatus.PENDING
    client.logout()
    assert "Controversial remark" not in client.get(url(page)).content.decode()


def test_a_comment_a_moderator_approved_stays_up_whatever_the_flags(client, moderator):
    page = make_consultation(moderation="pre")
    comment = comment_on(page, body="Approved by a person", moderated_by=moderator)
    for _number in range(4):
        client.force_login(ParticipantFactory())
        client.post(flag_url(comment))
    comment.refresh_from_db()
    assert comment.flag_count == 4 and comment.status == CommentStatus.APPROVED
    client.logout()
    assert "Approved by a person" in client.get(url(page)).content.decode()
