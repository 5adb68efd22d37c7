"""Channel cadence: Editors and Moderators plan items and targets and see the report."""

from django.db import migrations

PLANNER_GROUPS = ["Editors", "Moderators"]
CODENAMES = {
    "planneditem": ["view", "add", "change", "delete"],
    "cadencetarget": ["view", "add", "change", "delete"],
}


def planner_permissions(apps):
    # Permissions of a new model are only created after all migrations (post_migrate): make them now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    found = []
    for model, actions in CODENAMES.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="news", model=model)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            found.append(permission)
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = planner_permissions(apps)
    for group in Group.objects.filter(name__in=PLANNER_GROUPS):  # a database without them is skipped
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permissions = planner_permissions(apps)
    for group in Group.objects.filter(name__in=PLANNER_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_newsletter"),
        ("cms", "0003_locales_roles_and_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
