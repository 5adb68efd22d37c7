"""Everything the platform reads from the environment, in one place.

Bad values stop start-up with a clear message instead of a traceback deep inside Django.
"""

from __future__ import annotations

import os
import sys
from urllib.parse import urlparse

import dj_database_url


class ConfigurationError(SystemExit):
    """A misconfigured environment: printed as one clear line, then the process exits."""

    def __init__(self, message: str) -> None:
        super().__init__(f"IPSP configuration error: {message}")


def get(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def require(name: str, why: str) -> str:
    value = get(name)
    if value is None:
        raise ConfigurationError(f"{name} must be set ({why}). See .env.example and the README.")
    return value


def get_bool(name: str, default: bool = False) -> bool:
    value = get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ConfigurationError(f"{name} must be true or false, not {value!r}.")


def get_int(name: str, default: int, minimum: int = 0) -> int:
    value = get(name)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, not {value!r}.") from None
    if number < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}, not {number}.")
    return number


def get_list(name: str, default: list[str] | None = None) -> list[str]:
    value = get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def database(default_sqlite_path: str) -> dict:
    """`DATABASE_URL` (postgres://… or sqlite:///…) or the embedded SQLite default."""
    url = get("DATABASE_URL")
    if url is None:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": default_sqlite_path}
    scheme = urlparse(url).scheme
    if scheme not in {"postgres", "postgresql", "pgsql", "sqlite"}:
        raise ConfigurationError(
            f"DATABASE_URL must start with postgres:// or sqlite:///, got {scheme or 'no scheme'!r} "
            "(example: postgres://postgres@127.0.0.1:5432/ipsp)."
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except ValueError as error:
        raise ConfigurationError(f"DATABASE_URL could not be read: {error}") from None
    if config["ENGINE"] != "django.db.backends.sqlite3" and not config.get("NAME"):
        raise ConfigurationError("DATABASE_URL names no database (add /<name> at the end).")
    if config["ENGINE"] == "django.db.backends.sqlite3" and config.get("NAME") not in (None, "", ":memory:"):
        folder = os.path.dirname(os.path.abspath(config["NAME"]))
        if not os.path.isdir(folder):
            raise ConfigurationError(f"DATABASE_URL points to an SQLite file in a folder that does not exist: {folder}")
    return config


def redis_url() -> str | None:
    """`REDIS_URL` (redis://, rediss:// or unix://), or None for the in-process cache."""
    url = get("REDIS_URL")
    if url is None:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in {"redis", "rediss", "unix"} or not (parsed.hostname or parsed.path):
        raise ConfigurationError(f"REDIS_URL must be a redis:// URL such as redis://127.0.0.1:6379/0, got {url!r}.")
    if parsed.scheme != "unix":
        try:
            _port = parsed.port  # raises ValueError on a port that is not a number
        except ValueError:
            raise ConfigurationError(f"REDIS_URL has a port that is not a number: {url!r}.") from None
    return url


def search_backends() -> dict:
    """The language-aware database backend by default (PostgreSQL or SQLite, per `DATABASE_URL`);
    the language-aware Elasticsearch 8 backend when `ELASTICSEARCH_URL` is set. Both live in
    `search/backends/`; after switching, rebuild the index with `manage.py update_index`."""
    url = get("ELASTICSEARCH_URL")
    if url is None:
        return {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": True}}
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.hostname:
        raise ConfigurationError(
            f"ELASTICSEARCH_URL must be an http(s) URL such as http://127.0.0.1:9200, got {url!r}."
        )
    return {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            # Wagtail names each index <prefix><app>_<model> (ipsp_wagtailcore_page, …).
            "INDEX_PREFIX": f"{get('ELASTICSEARCH_INDEX', 'ipsp')}_",
            "TIMEOUT": 10,
            "AUTO_UPDATE": True,
        }
    }


def running_tests() -> bool:
    return "pytest" in sys.modules


# DeepL's supported target languages among the Panel's ten (the others go to LibreTranslate).
DEEPL_LANGUAGES = {"zh-hans", "es", "fr", "ar", "pt", "ru", "en"}


def machine_translator() -> dict | None:
    """wagtail-localize's machine translator: DeepL (`DEEPL_API_KEY`) and/or LibreTranslate
    (`LIBRETRANSLATE_URL`), routed per target language; off when neither is set.
    `MACHINE_TRANSLATION_ROUTES` ("hi=libretranslate,ur=deepl") overrides the default routes."""
    translators: dict[str, dict] = {}
    if key := get("DEEPL_API_KEY"):
        translators["deepl"] = {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": key},
        }
    if url := get("LIBRETRANSLATE_URL"):
        if urlparse(url).scheme not in {"http", "https"}:
            raise ConfigurationError(f"LIBRETRANSLATE_URL must be an http(s) URL, got {url!r}.")
        translators["libretranslate"] = {
            "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
            "OPTIONS": {"LIBRETRANSLATE_URL": url, "API_KEY": get("LIBRETRANSLATE_API_KEY", "")},
        }
    routes: dict[str, str] = {}
    if "deepl" in translators and "libretranslate" in translators:
        routes = dict.fromkeys(DEEPL_LANGUAGES, "deepl") | {"*": "libretranslate"}
    # Checked even when no service is configured: a route to a service without its key is a mistake.
    for item in get_list("MACHINE_TRANSLATION_ROUTES"):
        code, _sep, name = item.partition("=")
        code, name = code.strip(), name.strip()
        if not code or name not in translators:
            needs = {"deepl": "DEEPL_API_KEY", "libretranslate": "LIBRETRANSLATE_URL"}.get(name)
            hint = f" (set {needs})" if needs else " (use deepl or libretranslate)"
            raise ConfigurationError(f"MACHINE_TRANSLATION_ROUTES names {name!r}, which is not configured{hint}.")
        routes[code] = name
    if not translators:
        return None
    return {
        "CLASS": "cms.machine_translation.RoutingTranslator",
        "OPTIONS": {"TRANSLATORS": translators, "ROUTES": routes},
    }
