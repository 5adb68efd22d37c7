"""Replace Wagtail's "Welcome" page with the English home page and make it the default site's root.

Other languages' home pages are translations of this one, made by wagtail-localize (seed_demo
does it for the demo; editors do it from the admin).
"""

from django.db import migrations


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("home", "HomePage")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    root = Page.objects.get(depth=1)
    last_child = Page.objects.filter(depth=2).order_by("-path").first()
    last_child_number = int(last_child.path[-4:], 36) if last_child else 0
    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.create(
        title="International Panel on Social Progress",
        draft_title="International Panel on Social Progress",
        slug="home",
        content_type=content_type,
        path=f"{root.path}{last_child_number + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=english,
        hero_heading="Rethinking society for the 21st century",
    )
    Page.objects.filter(pk=root.pk).update(numchild=Page.objects.filter(depth=2).count())
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page_id": home.pk, "site_name": "IPSP"},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_squashed_0003_block_descriptions"),
        ("cms", "0003_locales_roles_and_workflows"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
