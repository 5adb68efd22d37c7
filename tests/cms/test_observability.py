"""One log line per request with a request id (returned in X-Request-ID, carried to the worker's
task lines), JSON logs on demand, and Sentry without personal data."""

import json
import logging
import subprocess
import sys

import pytest
from django_tasks_db.models import DBTaskResult

from cms.notifications import send_notification
from cms.observability import JsonFormatter, RequestIdFilter, logging_config, request_id_var
from tests.cms.test_settings import ROOT

pytestmark = pytest.mark.django_db


def request_lines(caplog):
    return [record for record in caplog.records if record.name == "ipsp.request"]


def test_every_response_carries_a_new_request_id_and_one_log_line_with_it(client, caplog):
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.INFO, logger="ipsp.request"):
        response = client.get("/en/", HTTP_X_REQUEST_ID="chosen-by-the-client-0001")
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32 and request_id != "chosen-by-the-client-0001"  # no proxy is trusted
    [line] = request_lines(caplog)
    assert line.request_id == request_id
    assert (line.method, line.path, line.status, line.client) == ("GET", "/en/", 200, "127.0.0.1")
    assert '"GET /en/" 200' in line.getMessage()


def test_behind_a_trusted_proxy_its_request_id_and_the_client_address_are_used(client, settings, caplog):
    settings.TRUSTED_PROXY_COUNT = 1
    with caplog.at_level(logging.INFO, logger="ipsp.request"):
        response = client.get(
            "/en/practices/",
            HTTP_X_REQUEST_ID="nginx-7f3a9c1e2b",
            HTTP_X_FORWARDED_FOR="198.51.100.7",
            REMOTE_ADDR="10.0.0.2",
        )
    assert response["X-Request-ID"] == "nginx-7f3a9c1e2b"
    [line] = request_lines(caplog)
    assert line.client == "198.51.100.7"


def test_a_malformed_request_id_from_the_proxy_is_replaced(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    response = client.get("/en/", HTTP_X_REQUEST_ID="bad id\nwith a line break", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert response["X-Request-ID"] != "bad id\nwith a line break" and len(response["X-Request-ID"]) == 32


def test_the_worker_logs_a_task_under_the_request_id_that_queued_it(settings, task_worker, caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    token = request_id_var.set("req-from-the-web-42")
    try:
        send_notification.enqueue(
            "community/email/accounts/already_registered", ["ana@example.org"], {"name": "Ana"}, language="pt"
        )
    finally:
        request_id_var.reset(token)
    assert DBTaskResult.objects.get().args_kwargs["kwargs"]["log_request_id"] == "req-from-the-web-42"
    caplog.handler.addFilter(RequestIdFilter())
    with caplog.at_level(logging.INFO, logger="ipsp.tasks"):
        task_worker()
    task_lines = [record for record in caplog.records if record.name == "ipsp.tasks"]
    assert [record.getMessage() for record in task_lines] == [
        "Task send_notification started (attempt 1)",
        "Task send_notification done",
    ]
    assert {record.request_id for record in task_lines} == {"req-from-the-web-42"}


def test_json_logs_are_one_object_per_line_with_the_request_fields():
    config = logging_config("INFO", "json")
    assert config["formatters"]["default"] == {"()": "cms.observability.JsonFormatter"}
    record = logging.LogRecord("ipsp.request", logging.INFO, __file__, 1, '%s "%s"', ("1.2.3.4", "GET /"), None)
    record.request_id, record.status, record.path = "abc12345", 200, "/"
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == '1.2.3.4 "GET /"'
    assert (entry["request_id"], entry["status"], entry["path"], entry["level"]) == ("abc12345", 200, "/", "INFO")
    assert entry["time"].endswith("Z")


def test_sentry_is_initialised_only_with_a_dsn_and_sends_no_personal_data():
    script = (
        "from cms.observability import init_sentry; import sentry_sdk;"
        "print(init_sentry(None, 'x'), sentry_sdk.get_client().is_active());"
        "print(init_sentry('https://public@127.0.0.1:9/1', 'production'), sentry_sdk.get_client().is_active(),"
        " sentry_sdk.get_client().options['send_default_pii'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split() == ["False", "False", "True", "True", "False"]
