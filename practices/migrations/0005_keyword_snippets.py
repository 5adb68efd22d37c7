import uuid

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0004_practice_status_and_organisations_optional"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="Keyword",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                (
                    "name",
                    models.CharField(
                        help_text="As readers of this language would write it.", max_length=100, verbose_name="name"
                    ),
                ),
                (
                    "slug",
                    models.SlugField(
                        allow_unicode=True,
                        blank=True,
                        help_text="Stable across languages; used in filter URLs. Left empty, it is made from the name.",
                        max_length=100,
                        verbose_name="slug",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
            ],
            options={
                "verbose_name": "keyword",
                "verbose_name_plural": "keywords",
                "ordering": ["name"],
                "abstract": False,
                "unique_together": {("slug", "locale"), ("translation_key", "locale")},
            },
        ),
        migrations.AddField(
            model_name="practicepage",
            name="keywords",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="Keywords of this language; translators translate them under Snippets › Keywords.",
                related_name="practices",
                to="practices.keyword",
                verbose_name="keywords",
            ),
        ),
    ]
