"""Production: everything secret or host-specific must come from the environment."""

from cms import headers
from cms.settings.base import *  # noqa: F403
from cms.settings.base import env

DEBUG = False
IPSP_ENVIRONMENT = "production"
SECRET_KEY = env.require("SECRET_KEY", "a long random string; Django signs sessions with it")
if len(SECRET_KEY) < 50:
    raise env.ConfigurationError("SECRET_KEY must be at least 50 characters long.")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env.require("ALLOWED_HOSTS", "comma-separated host names this site answers to, e.g. ipsp.org")
# Every absolute link (e-mails, feeds, the API, the sitemap, citations) is built from it (cms/links.py).
WAGTAILADMIN_BASE_URL = env.require("WAGTAILADMIN_BASE_URL", "the public address, e.g. https://ipsp.org")
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS", [f"https://{host}" for host in ALLOWED_HOSTS])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env.get_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (no inline script on public pages) and Permissions-Policy (cms.headers).
CONTENT_SECURITY_POLICY = headers.with_media_origin(headers.PUBLIC_POLICY, env.media_origin())
CONTENT_SECURITY_POLICY_ADMIN = headers.with_media_origin(headers.ADMIN_POLICY, env.media_origin())
PERMISSIONS_POLICY = headers.PERMISSIONS

# Anonymous pages from the cache (cms.page_cache); PAGE_CACHE_ENABLED=false switches it off.
PAGE_CACHE_ENABLED = env.get_bool("PAGE_CACHE_ENABLED", True)

# E-mails and newsletter batches wait in the database for `manage.py db_worker` (deploy/ipsp-worker.service).
TASKS = env.tasks("database")
EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

if SENTRY_DSN:  # noqa: F405
    from cms.observability import init_sentry

    init_sentry(SENTRY_DSN, env.get("SENTRY_ENVIRONMENT", "production"), env.get("SENTRY_RELEASE"))  # noqa: F405
