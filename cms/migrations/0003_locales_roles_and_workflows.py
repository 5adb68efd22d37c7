"""Content locales, staff groups with their permissions, and the two review workflows.

Wagtail's own initial data made "Editors" and "Moderators" groups and a "Moderators approval"
workflow on the root page; this migration reshapes them into the Panel's roles:
- Editors create and edit pages and submit them for review; they cannot publish.
- Expert reviewers approve or request changes in the "Expert review" task.
- Moderators give the final editorial sign-off and publish.
- Translators (xx), one group per locale, edit pages of their locale's tree only
  (granted on that tree's root page as it is created: see cms.roles).
"""

from django.db import migrations

LANGUAGE_CODES = ["en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"]
ROOT_PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
MEDIA_PERMISSIONS = {
    "Editors": {"cms.customimage": ["add", "change", "choose"], "wagtaildocs.document": ["add", "change", "choose"]},
    "Moderators": {
        "cms.customimage": ["add", "change", "delete", "choose"],
        "wagtaildocs.document": ["add", "change", "delete", "choose"],
    },
    "Translators": {"cms.customimage": ["choose"], "wagtaildocs.document": ["choose"]},
}


def permission(apps, app_model: str, codename: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    app_label, model = app_model.split(".")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return perm


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    for code in LANGUAGE_CODES:
        Locale.objects.get_or_create(language_code=code)

    access_admin = permission(apps, "wagtailadmin.admin", "access_admin")
    submit_translation = permission(apps, "wagtail_localize.translation", "submit_translation")

    editors, _ = Group.objects.get_or_create(name="Editors")
    reviewers, _ = Group.objects.get_or_create(name="Expert reviewers")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    translators = [Group.objects.get_or_create(name=f"Translators ({code})")[0] for code in LANGUAGE_CODES]
    for group in [editors, reviewers, moderators, *translators]:
        group.permissions.add(access_admin)
    editors.permissions.add(submit_translation)
    moderators.permissions.add(submit_translation)

    # Page permissions on the root page hold in every locale's tree. Start from a clean slate so
    # Wagtail's defaults (Editors could lock pages) do not linger.
    root = Page.objects.get(depth=1)
    GroupPagePermission.objects.filter(group__in=[editors, moderators, reviewers]).delete()
    for group in (editors, moderators):
        for codename in ROOT_PAGE_PERMISSIONS[group.name]:
            GroupPagePermission.objects.create(
                group=group, page=root, permission=permission(apps, "wagtailcore.page", codename)
            )

    root_collection = Collection.objects.get(depth=1)
    for group_name, models in MEDIA_PERMISSIONS.items():
        groups = translators if group_name == "Translators" else [Group.objects.get(name=group_name)]
        for model, actions in models.items():
            model_name = model.split(".")[1]
            for action in actions:
                perm = permission(
                    apps,
                    model,
                    f"{action}_{'image' if model_name == 'customimage' and action == 'choose' else model_name}",
                )
                for group in groups:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=perm
                    )

    # Workflows: "Editorial sign-off" (moderators) for every page; "Expert review" then
    # "Editorial sign-off" for the reports and practices trees (assigned per locale in cms.roles).
    task_content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    Workflow.objects.filter(name="Moderators approval").update(name="Editorial sign-off")
    sign_off = GroupApprovalTask.objects.filter(name__in=["Moderators approval", "Editorial sign-off"]).first()
    if sign_off is None:
        sign_off = GroupApprovalTask.objects.create(
            name="Editorial sign-off", active=True, content_type=task_content_type
        )
    else:
        sign_off.name = "Editorial sign-off"
        sign_off.save()
    sign_off.groups.set([moderators])

    review = GroupApprovalTask.objects.filter(name="Expert review").first() or GroupApprovalTask.objects.create(
        name="Expert review", active=True, content_type=task_content_type
    )
    review.groups.set([reviewers])

    editorial, _ = Workflow.objects.get_or_create(name="Editorial sign-off", defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=editorial).exists():
        WorkflowTask.objects.create(workflow=editorial, task=Task.objects.get(pk=sign_off.pk), sort_order=0)
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": editorial})

    expert, _ = Workflow.objects.get_or_create(name="Expert review", defaults={"active": True})
    WorkflowTask.objects.filter(workflow=expert).delete()
    WorkflowTask.objects.create(workflow=expert, task=Task.objects.get(pk=review.pk), sort_order=0)
    WorkflowTask.objects.create(workflow=expert, task=Task.objects.get(pk=sign_off.pk), sort_order=1)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_squashed_0010_share_kits"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
