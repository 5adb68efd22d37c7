"""Who works on member profiles in the admin (Community → Members):

* Moderators: see profiles and approve or reject them.
* Editors: the same, and link members to practices and chapters and mark recognized voices.
"""

from django.db import migrations

GRANTS = {
    "Moderators": ["view_memberprofile", "moderate_memberprofile"],
    "Editors": ["view_memberprofile", "change_memberprofile", "moderate_memberprofile"],
}
NAMES = {
    "view_memberprofile": "Can view member profile",
    "change_memberprofile": "Can change member profile",
    "moderate_memberprofile": "Can approve or reject member profiles",
}


def permissions(apps) -> dict:
    # Permissions are only created after all migrations (post_migrate): make these ones now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="community", model="memberprofile")
    return {
        codename: Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in NAMES.items()
    }


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    by_codename = permissions(apps)
    for group in Group.objects.filter(name__in=GRANTS):  # a database without the groups is skipped
        group.permissions.add(*(by_codename[codename] for codename in GRANTS[group.name]))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    by_codename = permissions(apps)
    for group in Group.objects.filter(name__in=GRANTS):
        group.permissions.remove(*(by_codename[codename] for codename in GRANTS[group.name]))


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0007_squashed_0008_adaptations_and_topic_results"),
        ("cms", "0003_locales_roles_and_workflows"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
