"""Editors may approve proposed communities of practice."""

from django.db import migrations

APPROVING_GROUPS = ["Editors"]


def approve_permission(apps):
    # Permissions are only created after all migrations (post_migrate): make this one now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="community", model="community")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="approve_community",
        defaults={"name": "Can approve proposed communities"},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = approve_permission(apps)
    for group in Group.objects.filter(name__in=APPROVING_GROUPS):  # a database without them is skipped
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = approve_permission(apps)
    for group in Group.objects.filter(name__in=APPROVING_GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0004_topics"),
        ("cms", "0003_locales_roles_and_workflows"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
