"""Local development: `make run`. Safe defaults, never for a public server."""

from pathlib import Path

from cms.settings import env

# A `.env` file at the checkout's root (see .env.example) fills in what the shell did not export.
# Not under pytest: the tests choose their own settings.
if not env.running_tests():
    env.load_dotenv(Path(__file__).resolve().parents[2] / ".env")

from cms.settings.base import *  # noqa: F403
from cms.settings.base import ALLOWED_HOSTS, SECRET_KEY, env

DEBUG = env.get_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
STORAGES = {
    **STORAGES,  # noqa: F405 (object storage when AWS_STORAGE_BUCKET_NAME is set)
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
