from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0006_keywords_from_tags"),
    ]

    operations = [
        migrations.RemoveField(model_name="practicepage", name="tags"),
        migrations.DeleteModel(name="PracticeTag"),
    ]
