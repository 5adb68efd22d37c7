"""Test settings: fast hasher, in-memory cache, plain static storage."""

from cms.settings import env
from cms.settings.dev import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Unit tests read mail.outbox; the end-to-end server writes e-mails to files the browser tests read.
EMAIL_FILE_PATH = env.get("EMAIL_FILE_PATH")
EMAIL_BACKEND = (
    "django.core.mail.backends.filebased.EmailBackend"
    if EMAIL_FILE_PATH
    else "django.core.mail.backends.locmem.EmailBackend"
)
ALLOWED_HOSTS = ["*"]
# Serve static files from the apps directly (no collectstatic in tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
