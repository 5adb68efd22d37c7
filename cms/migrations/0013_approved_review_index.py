"""The approved reviews by translation key: every public practice page checks its own and those of its
related practices' candidates."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0012_translators_translate_share_kits"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="expertreview",
            index=models.Index(
                condition=models.Q(("decision", "approved")), fields=["translation_key"], name="approved_review_by_key"
            ),
        ),
    ]
