"""`make run`'s SQLite survives concurrent writers: WAL, immediate transactions and a busy timeout
(cms.settings.env.SQLITE_OPTIONS). Twenty visitors subscribe at the same moment through a real
threaded WSGI server (gunicorn, 20 threads) on a SQLite file; every one of them gets through."""

import os
import re
import sqlite3
import subprocess
import sys
import threading

from cms.settings.env import load_dotenv
from tests.mailserver import free_port
from tests.smoke.test_production import ROOT, Browser, run, wait_until

VISITORS = 20


def test_twenty_simultaneous_subscriptions_on_sqlite_all_succeed(tmp_path):
    database = tmp_path / "db.sqlite3"
    port = free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "false",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "TRUSTED_PROXY_COUNT": "1",  # each visitor its own address, so no rate limit is shared
        "WEB_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": str(VISITORS),
        "LOG_LEVEL": "WARNING",
    }
    run([sys.executable, "manage.py", "migrate", "--no-input"], env)
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    log = open(tmp_path / "web.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py"], cwd=ROOT, env=env, stdout=log, stderr=log
    )
    try:
        wait_until(lambda: _answers(port), 60, "gunicorn")
        browsers = [Browser(port, scheme="http") for _ in range(VISITORS)]
        forms = []
        for number, browser in enumerate(browsers):
            browser.address = f"198.51.100.{number + 1}"
            status, _headers, page = browser.get("/en/newsletter/")
            assert status == 200
            forms.append(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1))
        statuses: list[int] = []
        start = threading.Barrier(VISITORS)

        def subscribe(number: int) -> None:
            start.wait()
            data = {"csrfmiddlewaretoken": forms[number], "email": f"v{number}@example.org", "consent": "on"}
            statuses.append(
                browsers[number].request("POST", "/en/newsletter/", data, client=browsers[number].address)[0]
            )

        threads = [threading.Thread(target=subscribe, args=(number,)) for number in range(VISITORS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert statuses == [302] * VISITORS, (tmp_path / "web.log").read_text()[-3000:]
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM news_newslettersubscription").fetchone() == (VISITORS,)


def _answers(port: int) -> bool:
    try:
        return Browser(port, scheme="http").get("/healthz")[0] == 200
    except OSError:
        return False


def test_a_dotenv_file_fills_in_what_the_environment_did_not_set(tmp_path, monkeypatch):
    dotenv = tmp_path / ".env"
    dotenv.write_text(
        "# a comment\nexport IPSP_TEST_A=from-file\nIPSP_TEST_B='quoted value'\nIPSP_TEST_C=kept # comment\n\n"
    )
    monkeypatch.setenv("IPSP_TEST_A", "from-shell")
    for name in ("IPSP_TEST_B", "IPSP_TEST_C"):
        monkeypatch.delenv(name, raising=False)
    load_dotenv(dotenv)
    assert (os.environ["IPSP_TEST_A"], os.environ["IPSP_TEST_B"], os.environ["IPSP_TEST_C"]) == (
        "from-shell",
        "quoted value",
        "kept",
    )
    for name in ("IPSP_TEST_B", "IPSP_TEST_C"):
        monkeypatch.delenv(name)
