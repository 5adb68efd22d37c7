"""Moderators and Editors may moderate comments (approve, hide, restore) and export the responses."""

from django.db import migrations

MODERATOR_GROUPS = ["Moderators", "Editors"]


def moderate_permission(apps):
    # Permissions are only created after all migrations (post_migrate): make this one now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="community", model="comment")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="moderate_comment",
        defaults={"name": "Can approve, hide and restore comments"},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = moderate_permission(apps)
    for group in Group.objects.filter(name__in=MODERATOR_GROUPS):  # a database without them is skipped
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = moderate_permission(apps)
    for group in Group.objects.filter(name__in=MODERATOR_GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_members"),
        ("cms", "0003_locales_roles_and_workflows"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
