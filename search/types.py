"""The kinds of result site search groups by: the "type" filter of the results page.

Page types are grouped by the app that owns them, so a page type added to an app later lands in the
right group without touching search; whatever belongs to no group (home, standard pages, index
pages, consultations) is a "page". Members are not pages: they have their own group.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, get_page_models

ALL = "all"
MEMBERS = "members"
PAGES = "pages"


@dataclass(frozen=True)
class ResultType:
    slug: str  # the value of the `type` GET parameter
    label: Promise
    apps: frozenset[str] = frozenset()  # app labels whose page types belong here


# In the order the filter lists them.
RESULT_TYPES = (
    ResultType(ALL, _("All")),
    ResultType("reports", _("Reports & briefs"), frozenset({"reports"})),
    ResultType("practices", _("Practices"), frozenset({"practices"})),
    ResultType("events", _("Events"), frozenset({"events"})),
    ResultType("news", _("News"), frozenset({"news"})),
    ResultType(MEMBERS, _("Members")),
    ResultType(PAGES, _("Pages")),
)
BY_SLUG = {result_type.slug: result_type for result_type in RESULT_TYPES}
PAGE_TYPE_SLUGS = tuple(slug for slug in BY_SLUG if slug not in (ALL, MEMBERS))


def result_type(slug: str | None) -> ResultType:
    """The type asked for in the URL; anything unknown means all."""
    return BY_SLUG.get(slug or ALL, BY_SLUG[ALL])


def type_slug_of_model(model) -> str:
    for slug in PAGE_TYPE_SLUGS:
        if model._meta.app_label in BY_SLUG[slug].apps:
            return slug
    return PAGES


@functools.cache
def _content_type_ids_by_slug() -> dict[str, tuple[int, ...]]:
    # Once per process, as Django's own content type cache (a content type's id never changes).
    models = [model for model in get_page_models() if model is not Page]
    content_types = ContentType.objects.get_for_models(*models)
    grouped: dict[str, list[int]] = {slug: [] for slug in PAGE_TYPE_SLUGS}
    for model, content_type in content_types.items():
        grouped[type_slug_of_model(model)].append(content_type.pk)
    return {slug: tuple(sorted(ids)) for slug, ids in grouped.items()}


def content_type_ids(slug: str) -> tuple[int, ...]:
    """Content types of the page types in the group `slug`."""
    return _content_type_ids_by_slug()[slug]


def type_slug_of_content_type(content_type_id: int) -> str:
    for slug, ids in _content_type_ids_by_slug().items():
        if content_type_id in ids:
            return slug
    return PAGES


def model_of(content_type_id: int):
    """The page model of a content type, from Django's content type cache (no query after the first)."""
    return ContentType.objects.get_for_id(content_type_id).model_class() or Page


def member_kind_label() -> str:
    return str(_("Member"))


def kind_label(model) -> str:
    """What a result is, in a word or two ("Policy brief", "Practice"). Home, standard and index pages
    are just "Page": "Practice index page" means something to editors, not to visitors."""
    name = model.__name__
    if model is Page or name.endswith("IndexPage") or name in ("HomePage", "StandardPage"):
        return str(_("Page"))
    return str(capfirst(model._meta.verbose_name))
