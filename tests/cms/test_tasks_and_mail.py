"""Mail goes through Django's SMTP backend to a real server on loopback, from tasks that the
database backend queues for `manage.py db_worker` and retries with back-off when the server is down."""

import datetime
import subprocess
import sys

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms.notifications import notify
from cms.settings import env
from cms.tasks import retry_delay
from news.models import NewsletterSubscription
from tests.cms.test_settings import ROOT
from tests.mailserver import free_port, smtp_server

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_settings(settings):
    def point_at(port: int) -> None:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = port
        settings.EMAIL_TIMEOUT = 5

    return point_at


def test_a_public_form_sends_its_mail_through_smtp_to_a_real_server(
    client, smtp_settings, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://ipsp.example"
    with smtp_server() as (mailbox, port):
        smtp_settings(port)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/es/newsletter/", {"email": "lucia@example.org", "consent": "on", "homepage": ""})
        assert response.status_code == 302
        assert mailbox.wait_for(1, timeout=10)
    message = mailbox.messages[0]
    assert mailbox.recipients == [["lucia@example.org"]]
    token = NewsletterSubscription.objects.get(email="lucia@example.org").token
    body = message.get_payload(decode=True).decode()
    assert f"https://ipsp.example/es/newsletter/confirm/{token}/" in body
    assert message["From"] == settings.DEFAULT_FROM_EMAIL


def test_the_database_backend_queues_mail_until_the_worker_runs_and_retries_when_smtp_is_down(
    smtp_settings, task_worker, django_capture_on_commit_callbacks
):
    port = free_port()  # nothing listens there yet: the SMTP server is "down"
    smtp_settings(port)
    with django_capture_on_commit_callbacks(execute=True):
        notify("community/email/accounts/already_registered", ["nadia@example.org"], {"name": "Nadia"}, language="fr")
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and queued.task_path == "cms.notifications.send_notification"

    before = timezone.now()
    task_worker()
    retry = DBTaskResult.objects.exclude(pk=queued.pk).get()
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"]["retry_attempt"] == 2
    assert retry.run_after >= before + retry_delay(1, 60) - datetime.timedelta(seconds=1)

    with smtp_server(port) as (mailbox, _port):
        task_worker()
        assert mailbox.messages == []  # the retry waits for its back-off
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now() - datetime.timedelta(seconds=1))
        task_worker()
        assert mailbox.wait_for(1, timeout=10)
    retry.refresh_from_db()
    assert retry.status == "SUCCESSFUL"
    assert mailbox.recipients == [["nadia@example.org"]]


def test_retries_stop_after_the_last_attempt_and_the_task_is_recorded_as_failed(smtp_settings, task_worker):
    from cms.notifications import send_notification

    smtp_settings(free_port())
    send_notification.enqueue(
        "community/email/accounts/already_registered", ["x@example.org"], {"name": "X"}, language="en", retry_attempt=5
    )
    task_worker()
    result = DBTaskResult.objects.get()
    assert result.status == "FAILED" and "ConnectionRefusedError" in result.exception_class_path


def mail_settings(**variables):
    result = subprocess.run(
        [sys.executable, "-c", "from cms.settings import env; print(env.email())"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **variables},
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result


def test_smtp_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("EMAIL_HOST", "smtp.example.org")
    monkeypatch.setenv("EMAIL_USE_TLS", "true")
    monkeypatch.setenv("EMAIL_HOST_USER", "ipsp")
    monkeypatch.setenv("EMAIL_HOST_PASSWORD", "not-a-real-password")
    monkeypatch.setenv("EMAIL_TIMEOUT", "12")
    assert env.email() == {
        "EMAIL_HOST": "smtp.example.org",
        "EMAIL_PORT": 587,
        "EMAIL_HOST_USER": "ipsp",
        "EMAIL_HOST_PASSWORD": "not-a-real-password",
        "EMAIL_USE_TLS": True,
        "EMAIL_USE_SSL": False,
        "EMAIL_TIMEOUT": 12,
    }


def test_tls_and_ssl_together_stop_start_up_with_one_clear_line():
    result = mail_settings(EMAIL_USE_TLS="true", EMAIL_USE_SSL="true")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "IPSP configuration error: EMAIL_USE_TLS and EMAIL_USE_SSL are both true: choose one (STARTTLS on "
        "port 587 is EMAIL_USE_TLS, implicit TLS on port 465 is EMAIL_USE_SSL)."
    ]


def test_an_unknown_task_backend_stops_start_up_with_one_clear_line():
    result = subprocess.run(
        [sys.executable, "-c", "from cms.settings import env; env.tasks('immediate')"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "TASKS_BACKEND": "celery"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (
        result.stderr.strip()
        == "IPSP configuration error: TASKS_BACKEND must be one of immediate, database, not 'celery'."
    )
