"""Local development: `make run`. Safe defaults, never for a public server."""

from cms.settings.base import *  # noqa: F403
from cms.settings.base import ALLOWED_HOSTS, SECRET_KEY, env

DEBUG = env.get_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
