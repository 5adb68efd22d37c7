"""The OpenAPI 3.0 description of the partner API, served at /api/v2/openapi.json.

Built from the viewsets' own declarations (fields and their schemas, order values, filters) and
the site's languages, regions and themes, so it describes what the code does, not what it once did.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from cms import geography
from cms.api import params as p
from cms.api.throttling import PartnerRateThrottle
from cms.api.views import CORS_HEADERS, ENDPOINTS, PartnerPagesAPIViewSet
from cms.links import absolute_url

Schema = dict[str, Any]

DESCRIPTION = """\
Read-only access to the published content of the International Panel on Social Progress (IPSP):
news and stories, expert-reviewed practices, reports and policy briefs, in ten languages.

* Only live, public content is served; no key is needed.
* Each item exists once per language. `language` filters by it; items that are translations of
  each other share a `translation_key`.
* Lists are paginated with `limit` (at most {max_limit}, default {default_limit}) and `offset`;
  `meta.total_count` is the number of matching items.
* Unknown or repeated query parameters and invalid values are answered with 400 and a JSON
  `message` saying what to change.
* Rate limit: {rate} requests per client address. Over it the API answers 429 with a
  `Retry-After` header (seconds).
* Content is © IPSP; news items state their licence in `licence` and `licence_url`.
"""


def _ref(kind: str, name: str) -> Schema:
    return {"$ref": f"#/components/{kind}/{name}"}


def _error(description: str, *, retry_after: bool = False) -> Schema:
    response: Schema = {
        "description": description,
        "content": {"application/json": {"schema": _ref("schemas", "Error")}},
    }
    if retry_after:
        response["headers"] = {
            "Retry-After": {
                "description": "Seconds to wait before the next request.",
                "required": True,
                "schema": {"type": "integer", "minimum": 0},
            }
        }
    return response


def _enum(values: list[str]) -> Schema:
    # An empty enum is invalid JSON Schema: before any theme exists, any slug-shaped text is documented.
    return {"type": "string", "enum": values} if values else {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$"}


def _query(name: str, description: str, schema: Schema, **extra) -> Schema:
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema, **extra}


def shared_parameters() -> dict[str, Schema]:
    languages = p.language_codes()
    regions = ", ".join(f"{code} {name}" for code, name in geography.REGIONS.items())
    return {
        "language": _query(
            "language",
            "Only items in this language.",
            {"type": "string", "enum": languages},
            example="fr",
        ),
        "region": _query(
            "region",
            f"Only items about a country of this UN M49 region: {regions}.",
            {"type": "string", "enum": p.region_codes()},
            example="002",
        ),
        "since": _query("since", "Only items dated on or after this day (see the endpoint for which date).", _date()),
        "until": _query("until", "Only items dated on or before this day (see the endpoint for which date).", _date()),
        "search": _query(
            "search",
            "Full-text search; results come by relevance unless `order` is given. Blank means no search.",
            {"type": "string", "maxLength": p.MAX_SEARCH_LENGTH},
        ),
        "limit": _query(
            "limit",
            f"Items per page, at most {p.MAX_LIMIT}.",
            {"type": "integer", "minimum": 0, "maximum": p.MAX_LIMIT, "default": p.DEFAULT_LIMIT},
        ),
        "offset": _query(
            "offset",
            "Items to skip.",
            {"type": "integer", "minimum": 0, "maximum": p.MAX_OFFSET, "default": 0},
        ),
        "id": {
            "name": "id",
            "in": "path",
            "required": True,
            "description": "The item's `id`, as in its `meta.detail_url`.",
            "schema": {"type": "integer", "minimum": 1, "maximum": p.MAX_ID},
        },
    }


def _date() -> Schema:
    return {"type": "string", "format": "date", "example": "2024-03-01"}


def _contributor_roles() -> list[str]:
    field = apps.get_model("reports.ReportContributor")._meta.get_field("role")
    return [value for value, _label in field.choices]


def _organisation_roles() -> list[str]:
    stream = apps.get_model("practices.PracticePage")._meta.get_field("organisations").stream_block
    role = stream.child_blocks["organisation"].child_blocks["role"]
    return [value for value, _label in role.field.choices if value]


def shared_schemas() -> dict[str, Schema]:
    def obj(properties: dict[str, Schema]) -> Schema:
        return {
            "type": "object",
            "required": list(properties),
            "properties": properties,
            "additionalProperties": False,
        }

    string = {"type": "string"}
    return {
        "Error": obj({"message": {"type": "string", "description": "What went wrong, in English."}}),
        "Theme": obj({"slug": string, "name": {"type": "string", "description": "In the item's language."}}),
        "Keyword": obj(
            {
                "slug": {"type": "string", "description": "Shared by the keyword's translations."},
                "name": {"type": "string", "description": "In the item's language once translated, else its own."},
            }
        ),
        "Recommendation": obj({"identifier": string, "statement": string}),
        "Contributor": obj({"name": string, "role": {"type": "string", "enum": _contributor_roles()}}),
        "Organisation": obj(
            {
                "name": string,
                "role": {"type": "string", "enum": _organisation_roles()},
                "website": {**string, "nullable": True},
            }
        ),
        "ItemMeta": obj(
            {
                "type": {"type": "string", "description": "Wagtail page type, e.g. news.NewsPage."},
                "detail_url": {"type": "string", "format": "uri"},
                "html_url": {
                    "type": "string",
                    "format": "uri",
                    "nullable": True,
                    "description": "The page on the website.",
                },
                "slug": string,
                "first_published_at": {"type": "string", "format": "date-time", "nullable": True},
            }
        ),
    }


def item_schema(viewset: type[PartnerPagesAPIViewSet]) -> Schema:
    model = viewset.model
    properties: dict[str, Schema] = {"id": {"type": "integer"}, "meta": _ref("schemas", "ItemMeta")}
    for field in viewset.item_fields:
        properties[field.name] = field.json_schema(model)
    return {
        "type": "object",
        "required": list(properties),
        "properties": properties,
        "additionalProperties": False,
    }


def _names(viewset: type[PartnerPagesAPIViewSet]) -> tuple[str, str]:
    base = viewset.endpoint_name.capitalize()
    return f"{base}Item", f"{base}Listing"


def paths_for(viewset: type[PartnerPagesAPIViewSet], theme_slugs: list[str]) -> dict[str, Schema]:
    item, listing = _names(viewset)
    parameters = [_ref("parameters", "language")]
    parameters.append(_query("theme", viewset.theme_description, _enum(theme_slugs)))
    if viewset.region_filter:
        parameters.append(_ref("parameters", "region"))
    parameters += [_ref("parameters", "since"), _ref("parameters", "until"), _ref("parameters", "search")]
    parameters.append(
        _query(
            "order",
            f"Sort order; `-` sorts descending. Default `{viewset.default_order}`.",
            {"type": "string", "enum": viewset.order_choices()},
        )
    )
    parameters += [_ref("parameters", "limit"), _ref("parameters", "offset")]
    tag = viewset.endpoint_name
    return {
        f"/{viewset.endpoint_name}/": {
            "get": {
                "operationId": f"list_{viewset.endpoint_name}",
                "tags": [tag],
                "summary": viewset.summary,
                "description": f"Live, public items in every language. since/until compare {viewset.date_description}.",
                "parameters": parameters,
                "responses": {
                    "200": {
                        "description": "A page of items.",
                        "content": {"application/json": {"schema": _ref("schemas", listing)}},
                    },
                    "400": _ref("responses", "BadRequest"),
                    "429": _ref("responses", "TooManyRequests"),
                },
            }
        },
        f"/{viewset.endpoint_name}/{{id}}/": {
            "get": {
                "operationId": f"get_{viewset.endpoint_name}",
                "tags": [tag],
                "summary": f"One item of {viewset.endpoint_name}",
                "description": "The item as in the listing. Takes no query parameters.",
                "parameters": [_ref("parameters", "id")],
                "responses": {
                    "200": {
                        "description": "The item.",
                        "content": {"application/json": {"schema": _ref("schemas", item)}},
                    },
                    "400": _ref("responses", "BadRequest"),
                    "404": _ref("responses", "NotFound"),
                    "429": _ref("responses", "TooManyRequests"),
                },
            }
        },
    }


def build(server_url: str) -> Schema:
    theme_slugs = p.theme_slugs()
    schemas = shared_schemas()
    paths: dict[str, Schema] = {}
    for viewset in ENDPOINTS:
        item, listing = _names(viewset)
        schemas[item] = item_schema(viewset)
        schemas[listing] = {
            "type": "object",
            "required": ["meta", "items"],
            "properties": {
                "meta": {
                    "type": "object",
                    "required": ["total_count"],
                    "properties": {"total_count": {"type": "integer", "minimum": 0}},
                    "additionalProperties": False,
                },
                "items": {"type": "array", "items": _ref("schemas", item)},
            },
            "additionalProperties": False,
        }
        paths.update(paths_for(viewset, theme_slugs))
    description = DESCRIPTION.format(
        max_limit=p.MAX_LIMIT, default_limit=p.DEFAULT_LIMIT, rate=PartnerRateThrottle.rate
    )
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "IPSP partner API",
            "version": "2.0.0",
            "description": description,
            "contact": {"name": "International Panel on Social Progress"},
        },
        "servers": [{"url": server_url}],
        "tags": [{"name": viewset.endpoint_name, "description": viewset.summary} for viewset in ENDPOINTS],
        "paths": paths,
        "components": {
            "schemas": schemas,
            "parameters": shared_parameters(),
            "responses": {
                "BadRequest": _error("Unknown or repeated query parameter, or an invalid value."),
                "NotFound": _error("No such live, public item."),
                "TooManyRequests": _error("Rate limit reached.", retry_after=True),
            },
        },
    }


@require_GET
def openapi_json(request: HttpRequest) -> JsonResponse:
    # The public address (cms.links), as in every item's detail_url.
    server_url = absolute_url(request.path.removesuffix("openapi.json")).rstrip("/")
    response = JsonResponse(build(server_url), json_dumps_params={"ensure_ascii": False, "indent": 2})
    for header, value in CORS_HEADERS.items():
        response[header] = value
    return response
