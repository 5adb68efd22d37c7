"""Groups for the Awards jury (score nominations in the admin) and accredited journalists (read
embargoed declarations in the press room; no admin access)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group.objects.get_or_create(name="Accredited journalists")
    jury, _created = Group.objects.get_or_create(name="Jury")
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    jury.permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [("events", "0001_event_pages"), ("cms", "0003_locales_roles_and_workflows")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
