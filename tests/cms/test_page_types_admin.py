"""Every page type works in the Wagtail admin: an editor creates one through the real create view
(the form data built with Wagtail's `nested_form_data`, `streamfield` and `rich_text` helpers), and
the page then passes Wagtail's `assertPageIsEditable` and `assertPageIsPreviewable`.

A new page type without an entry in `REQUIRED` fails `test_every_page_type_is_covered`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site, get_page_models
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from cms.models import Country, Theme
from tests.cms.test_factories import factories_by_model

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"home", "practices", "reports", "events", "news", "community", "search", "cms"}


def _when(days: int) -> str:
    return (timezone.now() + datetime.timedelta(days=days)).strftime("%Y-%m-%d %H:%M")


def _day(days: int) -> str:
    return (timezone.now() + datetime.timedelta(days=days)).strftime("%Y-%m-%d")


def _practice() -> dict:
    theme = Theme.objects.filter(locale=Locale.get_default()).order_by("pk").first()
    return {
        "summary": "A summary.",
        "scale": "local",
        "actor_type": "civil-society",
        "themes": (theme.pk,),
    }  # a tuple: several values of one field


def list_block(values: list) -> dict:
    """Form data of a ListBlock (Wagtail's helpers cover streams and formsets, not lists)."""
    items = {str(index): {"value": value, "deleted": "", "order": str(index)} for index, value in enumerate(values)}
    return {**items, "count": str(len(values))}


def _country() -> int:
    return Country.objects.order_by("pk").first().pk


def _community() -> int:
    community = apps.get_model("community", "Community").objects.create(
        name="Housing in South Asian cities", state="approved"
    )
    return community.pk


def _partner() -> int:
    return apps.get_model("community", "Partner").objects.create(name="Urban Network", kind="network").pk


# What each page type needs beyond a title, as an editor would type it.
REQUIRED: dict[str, Callable[[], dict]] = {
    "HomePage": lambda: {"hero_heading": "Welcome"},
    "StandardPage": dict,
    "PracticeIndexPage": dict,
    "PracticePage": _practice,
    "ReportIndexPage": dict,
    "ReportPage": lambda: {"edition_year": 2026, "abstract": rich_text("<p>Abstract.</p>")},
    "ChapterPage": lambda: {"number": 1, "summary": "A chapter."},
    "PolicyBriefPage": lambda: {
        "publication_date": _day(0),
        "summary": "A brief.",
        "recommendations": streamfield(
            [
                (
                    "recommendation",
                    {
                        "identifier": "r1",
                        "statement": "Do this.",
                        "rationale": rich_text("<p>Because.</p>"),
                        "audiences": ("national",),
                        "themes": list_block([]),
                        "chapters": list_block([]),
                        "practices": list_block([]),
                    },
                )
            ]
        ),
    },
    "ToolkitPage": lambda: {
        "introduction": "How to.",
        "steps": streamfield(
            [("step", {"title": "First", "body": rich_text("<p>Start.</p>"), "checklist": list_block([])})]
        ),
    },
    "EventsIndexPage": dict,
    "AwardsIndexPage": dict,
    "AwardEditionPage": lambda: {
        "start_date": _day(30),
        "categories": streamfield([("category", {"slug": "practice", "name": "Practice"})]),
        "criteria": streamfield([("criterion", {"slug": "impact", "name": "Impact"})]),
        "nominations_open": _day(1),
        "nominations_close": _day(20),
    },
    "SocialProgressDayPage": lambda: {
        "start_date": _day(30),
        "theme": "Care",
        "declaration_title": "Declaration",
        "declaration": rich_text("<p>We declare.</p>"),
        "addressees": streamfield([("addressees", {"addressee": "governments", "asks": list_block(["Act."])})]),
    },
    "PressRoomPage": dict,
    "ForumIndexPage": dict,
    "ForumEditionPage": lambda: {
        "start_date": _day(60),
        "host_city": "Nairobi",
        "country": _country(),
        "theme": "Cities",
    },
    "NewsIndexPage": dict,
    "NewsPage": lambda: {"summary": "News.", "body": streamfield([("paragraph", rich_text("<p>Body.</p>"))])},
    "ConsultationIndexPage": dict,
    "ConsultationPage": lambda: {"opens_at": _when(-1), "closes_at": _when(30)},
    "TakePartPage": dict,
    "TopicProposalIndexPage": dict,
    "CommunityIndexPage": dict,
    "CommunityPage": lambda: {"community": _community(), "introduction": "Neighbours who build together."},
    "PartnerIndexPage": dict,
    "PartnerPage": lambda: {"partner": _partner(), "introduction": "A network of federations."},
}
# Publishing a practice needs an approved expert review: it is created as a draft, like a submission.
DRAFT_ONLY = {"PracticePage"}


def project_page_models():
    return [model for model in get_page_models() if model._meta.app_label in PROJECT_APPS]


class PageChecks(WagtailPageTestCase):
    """Wagtail's page assertions, used from pytest functions (one instance per test)."""

    def runTest(self):  # pragma: no cover - never run by unittest here
        pass


@pytest.fixture
def checks(client) -> PageChecks:
    instance = PageChecks()
    instance.client = client
    return instance


def build_parent(model) -> Page:
    """A fresh chain of pages down to a parent `model` accepts, under a new English home page with
    its own Site (so index pages limited to one per parent have room, and every page has a URL)."""
    factories = factories_by_model()
    home_model = apps.get_model("home", "HomePage")
    chain = []
    parent_model = model
    while parent_model is not home_model:
        parent_model = next(p for p in parent_model.allowed_parent_page_models() if p is not Page)
        chain.append(parent_model)
    parent = factories[home_model](parent=Page.objects.get(depth=1), locale=Locale.get_default())
    Site.objects.create(hostname="fresh.example", port=80, root_page=parent)
    for parent_model in reversed(chain[:-1]):
        parent = factories[parent_model](parent=parent)
    return parent


def form_data(checks, url: str, model, extra: dict) -> dict:
    """The admin form at `url` as the server drew it (management forms, defaults), with what the
    editor typed on top."""
    response = checks.client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    drawn = querydict_from_html(html, form_id="page-edit-form").lists()
    defaults = {key: values if len(values) > 1 else values[0] for key, values in drawn}
    # StreamFields are drawn by the admin's JavaScript, so the HTML holds none of their inputs: an
    # editor who leaves one empty sends an empty stream.
    streams = {
        field.name: streamfield([])
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and field.name not in extra
    }
    title = f"New {model.__name__}"
    return {**defaults, **nested_form_data({"title": title, "slug": slugify(title), **streams, **extra})}


def test_every_page_type_is_covered():
    assert {model.__name__ for model in project_page_models()} == set(REQUIRED)


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_an_editor_creates_edits_and_previews_each_page_type(checks, name):
    model = next(model for model in project_page_models() if model.__name__ == name)
    parent = Page.objects.get(depth=1) if name == "HomePage" else build_parent(model)
    checks.client.force_login(checks.create_superuser("creator"))
    app, model_name = model._meta.app_label, model._meta.model_name
    typed = REQUIRED[name]()
    add_url = reverse("wagtailadmin_pages:add", args=(app, model_name, parent.pk))
    checks.assertCanCreate(parent, model, form_data(checks, add_url, model, typed), publish=name not in DRAFT_ONLY)
    page = model.objects.child_of(parent).get(title=f"New {name}")
    checks.client.force_login(checks.create_superuser("editor-of-new-pages"))  # assertCanCreate logged out
    edited = form_data(checks, reverse("wagtailadmin_pages:edit", args=(page.pk,)), model, typed)
    checks.assertPageIsEditable(page, post_data=edited)
    checks.assertPageIsPreviewable(page, post_data=edited)
