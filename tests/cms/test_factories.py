"""Every page type has a factory (torchbox.com's meta-test), and each factory builds a valid page."""

import importlib
import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from wagtail.models import Page, get_page_models

pytestmark = pytest.mark.django_db


def factories_by_model():
    found = {}
    for config in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{config.name}.factories")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            model = getattr(getattr(value, "_meta", None), "model", None)
            if isinstance(model, type) and issubclass(model, Page):
                found[model] = value
    return found


def project_apps() -> set[str]:
    """Every installed app whose code lives in this repository (a new app is covered on its own)."""
    root, environment = Path(settings.BASE_DIR).resolve(), Path(sys.prefix).resolve()
    paths = {config.label: Path(config.path).resolve() for config in apps.get_app_configs()}
    return {name for name, path in paths.items() if path.is_relative_to(root) and not path.is_relative_to(environment)}


def test_every_page_type_has_a_factory():
    assert {"home", "practices", "reports", "events", "news", "community", "search"} <= project_apps()
    project_pages = [model for model in get_page_models() if model._meta.app_label in project_apps()]
    missing = [model.__name__ for model in project_pages if model not in factories_by_model()]
    assert missing == []


def test_every_page_factory_builds_a_page_that_passes_full_clean(english_home):
    for model, factory in factories_by_model().items():
        parent = Page.objects.get(pk=english_home.pk) if model is not Page else None
        if model.__name__ == "HomePage":
            parent = Page.objects.get(depth=1)
        page = factory(parent=parent, slug=f"factory-{model.__name__.lower()}")
        page.full_clean()
        assert page.pk
