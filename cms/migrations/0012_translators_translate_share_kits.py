"""Translators translate share kits with their page: wagtail-localize opens a snippet's translation
only for users who may change the snippet type (`user_can_edit_snippet_type`), and the snippet
listing needs "view". They get "change" and "view", not "add" or "delete": editors write the kits."""

from django.db import migrations

ACTIONS = ["change", "view"]


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


def translator_groups(apps):
    # One group per language, "Translators (xx)" (cms.roles.translators_group_name).
    return apps.get_model("auth", "Group").objects.filter(name__startswith="Translators (")


def grant(apps, schema_editor):
    found = permissions(apps)
    for group in translator_groups(apps):
        group.permissions.add(*found)


def revoke(apps, schema_editor):
    found = permissions(apps)
    for group in translator_groups(apps):
        group.permissions.remove(*found)


class Migration(migrations.Migration):
    dependencies = [("cms", "0011_share_kit_permissions")]

    operations = [migrations.RunPython(grant, revoke)]
