"""Editors and Moderators may see the endorsements of the Day's declarations in the admin (read-only)."""

from django.db import migrations

VIEWER_GROUPS = ["Editors", "Moderators"]


def view_permission(apps):
    # Permissions are only created after all migrations (post_migrate): make this one now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="events", model="endorsement")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="view_endorsement", defaults={"name": "Can view endorsement"}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = view_permission(apps)
    for group in Group.objects.filter(name__in=VIEWER_GROUPS):  # a database without them is skipped
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = view_permission(apps)
    for group in Group.objects.filter(name__in=VIEWER_GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_jury_and_press_groups"),
        ("cms", "0003_locales_roles_and_workflows"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
