"""Topic proposals: readable labels for the admin, and the moderators' permission.

Moderators and Editors may change the state of topic proposals (and open their admin listing).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="topicproposal",
            name="created_at",
            field=models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="proposed on"),
        ),
        migrations.AlterField(
            model_name="topicproposal",
            name="proposer",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="topic_proposals",
                to=settings.AUTH_USER_MODEL,
                verbose_name="proposer",
            ),
        ),
        migrations.AlterField(
            model_name="topicproposal",
            name="state_changed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="state changed on"),
        ),
        migrations.AlterField(
            model_name="topicproposal",
            name="support_count",
            field=models.PositiveIntegerField(db_index=True, default=0, verbose_name="supports"),
        ),
        migrations.AlterField(
            model_name="topicproposal",
            name="updated_at",
            field=models.DateTimeField(auto_now=True, verbose_name="updated on"),
        ),
        migrations.RunPython(grant, revoke),
    ]
