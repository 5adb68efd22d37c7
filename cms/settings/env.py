"""Everything the platform reads from the environment, in one place.

Bad values stop start-up with a clear message instead of a traceback deep inside Django.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
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


# SQLite for `make run` with several writers at once (runserver is threaded): write-ahead logging
# so readers never block the writer, writes that take the lock when their transaction starts
# (no "database is locked" on upgrade from a read), and 20 s of patience for the lock.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def load_dotenv(path) -> None:
    """Read `KEY=value` lines of a `.env` file into the environment (development only). Variables
    already set win over the file; blank lines and `#` comments are skipped; quotes are removed."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("export "):
            line = line[len("export ") :]
        name, sep, value = line.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not name.isidentifier():
            raise ConfigurationError(f"{path}, line {number}: expected NAME=value, got {line!r}.")
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        else:
            value = value.split(" #", 1)[0].strip()
        os.environ.setdefault(name, value)


# PostgreSQL's default random_page_cost (4) prices a page read through an index as a disk seek. The
# search index is read from memory, and at that price the planner tests every index entry's text
# against a common word's query (a sequential scan: 0.5 s at 100,000 pages) instead of reading the
# matches from its GIN index (70 ms); 1.1 is the usual value for data in memory or on SSD. Set per
# connection (libpq `options`), so it costs no query.
POSTGRES_SESSION = "-c random_page_cost=1.1"

# Prepared statements: most of a public page's queries cost PostgreSQL more to plan than to run
# (issue 17). With parameters sent apart from the SQL (server-side binding), psycopg prepares a
# query once the connection has run it PREPARE_THRESHOLD times; later runs skip parsing and, once
# PostgreSQL settles on a generic plan, planning. It pays on connections that live across requests
# (CONN_MAX_AGE). A pooler that hands each transaction another server connection (PgBouncer in
# transaction mode before 1.21, or without max_prepared_statements) loses the statements: switch
# them off there with DATABASE_PREPARED_STATEMENTS=false.
PREPARE_THRESHOLD = 5


def postgres_options() -> dict:
    """Connection options of every PostgreSQL connection (see POSTGRES_SESSION, PREPARE_THRESHOLD)."""
    options: dict = {"options": POSTGRES_SESSION}
    if get_bool("DATABASE_PREPARED_STATEMENTS", default=True):
        options |= {"server_side_binding": True, "prepare_threshold": PREPARE_THRESHOLD}
    return options


def database(default_sqlite_path: str) -> dict:
    """`DATABASE_URL` (postgres://… or sqlite:///…) or the embedded SQLite default."""
    url = get("DATABASE_URL")
    if url is None:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": default_sqlite_path, "OPTIONS": SQLITE_OPTIONS}
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
    if config["ENGINE"] == "django.db.backends.sqlite3":
        config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
        config["CONN_MAX_AGE"] = 0
    else:
        config["OPTIONS"] = {**postgres_options(), **config.get("OPTIONS", {})}
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


TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}


def tasks(default: str) -> dict:
    """django-tasks' backends: `TASKS_BACKEND=database` queues tasks in the database for
    `manage.py db_worker` (production's default); `immediate` runs each one in the process that
    enqueued it, after its transaction commits (`make run` and the tests)."""
    name = get("TASKS_BACKEND", default)
    if name not in TASK_BACKENDS:
        raise ConfigurationError(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {name!r}.")
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


def email() -> dict:
    """Django's EMAIL_* settings from the environment (the SMTP server of production)."""
    use_tls = get_bool("EMAIL_USE_TLS", False)
    use_ssl = get_bool("EMAIL_USE_SSL", False)
    if use_tls and use_ssl:
        raise ConfigurationError(
            "EMAIL_USE_TLS and EMAIL_USE_SSL are both true: choose one (STARTTLS on port 587 is "
            "EMAIL_USE_TLS, implicit TLS on port 465 is EMAIL_USE_SSL)."
        )
    return {
        "EMAIL_HOST": get("EMAIL_HOST", "localhost"),
        "EMAIL_PORT": get_int("EMAIL_PORT", 465 if use_ssl else 587 if use_tls else 25, minimum=1),
        "EMAIL_HOST_USER": get("EMAIL_HOST_USER", ""),
        "EMAIL_HOST_PASSWORD": get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_TIMEOUT": get_int("EMAIL_TIMEOUT", 30, minimum=1),
    }


def object_storage() -> dict | None:
    """Django STORAGES entries for S3-compatible object storage when `AWS_STORAGE_BUCKET_NAME` is
    set (django-storages), else None (local disk under MEDIA_ROOT).

    - `default` (original images, documents, generated files) is private: objects get no public
      ACL and every URL is signed and short-lived. Documents are still served through Django's
      /documents/ view, which checks collection privacy first and then redirects to a signed URL.
    - `renditions` (the resized images pages show) is public and unsigned, so pages and CDNs can
      cache their URLs; served from `AWS_S3_CUSTOM_DOMAIN` (a CDN) when set.
    """
    bucket = get("AWS_STORAGE_BUCKET_NAME")
    if bucket is None:
        return None
    endpoint = get("AWS_S3_ENDPOINT_URL")
    if endpoint is not None and urlparse(endpoint).scheme not in {"http", "https"}:
        raise ConfigurationError(f"AWS_S3_ENDPOINT_URL must be an http(s) URL, got {endpoint!r}.")
    common = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "access_key": get("AWS_ACCESS_KEY_ID"),
        "secret_key": get("AWS_SECRET_ACCESS_KEY"),
        "region_name": get("AWS_S3_REGION_NAME"),
        "file_overwrite": False,
        "signature_version": "s3v4",
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "location": "media",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": get_int("AWS_QUERYSTRING_EXPIRE", 600, minimum=1),
            },
        },
        "renditions": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "location": "renditions",
                "default_acl": "public-read",
                "querystring_auth": False,
                "custom_domain": get("AWS_S3_CUSTOM_DOMAIN"),
            },
        },
    }


def media_origin() -> str | None:
    """Where public renditions are served from with object storage, for the CSP's img-src."""
    if get("AWS_STORAGE_BUCKET_NAME") is None:
        return None
    if domain := get("AWS_S3_CUSTOM_DOMAIN"):
        return f"https://{domain}"
    if endpoint := get("AWS_S3_ENDPOINT_URL"):
        parsed = urlparse(endpoint)
        return f"{parsed.scheme}://{parsed.netloc}"
    return "https://*.amazonaws.com"


def frontend_cache() -> dict | None:
    """`WAGTAILFRONTENDCACHE` for the CDN or reverse proxy in front of the site, purged on every
    publish (`cms.cache_purge`): `FRONTEND_CACHE_BACKEND` is `cloudflare` (`CLOUDFLARE_ZONE_ID` and
    `CLOUDFLARE_API_TOKEN`), `cloudfront` (`CLOUDFRONT_DISTRIBUTION_ID`; AWS credentials as boto3
    reads them) or `http` (`FRONTEND_CACHE_PURGE_URL`, a Varnish or nginx that accepts PURGE);
    None when unset."""
    backend = get("FRONTEND_CACHE_BACKEND")
    if backend is None:
        return None
    if backend == "cloudflare":
        config = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": require("CLOUDFLARE_ZONE_ID", "the Cloudflare zone whose cache is purged"),
            "BEARER_TOKEN": require("CLOUDFLARE_API_TOKEN", "a Cloudflare API token with Cache Purge permission"),
        }
    elif backend == "cloudfront":
        config = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": require("CLOUDFRONT_DISTRIBUTION_ID", "the CloudFront distribution to invalidate"),
        }
    elif backend == "http":
        url = require("FRONTEND_CACHE_PURGE_URL", "where PURGE requests go, e.g. http://127.0.0.1:6081")
        if urlparse(url).scheme not in {"http", "https"} or not urlparse(url).hostname:
            raise ConfigurationError(f"FRONTEND_CACHE_PURGE_URL must be an http(s) URL, got {url!r}.")
        config = {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
    else:
        raise ConfigurationError(f"FRONTEND_CACHE_BACKEND must be cloudflare, cloudfront or http, not {backend!r}.")
    return {"default": config}


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
