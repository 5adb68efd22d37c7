"""Editors and Moderators write share kits (add, change, delete, view the snippet)."""

from django.db import migrations

GROUPS = ["Editors", "Moderators"]
ACTIONS = ["add", "change", "delete", "view"]


def permissions(apps):
    # Permissions are only created after all migrations (post_migrate): make these now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="cms", model="sharekit")
    return [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_sharekit", defaults={"name": f"Can {action} share kit"}
        )[0]
        for action in ACTIONS
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    found = permissions(apps)
    for group in Group.objects.filter(name__in=GROUPS):  # a database without them is skipped
        group.permissions.add(*found)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    found = permissions(apps)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*found)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0006_countries_and_expert_review_task"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
