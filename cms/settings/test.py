"""Test settings: fast hasher, in-memory cache, plain static storage, and a fixed clock."""

import datetime
import os
import time

import time_machine

from cms import headers
from cms.settings import env
from cms.settings.dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Every test sees fresh pages; tests/cms/test_page_cache.py switches the page cache on.
PAGE_CACHE_ENABLED = False
WAGTAILFRONTENDCACHE = None
# Unit tests read mail.outbox; the end-to-end server writes e-mails to files the browser tests read.
EMAIL_FILE_PATH = env.get("EMAIL_FILE_PATH")
EMAIL_BACKEND = (
    "django.core.mail.backends.filebased.EmailBackend"
    if EMAIL_FILE_PATH
    else "django.core.mail.backends.locmem.EmailBackend"
)
ALLOWED_HOSTS = ["*"]
# One connection per request: the end-to-end servers are `runserver`, one thread per request, and a
# connection kept for 60 s by each thread (CONN_MAX_AGE, right for gunicorn's workers) adds up,
# with two test workers each running a server, to PostgreSQL's "too many clients".
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405 - from cms.settings.dev
# The end-to-end server takes its connections from a pool instead (tests/e2e/conftest.py sets this
# on PostgreSQL): a new connection for each page started a PostgreSQL backend that cost about 15 ms
# of CPU before the first query, and the prepared statements of cms.settings.env never paid. At
# most 10 per server, so the two servers of a run stay far from "too many clients".
if env.get_bool("TEST_DATABASE_POOL"):
    DATABASES["default"]["OPTIONS"]["pool"] = {"min_size": 1, "max_size": 10}  # noqa: F405
# Every absolute address comes from this one setting (cms.links); the tests' Site is "localhost" too.
# The end-to-end server is started with its own address (tests/e2e/conftest.py).
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://localhost")
# The admin tests log in with force_login or the password alone; tests/security/test_two_factor.py
# and tests/e2e/test_two_factor.py switch two-factor authentication on.
STAFF_TWO_FACTOR_REQUIRED = False
# Production's security headers, so every test (the browser tests too) runs under them.
CONTENT_SECURITY_POLICY = headers.PUBLIC_POLICY
CONTENT_SECURITY_POLICY_ADMIN = headers.ADMIN_POLICY
PERMISSIONS_POLICY = headers.PERMISSIONS
# Factories publish many chapters: their PDFs are made on first download (tests that need the
# publishing task switch it on).
REPORTS_PDF_ON_PUBLISH = False
# Serve static files from the apps directly (no collectstatic in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# The test clock. The demo's dates are fixed (the 2026 Forum in Montréal, the 2027 one in Dhaka, the
# Day's embargo...), so every process on these settings runs on one clock that starts at TEST_NOW
# and ticks on from there: no test depends on today's date. The first process of a run (pytest)
# records when it started in the environment; the processes it starts (seeding the demo database,
# the end-to-end server) inherit it and join the same timeline, so data seeded by one is never
# "later" than the clock of another. CI runs the whole suite again with the machine's clock two
# years ahead to prove it (.ci/run).
TEST_NOW = datetime.datetime(2026, 11, 26, 9, 0, tzinfo=datetime.UTC)
_started = float(os.environ.setdefault("IPSP_TEST_CLOCK_STARTED", repr(time.time())))
time_machine.travel(TEST_NOW + datetime.timedelta(seconds=max(0.0, time.time() - _started)), tick=True).start()
