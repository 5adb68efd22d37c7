"""Moderators and Editors may change the state of topic proposals (and open their admin listing)."""

from django.db import migrations

MODERATING_GROUPS = ["Moderators", "Editors"]


def moderate_permission(apps):
    # Permissions are only created after all migrations (post_migrate): make this one now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="community", model="topicproposal")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="moderate_topicproposal",
        defaults={"name": "Can change the state of topic proposals"},
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = moderate_permission(apps)
    for group in Group.objects.filter(name__in=MODERATING_GROUPS):  # a database without them is skipped
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = moderate_permission(apps)
    for group in Group.objects.filter(name__in=MODERATING_GROUPS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0003_consultations"),
        ("cms", "0003_locales_roles_and_workflows"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
