from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("community", "0002_members")]

    operations: list = []
