"""Production smoke test: what docs/deployment.md sets up, run for real on loopback.

gunicorn with production settings and deploy/gunicorn.conf.py, the `db_worker` task worker, a fresh
PostgreSQL database (migrated, static files collected), a Redis server of its own and an SMTP
server (aiosmtpd). A visitor subscribes to the newsletter through the public form; the worker
delivers the confirmation to the SMTP server; pages are served; then Redis is stopped and pages are
still served while /readyz reports the cache down. Run by `make smoke` (and CI); deselected from
`make test`. The figures (start-up time, one mail's latency through the worker, memory per web
worker) are printed at the end.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest

from tests.mailserver import free_port, smtp_server

pytestmark = pytest.mark.smoke

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
FIGURES = ROOT / "test-results" / "smoke-figures.json"


def postgres_url(name: str) -> str:
    base = urlparse(os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/ipsp")
    return f"postgres://{base.netloc}/{name}"


def run(args: list[str], env: dict, timeout: int = 600) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


def wait_until(predicate, timeout: float, what: str) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class Browser:
    """Just enough of a browser behind TLS-terminating nginx: X-Forwarded-Proto, cookies, Origin."""

    def __init__(self, port: int, scheme: str = "https") -> None:
        self.port = port
        self.scheme = scheme  # "https": as if nginx terminated TLS (X-Forwarded-Proto)
        self.cookies: dict[str, str] = {}

    def request(
        self, method: str, path: str, body: dict | None = None, client: str = "203.0.113.9"
    ) -> tuple[int, dict, str]:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        headers = {
            "Host": f"{HOST}:{self.port}",
            "X-Forwarded-Proto": self.scheme,
            "X-Forwarded-For": client,
            "Accept-Language": "en",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        data = None
        if body is not None:
            data = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = headers["Referer"] = f"{self.scheme}://{HOST}:{self.port}"
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        finally:
            connection.close()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                cookie_name, _sep, rest = value.partition("=")
                self.cookies[cookie_name] = rest.split(";", 1)[0]
        return response.status, {name.lower(): value for name, value in response.getheaders()}, text

    def get(self, path: str) -> tuple[int, dict, str]:
        return self.request("GET", path)


def rss_of_children(parent: int) -> list[int]:
    """Resident memory (KiB) of each process whose parent is `parent` (gunicorn's workers)."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            text = status.read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{parent}$", text, re.M):
            match = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
            if match:
                sizes.append(int(match.group(1)))
    return sizes


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    database = f"ipsp_smoke_{os.getpid()}"
    admin_url = postgres_url("postgres")
    tmp = tmp_path_factory.mktemp("smoke")
    redis_port, web_port = free_port(), free_port()
    processes: list[subprocess.Popen] = []

    def start(args: list[str], env: dict, name: str) -> subprocess.Popen:
        log = open(tmp / f"{name}.log", "w")  # noqa: SIM115 (closed with the process)
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        processes.append(process)
        return process

    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
        connection.execute(f'CREATE DATABASE "{database}"')
    redis = start(
        ["redis-server", "--port", str(redis_port), "--bind", HOST, "--save", "", "--appendonly", "no"], {}, "redis"
    )
    with smtp_server() as (mailbox, smtp_port):
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp),
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "DATABASE_URL": postgres_url(database),
            "REDIS_URL": f"redis://{HOST}:{redis_port}/0",
            "EMAIL_HOST": HOST,
            "EMAIL_PORT": str(smtp_port),
            "EMAIL_TIMEOUT": "10",
            "DEFAULT_FROM_EMAIL": "IPSP <no-reply@ipsp.example>",
            "WAGTAILADMIN_BASE_URL": "https://ipsp.example",
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(tmp / "media"),
            "TRUSTED_PROXY_COUNT": "1",
            "WEB_BIND": f"{HOST}:{web_port}",
            "WEB_CONCURRENCY": "2",
            "LOG_FORMAT": "json",
        }
        python = sys.executable
        run([python, "manage.py", "migrate", "--no-input"], env)
        run([python, "manage.py", "compile_translations"], env)
        run([python, "manage.py", "collectstatic", "--no-input"], env)
        started = time.monotonic()
        web = start([python, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"], env, "web")
        worker = start([python, "manage.py", "db_worker", "--interval", "0.2"], env, "worker")
        browser = Browser(web_port)

        def healthy() -> bool:
            try:
                return browser.get("/healthz")[0] == 200
            except OSError:
                return False

        wait_until(healthy, 120, "gunicorn to answer /healthz")
        figures = {"start-up (s)": round(time.monotonic() - started, 2)}
        try:
            yield {
                "browser": browser,
                "mailbox": mailbox,
                "redis": redis,
                "web": web,
                "worker": worker,
                "figures": figures,
                "logs": tmp,
            }
        finally:
            for process in reversed(processes):
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            for process in processes:
                try:
                    process.wait(timeout=40)
                except subprocess.TimeoutExpired:
                    process.kill()
            # `make smoke` prints them after the run.
            FIGURES.parent.mkdir(exist_ok=True)
            FIGURES.write_text(json.dumps(figures, indent=2) + "\n")
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def test_a_public_form_reaches_the_smtp_server_through_the_worker(stack):
    browser, mailbox = stack["browser"], stack["mailbox"]
    status, _headers, page = browser.get("/en/newsletter/")
    assert status == 200, page[:500]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    sent = time.monotonic()
    status, headers, page = browser.request(
        "POST",
        "/en/newsletter/",
        {"csrfmiddlewaretoken": token, "email": "smoke@example.org", "consent": "on", "homepage": ""},
    )
    assert status == 302, page[:1000]
    assert mailbox.wait_for(1, timeout=60), "the worker did not deliver the confirmation"
    stack["figures"]["one mail through the worker (s)"] = round(time.monotonic() - sent, 2)
    assert mailbox.recipients == [["smoke@example.org"]]
    assert "https://ipsp.example/en/newsletter/confirm/" in mailbox.messages[0].get_payload(decode=True).decode()
    assert re.fullmatch(r"[0-9a-f]{32}", headers["x-request-id"])


def test_pages_static_files_and_readiness_are_served(stack):
    browser = stack["browser"]
    for path in ("/en/", "/robots.txt", "/sitemap.xml", "/en/newsletter/"):
        status, headers, body = browser.get(path)
        assert status == 200, (path, body[:500])
    status, _headers, body = browser.get("/en/newsletter/")
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', body).group(1)
    status, headers, _body = browser.get(stylesheet)
    assert status == 200 and "max-age" in headers.get("cache-control", "")
    status, _headers, body = browser.get("/readyz")
    assert status == 200, body
    assert '"tasks": {"status": "ok", "backend": "DatabaseBackend"' in body
    rss = rss_of_children(stack["web"].pid)
    assert len(rss) == 2, rss  # WEB_CONCURRENCY workers
    stack["figures"]["RSS per web worker (MiB)"] = [round(size / 1024) for size in rss]


def test_with_redis_stopped_pages_are_still_served_and_readiness_says_why(stack):
    browser, redis = stack["browser"], stack["redis"]
    redis.send_signal(signal.SIGTERM)
    redis.wait(timeout=20)
    for path in ("/en/", "/en/newsletter/", "/sitemap.xml"):
        for _attempt in range(3):  # both workers, after the first failure and within the back-off
            status, _headers, body = browser.get(path)
            assert status == 200, (path, body[:500])
    status, _headers, body = browser.get("/readyz")
    assert status == 503 and '"cache": {"status": "down"' in body
    assert '"database": {"status": "ok"' in body


def test_gunicorn_and_the_worker_stop_gracefully(stack):
    web, worker = stack["web"], stack["worker"]
    web.send_signal(signal.SIGTERM)
    worker.send_signal(signal.SIGTERM)
    assert web.wait(timeout=40) == 0
    assert worker.wait(timeout=40) == 0
    web_log = (stack["logs"] / "web.log").read_text()
    assert '"logger": "ipsp.request"' in web_log  # JSON request lines with LOG_FORMAT=json
