"""Every field of every translatable page and snippet says whether it is translated or synchronised.

Adding a field without a decision in `override_translatable_fields` fails here, so no field is
translated (or copied over a translator's work) by accident.
"""

import pytest
from django.apps import apps
from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

PROJECT_APPS = {"cms", "home", "practices", "reports", "events", "news", "search", "community"}
TRANSLATABLE_MIXIN_FIELDS = {"locale", "translation_key", "id"}
PAGE_FIELDS = {field.name for field in Page._meta.get_fields()} | TRANSLATABLE_MIXIN_FIELDS


def translatable_models():
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS and issubclass(model, TranslatableMixin) and not model._meta.abstract
    ]


def own_fields(model) -> set[str]:
    """The fields the project defines: everything but what Wagtail's Page or TranslatableMixin bring."""
    wagtail_owned = PAGE_FIELDS if issubclass(model, Page) else TRANSLATABLE_MIXIN_FIELDS
    names = set()
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue
        if isinstance(field, models.OneToOneField) and field.remote_field.parent_link:
            continue
        if field.name in wagtail_owned or not getattr(field, "editable", False):
            continue
        names.add(field.name)
    names |= {relation.name for relation in get_all_child_relations(model)} - wagtail_owned
    return names


def test_there_are_translatable_models_to_check():
    names = {model.__name__ for model in translatable_models()}
    assert {"HomePage", "StandardPage", "ReportPage", "ChapterPage", "PolicyBriefPage", "Person", "Theme"} <= names


@pytest.mark.parametrize("model", translatable_models(), ids=lambda model: model.__name__)
def test_every_field_has_a_translation_decision(model):
    decided = {field.field_name for field in getattr(model, "override_translatable_fields", [])}
    assert own_fields(model) - decided == set()


@pytest.mark.parametrize(
    ("model_name", "field", "kind"),
    [
        ("reports.ReportPage", "isbn", SynchronizedField),
        ("reports.ReportPage", "doi", SynchronizedField),
        ("reports.ReportPage", "abstract", TranslatableField),
        ("reports.ChapterPage", "number", SynchronizedField),
        ("reports.ChapterPage", "contributors", SynchronizedField),
        ("reports.PolicyBriefPage", "recommendations", TranslatableField),
        ("cms.Person", "name", SynchronizedField),
        ("cms.Person", "bio", TranslatableField),
        ("cms.Theme", "slug", SynchronizedField),
        ("home.HomePage", "hero_image", SynchronizedField),
        # The slug sits on the Promote tab, out of the translator's sight: it follows the original.
        ("home.StandardPage", "slug", SynchronizedField),
        ("practices.PracticePage", "slug", SynchronizedField),
    ],
)
def test_decisions_reach_wagtail_localize(model_name, field, kind):
    fields = {item.field_name: item for item in get_translatable_fields(apps.get_model(model_name))}
    assert type(fields[field]) is kind
