"""Fill the country table (ISO 3166-1 with UN M49 regions) and make "Expert review" an ExpertReviewTask.

The task of migration 0003 was a plain group approval; the expert-review task records each expert's
assessment against the published criteria. In-progress reviews on the old task are cancelled by
deactivating it (Wagtail keeps their history); pages are then resubmitted to the new task.
"""

from django.db import migrations

from cms.geography import COUNTRY_SUBREGION, SUBREGIONS


def forwards(apps, schema_editor):
    Country = apps.get_model("cms", "Country")
    Country.objects.bulk_create(
        [
            Country(code=code, subregion=subregion, region=SUBREGIONS[subregion])
            for code, subregion in COUNTRY_SUBREGION.items()
        ],
        ignore_conflicts=True,
    )

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ExpertReviewTask = apps.get_model("cms", "ExpertReviewTask")
    expert = Workflow.objects.filter(name="Expert review").first()
    if expert is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="cms", model="expertreviewtask")
    old = WorkflowTask.objects.filter(workflow=expert, sort_order=0).select_related("task").first()
    if old is not None and old.task.content_type_id == content_type.pk:
        return
    task = ExpertReviewTask.objects.create(name="Expert review", active=True, content_type=content_type)
    task.groups.set(Group.objects.filter(name="Expert reviewers"))
    if old is not None:
        Task.objects.filter(pk=old.task_id).update(active=False, name="Expert review (before criteria)")
        old.task_id = task.pk
        old.save()
    else:
        WorkflowTask.objects.create(workflow=expert, task_id=task.pk, sort_order=0)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_locales_roles_and_workflows"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
