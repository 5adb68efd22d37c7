"""Editors and Moderators may send the weekly digest."""

from django.db import migrations

SENDER_GROUPS = ["Editors", "Moderators"]


def send_permission(apps):
    # Permissions of a new model are only created after all migrations (post_migrate): make it now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="news", model="newsletterissue")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="send_newsletterissue", defaults={"name": "Can send the newsletter"}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = send_permission(apps)
    for group in Group.objects.filter(name__in=SENDER_GROUPS):  # a database without them is skipped
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = send_permission(apps)
    for group in Group.objects.filter(name__in=SENDER_GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_squashed_0004_block_descriptions"),
        ("cms", "0003_locales_roles_and_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
