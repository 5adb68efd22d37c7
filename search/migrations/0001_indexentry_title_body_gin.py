"""A GIN index on `title || body` of Wagtail's search index table (PostgreSQL only).

Wagtail's PostgreSQL backend matches `(title || body) @@ query`, but its migrations create GIN
indexes on `title` and on `body` separately, which that expression cannot use: every search was a
sequential scan of the whole index table (90 ms at 20,000 pages, growing with the site). With this
index the match is a bitmap index scan (see the README, section "Search").
"""

from django.db import migrations

INDEX = "wagtailsearch_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
