"""Editors and Moderators link recommendations to the practices that put them into practice."""

from django.db import migrations

EDITING_GROUPS = ["Editors", "Moderators"]
ACTIONS = ["view", "add", "change", "delete"]


def link_permissions(apps):
    # Permissions of a new model are only created after all migrations (post_migrate): make them now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="reports", model="recommendationpractice")
    return [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_recommendationpractice",
            defaults={"name": f"Can {action} recommendation put into practice"},
        )[0]
        for action in ACTIONS
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = link_permissions(apps)
    for group in Group.objects.filter(name__in=EDITING_GROUPS):  # a database without them is skipped
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = link_permissions(apps)
    for group in Group.objects.filter(name__in=EDITING_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_squashed_0004_covers_charts_and_key_figures"),
        ("cms", "0003_locales_roles_and_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
