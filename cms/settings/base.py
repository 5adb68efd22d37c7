"""Settings shared by every environment. Values that differ come from `cms.settings.env`."""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from cms import observability
from cms.settings import env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env.get("SECRET_KEY")
DEBUG = env.get_bool("DEBUG", False)
# "production" switches off what must never run on the public site (demo users, for one).
IPSP_ENVIRONMENT = "development"
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", [])
# How many reverse proxies in front of the site append to X-Forwarded-For (cms.clients).
TRUSTED_PROXY_COUNT = env.get_int("TRUSTED_PROXY_COUNT", 0)

INSTALLED_APPS = [
    # Project apps first so their templates win.
    "cms",
    "home",
    "practices",
    "reports",
    "events",
    "news",
    "community",
    "search",
    # wagtail-localize (replaces wagtail.locales, as its docs ask)
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    # Two-factor authentication for staff (cms.two_factor): TOTP apps and single-use recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "wagtail.api.v2",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Last: the form renderer finds Django's widget templates through the template engine.
    "django.forms",
]

MIDDLEWARE = [
    # First: the request id and the one log line per request (cms.observability).
    "cms.observability.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy when the settings below name them (cms.headers).
    "cms.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # 304 Not Modified on If-None-Match/If-Modified-Since, for cached pages too (the ETag is stored).
    "django.middleware.http.ConditionalGetMiddleware",
    # Before sessions, language and authentication: a hit costs one cache read (cms.page_cache).
    "cms.page_cache.PageCacheMiddleware",
    # The request's site from the cached list of sites, for every later `Site.find_for_request` (cms.sites).
    "cms.sites.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.auth.LoginRefusedMiddleware",
    "cms.staff.StaffSessionTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff who have not passed the second factor in this session are sent to it (cms.two_factor).
    "cms.two_factor.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so it sees a view's database error first: 503 + Retry-After instead of 500 (cms.health).
    "cms.health.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

# One set of form templates for the whole site (cms/templates/cms/forms/): `{{ form }}` and
# `{{ field.as_field_group }}` render them.
FORM_RENDERER = "cms.forms.FormRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
    {
        # Plain-text e-mail (subjects and bodies): nothing to escape, so "Tenants' Housing" stays
        # itself instead of "Tenants&#x27; Housing". Render `.txt` mail with `using="text"`.
        "NAME": "text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

DATABASES = {"default": env.database(str(BASE_DIR / "db.sqlite3"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "cms.User"
# Participants log in on the public site (community.accounts); staff use the Wagtail admin's own login.
LOGIN_URL = "community:login"
LOGIN_REDIRECT_URL = "community:account"
# Wagtail's privacy wall (a page restricted to logged-in users or to groups, like the press room)
# sends visitors to the same site-styled login, by e-mail, with `next` back to the page.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------------------
# The ten most spoken languages. Codes are Django's; Wagtail content locales use the same codes.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("hi", "हिन्दी"),
    ("es", "Español"),
    ("fr", "Français"),
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("pt", "Português"),
    ("ru", "Русский"),
    ("ur", "اردو"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
RTL_LANGUAGES = {"ar", "ur"}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
# Names used in the switcher are each language's own name (endonym); this lookup gives the
# English name for admin screens and screen-reader hints.
LANGUAGE_NAMES_EN = {
    "en": _("English"),
    "zh-hans": _("Chinese (Simplified)"),
    "hi": _("Hindi"),
    "es": _("Spanish"),
    "fr": _("French"),
    "ar": _("Arabic"),
    "bn": _("Bengali"),
    "pt": _("Portuguese"),
    "ru": _("Russian"),
    "ur": _("Urdu"),
}

WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = env.machine_translator()

# --- Static and media --------------------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(env.get("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads in S3-compatible object storage when AWS_STORAGE_BUCKET_NAME is set (cms.settings.env).
OBJECT_STORAGE = env.object_storage()
if OBJECT_STORAGE:
    STORAGES.update(OBJECT_STORAGE)
    WAGTAILIMAGES_RENDITION_STORAGE = "renditions"

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "International Panel on Social Progress"
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "cms.CustomImage"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "epub", "odt", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILSEARCH_BACKENDS = env.search_backends()
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = True
# No avatars from gravatar.com: staff e-mail hashes stay private and the admin makes no third-party calls.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Every password check goes through the account lock-out (cms.auth, cms.ratelimit).
AUTHENTICATION_BACKENDS = ["cms.auth.LockoutBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "cms.auth.AdminLoginForm"
# False lifts every rate limit and lock-out (cms.ratelimit); only tests that fuzz the API use it.
RATE_LIMITS_ENABLED = True
# A staff session (admin users) ends after this long without a request (cms.staff).
STAFF_SESSION_IDLE_SECONDS = 2 * 3600
# Staff (Moderators, Editors, Expert reviewers, Jury, Translators, superusers) must pass a TOTP code
# or a recovery code after their password before using the admin (cms.two_factor).
STAFF_TWO_FACTOR_REQUIRED = env.get_bool("STAFF_TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "IPSP"
# django-otp's own throttling is off: attempts are counted by the site's one limiter (cms.ratelimit).
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0

# --- Cache, sessions, e-mail -------------------------------------------------------------------
REDIS_URL = env.redis_url()
if REDIS_URL:
    # Django's Redis cache that degrades to "no cache" while Redis is down (cms.cache).
    CACHES = {"default": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background work (e-mails, newsletter batches) goes through django-tasks (cms.tasks). The immediate
# backend runs a task when it is enqueued, after the transaction commits; TASKS_BACKEND=database
# queues it for `manage.py db_worker` (production's default) without touching the code that enqueues.
TASKS = env.tasks("immediate")
# Publishing a report or chapter queues its PDF (reports.signals); the download makes it if missing.
REPORTS_PDF_ON_PUBLISH = True

# --- Page cache and CDN ------------------------------------------------------------------------
# Anonymous pages are stored in the cache above and purged on every publish (cms.page_cache,
# cms.cache_purge); production switches it on. The Cache-Control headers are sent either way.
PAGE_CACHE_ENABLED = env.get_bool("PAGE_CACHE_ENABLED", False)
PAGE_CACHE_TIMEOUT = env.get_int("PAGE_CACHE_TIMEOUT", 600, minimum=1)  # seconds an entry lives at most
PAGE_CACHE_MAX_AGE = env.get_int("PAGE_CACHE_MAX_AGE", 60)  # browsers: Cache-Control max-age
PAGE_CACHE_S_MAXAGE = env.get_int("PAGE_CACHE_S_MAXAGE", 300)  # a CDN between purges: s-maxage
# Never stored: the admin, documents (collection privacy), the API (per-client throttling), logins.
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/documents/", "/api/", "/healthz", "/readyz", "/static/", "/media/")
# A write to these apps may change what a page shows: the cache's generation is bumped.
PAGE_CACHE_CONTENT_APPS = {
    "cms", "home", "practices", "reports", "events", "news", "community",
    "wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects", "wagtailsearchpromotions", "taggit",
    # The translation notice says when the source was last synced and whether a machine helped.
    "wagtail_localize",
}  # fmt: skip
# ...except what no anonymous reader sees (revisions, logs, renditions, private records).
PAGE_CACHE_IGNORED_MODELS = {
    "cms.user", "cms.user_groups", "cms.user_user_permissions", "cms.translationrequest", "cms.customrendition",
    "wagtailimages.rendition", "news.newslettersubscription", "practices.practicesubmission",
    "community.membermessage", "community.commentflag", "events.juryscore", "events.conflictofinterest",
    "wagtailcore.revision", "wagtailcore.pagelogentry", "wagtailcore.modellogentry", "wagtailcore.referenceindex",
    "wagtailcore.workflowstate", "wagtailcore.taskstate", "wagtailcore.pagesubscription",
    "wagtailcore.comment", "wagtailcore.commentreply", "wagtailcore.uploadedfile",
    "cms.sharelink", "cms.relay", "cms.sharevisit",
    # Every search counts its query for the admin's report: a search must not empty the cache.
    "wagtailsearchpromotions.query", "wagtailsearchpromotions.querydailyhits",
    # wagtail-localize's working rows: readers see only its sources' sync time and machine translations.
    "wagtail_localize.translatableobject", "wagtail_localize.translation", "wagtail_localize.translationlog",
    "wagtail_localize.string", "wagtail_localize.translationcontext", "wagtail_localize.template",
    "wagtail_localize.segmentoverride", "wagtail_localize.stringsegment", "wagtail_localize.templatesegment",
    "wagtail_localize.relatedobjectsegment", "wagtail_localize.overridablesegment",
    "wagtail_localize.localesynchronization",
}  # fmt: skip
# The CDN or reverse proxy purged on publish (Cloudflare, CloudFront or HTTP PURGE; cms.settings.env).
WAGTAILFRONTENDCACHE = env.frontend_cache()
# cms.cache_purge lists each language's URLs itself; Wagtail must not multiply them by language.
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []

EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
_email = env.email()
EMAIL_HOST = _email["EMAIL_HOST"]
EMAIL_PORT = _email["EMAIL_PORT"]
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"]
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "IPSP <no-reply@ipsp.org>")

# One line per request with its id (cms.observability); LOG_FORMAT=json for log collectors.
LOG_FORMAT = env.get("LOG_FORMAT", "text")
if LOG_FORMAT not in {"text", "json"}:
    raise env.ConfigurationError(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING = observability.logging_config(env.get("LOG_LEVEL", "INFO").upper(), LOG_FORMAT)

# Error reports to Sentry when SENTRY_DSN is set, without personal data (send_default_pii=False).
SENTRY_DSN = env.get("SENTRY_DSN")
