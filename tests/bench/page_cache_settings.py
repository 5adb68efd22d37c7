"""Production settings plus one trivial view, to measure the page cache against the machine's ceiling.

    DJANGO_SETTINGS_MODULE=tests.bench.page_cache_settings SECRET_KEY=... ALLOWED_HOSTS=127.0.0.1 \\
        SECURE_SSL_REDIRECT=false DATABASE_URL=postgres://.../<a seeded database> \\
        .venv/bin/gunicorn -c deploy/gunicorn.conf.py --workers 2
    wrk -c8 -d10 http://127.0.0.1:8000/__bench/plain/     # the ceiling: a plain Django view
    wrk -c8 -d10 http://127.0.0.1:8000/en/                 # a cached anonymous page
"""

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.bench.page_cache_urls"
# The ceiling runs through every middleware, never from the page cache.
PAGE_CACHE_EXCLUDED_PATHS = (*PAGE_CACHE_EXCLUDED_PATHS, "/__bench/")  # noqa: F405
