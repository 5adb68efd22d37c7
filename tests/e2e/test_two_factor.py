"""Two-factor authentication in a real browser: an editor signs in to the admin, sets up an
authenticator from the key shown on the page, types a code computed from it, and reaches the
dashboard.

The shared end-to-end server runs with the test settings (2FA off), so this test serves the site
in-process with `STAFF_TWO_FACTOR_REQUIRED = True`, on the test's own database connection: the
account made here (inside the test's transaction, rolled back after) is what the browser sees,
and nothing is flushed. That server answers one request at a time, since they share that one
connection. Playwright is started only after the account exists (its sync API keeps an event loop
running in this thread, beside which Django's ORM refuses to run; see the `browser` fixture).
"""

from __future__ import annotations

import base64
import threading

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.servers.basehttp import WSGIRequestHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect, sync_playwright

from cms.factories import UserFactory
from cms.management.commands.runserver import WSGIServer
from cms.roles import EDITORS
from tests.tooling import CHROMIUM_ARGS, chromium_path

pytestmark = pytest.mark.browser

PASSWORD = "correct-horse-battery"


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def two_factor_site(db, settings):
    """Base URL of the site served from this process with two-factor authentication required."""
    executable = chromium_path()  # skip (or fail under CI) before starting anything
    settings.STAFF_TWO_FACTOR_REQUIRED = True
    shared = connections["default"]
    shared.inc_thread_sharing()
    # Requests must not close the shared connection (the test client does the same).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    # runserver's server (no 40 ms Nagle stall on kept-alive connections); not threaded: one request at a time
    server = WSGIServer(("127.0.0.1", 0), QuietHandler, ipv6=False)
    server.set_app(WSGIHandler())

    def serve():
        connections["default"] = shared
        server.serve_forever(poll_interval=0.05)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", executable
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        shared.dec_thread_sharing()


def test_an_editor_sets_up_two_factor_and_reaches_the_dashboard(two_factor_site):
    base, executable = two_factor_site
    editor = UserFactory(username="twofactor-editor", groups=[EDITORS])

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB").new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{base}/admin/")
        page.get_by_label("Username").fill("twofactor-editor")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(f"{base}/admin/two-factor/set-up/?next=%2Fadmin%2F")
        expect(page.get_by_role("heading", name="Set up two-factor authentication")).to_be_visible()
        expect(page.locator(".two-factor-qr svg")).to_be_visible()

        secret = page.locator("[data-two-factor-secret]").inner_text()
        key = base64.b32decode("".join(secret.split()))
        page.get_by_label("Code").fill(f"{(totp(key) + 1) % 1_000_000:06d}")  # a wrong code first
        page.get_by_role("button", name="Confirm").click()
        expect(page.get_by_text("That code is not right")).to_be_visible()
        page.get_by_label("Code").fill(f"{totp(key):06d}")
        page.get_by_role("button", name="Confirm").click()

        expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
        shown = page.locator("[data-recovery-codes] li").all_inner_texts()
        page.get_by_role("link", name="Continue").click()
        page.wait_for_url(f"{base}/admin/")
        expect(page.get_by_role("heading", name="International Panel on Social Progress")).to_be_visible()
        browser.close()

    assert TOTPDevice.objects.get(user=editor).confirmed
    assert sorted(shown) == sorted(StaticToken.objects.filter(device__user=editor).values_list("token", flat=True))
