"""The digest goes out in batches of tasks over SMTP: progress on the admin's list of issues,
refused addresses counted and skipped, a dropped connection resumed without sending anything twice."""

import pytest
from django.utils import timezone

from news import newsletter
from news.models import NewsletterIssue, NewsletterSubscription
from tests.mailserver import smtp_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp(settings, monkeypatch):
    monkeypatch.setattr(newsletter, "BATCH_SIZE", 2)
    with smtp_server() as (mailbox, port):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
        yield mailbox


def subscribers(language: str, count: int) -> list[str]:
    addresses = [f"reader{number}@example.org" for number in range(count)]
    for address in addresses:
        NewsletterSubscription.objects.create(email=address, language=language, confirmed_at=timezone.now())
    return addresses


def send(client, editor, language: str, capture):
    client.force_login(editor)
    with capture(execute=True):
        response = client.post(f"/admin/newsletter/{language}/send/", {"last_issue_id": ""})
    assert response.status_code == 302
    return NewsletterIssue.objects.get(language=language)


def test_an_issue_goes_out_in_batches_and_the_admin_shows_sent_of_recipients_and_refusals(
    client, editor, smtp, django_capture_on_commit_callbacks
):
    addresses = subscribers("pt", 5)
    smtp.refuse = {addresses[2]}
    issue = send(client, editor, "pt", django_capture_on_commit_callbacks)
    assert (issue.recipient_count, issue.batch_count, issue.batches_done) == (5, 3, 3)
    assert (issue.sent_count, issue.failed_count) == (4, 1)
    assert issue.sent_at is not None
    assert sorted(to for recipients in smtp.recipients for to in recipients) == sorted(set(addresses) - smtp.refuse)
    listing = client.get("/admin/newsletter/").content.decode()
    assert "4 of 5, 1 refused" in listing


def test_a_dropped_connection_resumes_the_batch_after_the_last_message_sent(
    client, editor, smtp, django_capture_on_commit_callbacks
):
    addresses = subscribers("ru", 4)
    smtp.busy_after = 1  # the second message of the first batch gets "421 try again later"
    issue = send(client, editor, "ru", django_capture_on_commit_callbacks)
    received = sorted(to for recipients in smtp.recipients for to in recipients)
    assert received == sorted(addresses)  # everybody once, nobody twice
    assert (issue.sent_count, issue.failed_count, issue.batches_done, issue.batch_count) == (4, 0, 2, 2)
    assert issue.sent_at is not None


def test_with_the_database_backend_the_issue_waits_for_the_worker_and_shows_sending_until_done(
    client, editor, smtp, task_worker, django_capture_on_commit_callbacks
):
    subscribers("bn", 3)
    issue = send(client, editor, "bn", django_capture_on_commit_callbacks)
    assert issue.sent_at is None and smtp.messages == []
    assert "Sending…" in client.get("/admin/newsletter/").content.decode()

    task_worker()
    issue.refresh_from_db()
    assert (issue.sent_count, issue.batches_done, issue.batch_count) == (3, 2, 2)
    assert issue.sent_at is not None and len(smtp.messages) == 3
    assert "3 of 3" in client.get("/admin/newsletter/").content.decode()
