"""The 17 Sustainable Development Goals in each of the ten languages, one translation key per goal."""

import uuid

from django.db import migrations

from practices.taxonomy_data import SDGS


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Goal = apps.get_model("practices", "SustainableDevelopmentGoal")
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for number, titles in SDGS.items():
        existing = Goal.objects.filter(number=number).first()
        key = existing.translation_key if existing else uuid.uuid4()
        for code, title in titles.items():
            if code in locales:
                Goal.objects.get_or_create(
                    number=number, locale=locales[code], defaults={"title": title, "translation_key": key}
                )


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_squashed_0007_remove_practice_tags"),
        ("cms", "0003_locales_roles_and_workflows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
