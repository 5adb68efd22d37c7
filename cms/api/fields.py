"""The fields of API items: each with its value and its JSON schema, declared together.

An `ItemField` whose `compute` is None is a model field that Wagtail's serializer renders as is
(title, dates, choices). The others are computed from the page with the request's `Lookups`, so a
listing of 50 items costs the same few queries as one.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.apps import apps as django_apps
from django.db import models
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.html import strip_tags
from rest_framework.fields import Field, SkipField
from wagtail.api import APIField

from cms.links import absolute_url, page_url

Schema = dict[str, Any]


@dataclass(frozen=True)
class ItemField:
    name: str
    # The JSON schema (OpenAPI 3.0 dialect) of the value; a callable receives the model, for choices.
    schema: Schema | Callable[[type[models.Model]], Schema]
    compute: Callable[[Any, Lookups], Any] | None = None
    description: str = ""

    def api_field(self) -> APIField:
        return APIField(self.name, serializer=ComputedField(self.compute) if self.compute else None)

    def json_schema(self, model: type[models.Model]) -> Schema:
        schema = dict(self.schema(model) if callable(self.schema) else self.schema)
        if self.description:
            schema["description"] = self.description
        return schema


class DetailUrlField(Field):
    """`meta.detail_url`, on the public host (cms.links) like every other address the API gives."""

    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField
        return absolute_url(path)

    def to_representation(self, url):
        return url


class ComputedField(Field):
    """A read-only value computed from the whole page."""

    def __init__(self, compute: Callable[[Any, Lookups], Any], **kwargs):
        self.compute = compute
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return self.compute(page, self.context["lookups"])


class Lookups:
    """What items share, loaded once per request: the rows of each translatable taxonomy (themes,
    practice keywords) by id, and their names in every language."""

    def __init__(self) -> None:
        self._taxonomies: dict[str, tuple[dict[int, tuple[int, str, str]], dict[tuple[int, str], str]]] = {}

    def _load(self, label: str) -> tuple[dict[int, tuple[int, str, str]], dict[tuple[int, str], str]]:
        if label not in self._taxonomies:
            # By label: the API is shared code and does not import the apps whose taxonomies it lists.
            model = django_apps.get_model(label)
            rows = {
                pk: (locale_id, slug, name)
                for pk, locale_id, slug, name in model.objects.values_list("pk", "locale_id", "slug", "name")
            }
            names = {(locale_id, slug): name for locale_id, slug, name in rows.values()}
            self._taxonomies[label] = (rows, names)
        return self._taxonomies[label]

    def named(self, label: str, locale_id: int, ids: list[int]) -> list[dict[str, str]]:
        """Rows as {slug, name}, named in the item's language: a page may link the rows of any language
        (a row not translated yet keeps its own name)."""
        rows, names = self._load(label)
        slugs = {rows[pk][1]: rows[pk][2] for pk in ids if pk in rows}
        return [{"slug": slug, "name": names.get((locale_id, slug), slugs[slug])} for slug in sorted(slugs)]

    def themes(self, locale_id: int, theme_ids: list[int]) -> list[dict[str, str]]:
        return self.named("cms.Theme", locale_id, theme_ids)


# --- Schemas ------------------------------------------------------------------------------------


def string(**extra) -> Schema:
    return {"type": "string", **extra}


def nullable(schema: Schema) -> Schema:
    return {**schema, "nullable": True}


def choices(field_name: str) -> Callable[[type[models.Model]], Schema]:
    """The values of a model field's choices, read when the schema is built."""

    def schema(model: type[models.Model]) -> Schema:
        return {"type": "string", "enum": [value for value, _label in model._meta.get_field(field_name).choices]}

    return schema


THEMES_SCHEMA: Schema = {
    "type": "array",
    "items": {"$ref": "#/components/schemas/Theme"},
}
KEYWORDS_SCHEMA: Schema = {
    "type": "array",
    "items": {"$ref": "#/components/schemas/Keyword"},
}
CODES_SCHEMA: Schema = {"type": "array", "items": {"type": "string"}}


# --- Values -------------------------------------------------------------------------------------


def html_url(page, lookups: Lookups) -> str | None:
    """The page's address as an ASCII URI: translated slugs may be written in any script."""
    url = page_url(page)
    return iri_to_uri(url) if url else None


def language(page, lookups: Lookups) -> str:
    return page.locale.language_code


def themes(page, lookups: Lookups) -> list[dict[str, str]]:
    return lookups.themes(page.locale_id, [theme.pk for theme in page.themes.all()])


def keywords(page, lookups: Lookups) -> list[dict[str, str]]:
    return lookups.named("practices.Keyword", page.locale_id, [keyword.pk for keyword in page.keywords.all()])


def recommendation_themes(page, lookups: Lookups) -> list[dict[str, str]]:
    return lookups.themes(page.locale_id, recommendation_theme_ids(page))


def recommendation_theme_ids(page) -> list[int]:
    """Themes of a page's recommendations, read from the stored JSON without loading any snippet."""
    ids = []
    for block in page.recommendations.raw_data:
        for item in block.get("value", {}).get("themes") or []:
            value = item.get("value") if isinstance(item, dict) else item  # ListBlock, new and old format
            if isinstance(value, int):
                ids.append(value)
    return ids


def recommendations(page, lookups: Lookups) -> list[dict[str, str]]:
    return [
        {"identifier": block["value"].get("identifier", ""), "statement": block["value"].get("statement", "")}
        for block in page.recommendations.raw_data
        if block.get("type") == "recommendation"
    ]


def countries(page, lookups: Lookups) -> list[str]:
    return sorted(country.code for country in page.countries.all())


def regions(page, lookups: Lookups) -> list[str]:
    return sorted({country.region for country in page.countries.all() if country.region})


def news_authors(page, lookups: Lookups) -> list[str]:
    return [person.name for person in page.authors.all()]


def contributors(page, lookups: Lookups) -> list[dict[str, str]]:
    return [{"name": contributor.person.name, "role": contributor.role} for contributor in page.contributors.all()]


def organisations(page, lookups: Lookups) -> list[dict[str, str | None]]:
    return [
        {
            "name": block["value"].get("name", ""),
            "role": block["value"].get("role", ""),
            "website": block["value"].get("website") or None,
        }
        for block in page.organisations.raw_data
        if block.get("type") == "organisation"
    ]


def sdgs(page, lookups: Lookups) -> list[int]:
    return sorted({goal.number for goal in page.sdgs.all()})


def first_published_date(page, lookups: Lookups) -> str | None:
    if page.first_published_at is None:
        return None
    return timezone.localdate(page.first_published_at).isoformat()


def plain_text(field_name: str) -> Callable[[Any, Lookups], str]:
    def value(page, lookups: Lookups) -> str:
        return html.unescape(strip_tags(str(getattr(page, field_name)))).strip()

    return value


def or_null(field_name: str) -> Callable[[Any, Lookups], Any]:
    """A blank text field as null, so clients test for one absent value rather than two."""

    def value(page, lookups: Lookups) -> Any:
        return getattr(page, field_name) or None

    return value


def licence_url(page, lookups: Lookups) -> str | None:
    return page.licence_url or None
