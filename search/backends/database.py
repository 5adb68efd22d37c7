"""`WAGTAILSEARCH_BACKENDS` entry "search.backends.database": Wagtail's database backend for the
connection's vendor, in its language-aware version for PostgreSQL and SQLite (FTS5).

Like upstream's module, `SearchBackend` picks the class when the backend is created; what this
project does not run on (MySQL, SQLite without FTS5) gets upstream's backend unchanged.
"""

from __future__ import annotations

from django.db import connection
from wagtail.search.backends import database as upstream


def SearchBackend(params: dict):
    """The name Wagtail looks up in a backend module."""
    if connection.vendor == "postgresql":
        from search.backends.postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    backend = upstream.SearchBackend(params)
    if connection.vendor == "sqlite":
        from search.backends.sqlite import LanguageSQLiteSearchBackend, sqlite

        if isinstance(backend, sqlite.SQLiteSearchBackend):
            return LanguageSQLiteSearchBackend(params)
    return backend
