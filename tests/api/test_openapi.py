"""The OpenAPI description at /api/v2/openapi.json, and schemathesis holding the API to it."""

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation.modes import GenerationMode

from tests.api.helpers import ALL_ENDPOINTS, public

pytestmark = pytest.mark.django_db


def test_the_description_documents_every_endpoint_parameter_and_error(client):
    response = client.get("/api/v2/openapi.json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    description = response.json()
    assert description["openapi"].startswith("3.0")
    assert description["servers"] == [{"url": "http://localhost/api/v2"}]
    assert sorted(description["paths"]) == sorted(
        [f"/{endpoint}/" for endpoint in ALL_ENDPOINTS] + [f"/{endpoint}/{{id}}/" for endpoint in ALL_ENDPOINTS]
    )
    parameters = description["components"]["parameters"]
    assert parameters["language"]["schema"]["enum"] == ["en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"]
    assert parameters["region"]["schema"]["enum"] == ["002", "019", "142", "150", "009"]
    assert parameters["limit"]["schema"]["maximum"] == 50
    news = description["paths"]["/news/"]["get"]
    names = [parameter.get("name") or parameter["$ref"].rsplit("/", 1)[1] for parameter in news["parameters"]]
    assert names == ["language", "theme", "region", "since", "until", "search", "order", "limit", "offset"]
    assert "inequality" in next(p for p in news["parameters"] if p.get("name") == "theme")["schema"]["enum"]
    assert set(news["responses"]) == {"200", "400", "429"}
    assert set(description["paths"]["/news/{id}/"]["get"]["responses"]) == {"200", "400", "404", "429"}
    assert "Retry-After" in description["components"]["responses"]["TooManyRequests"]["headers"]
    listing = description["components"]["schemas"]["PracticesListing"]
    assert listing["properties"]["meta"]["properties"]["total_count"] == {"type": "integer", "minimum": 0}
    practice = description["components"]["schemas"]["PracticesItem"]["properties"]
    assert practice["date"]["nullable"] and practice["start_year"]["nullable"]
    assert practice["scale"]["enum"] == ["local", "subnational", "national", "multinational", "global"]


@pytest.fixture
def api_schema(db, monkeypatch):
    """The description as the running application serves it, calling that application in-process (WSGI).

    It is loaded inside the test, not at import, because it lists the database's themes; and the
    cases are driven by Hypothesis directly (`as_strategy`) rather than `schema.parametrize()` with
    `schemathesis.pytest.from_fixture`, whose lazy loader breaks on pytest 9.2 (it sets the removed
    `Node._nodeid`).
    """
    # Hundreds of generated requests would meet the rate limit (which has its own test): every limit
    # is lifted, so the requests reach the operations instead of 429s.
    monkeypatch.setattr(django_settings, "RATE_LIMITS_ENABLED", False)
    # As Django's test client does: the WSGI handler must not close the test's database connection
    # at the end of each request (PostgreSQL would then refuse every later query of the test).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v2/openapi.json", get_wsgi_application())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


OPERATIONS = [f"GET /{endpoint}/" for endpoint in ALL_ENDPOINTS] + [
    f"GET /{endpoint}/{{id}}/" for endpoint in ALL_ENDPOINTS
]
MODES = [GenerationMode.POSITIVE, GenerationMode.NEGATIVE]


@pytest.mark.parametrize("mode", MODES, ids=str)
@pytest.mark.parametrize("label", OPERATIONS)
def test_generated_requests_get_the_answers_the_description_promises(api_schema, label, mode):
    """Schemathesis' checks on every answer: no server error, documented status, content type,
    headers and body schema; valid requests accepted, invalid ones (negative mode) rejected."""
    operation = api_schema.find_operation_by_label(label)
    strategy = operation.as_strategy(generation_mode=mode)
    if "{id}" in label and mode is GenerationMode.POSITIVE:
        # Random ids almost never exist: half of the cases ask for real items.
        ids = list(public(label.split("/")[1]).values_list("pk", flat=True))
        real = st.sampled_from(ids).flatmap(lambda pk: operation.as_strategy(path_parameters={"id": pk}))
        strategy = st.one_of(strategy, real)

    @given(case=strategy)
    @settings(
        max_examples=25,
        deadline=None,
        database=None,  # no .hypothesis/ directory in the checkout
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def check(case):
        case.call_and_validate()

    check()


@pytest.mark.parametrize("endpoint", ALL_ENDPOINTS)
def test_every_live_item_in_every_language_matches_the_description(api_schema, endpoint):
    """Beyond samples: every page of every listing, and one detail per language, validated."""
    listing = api_schema.find_operation_by_label(f"GET /{endpoint}/")
    detail = api_schema.find_operation_by_label(f"GET /{endpoint}/{{id}}/")
    for language, _name in django_settings.LANGUAGES:
        offset, total = 0, None
        while total is None or offset < total:
            response = listing.Case(query={"language": language, "limit": 50, "offset": offset}).call_and_validate()
            data = response.json()
            total, offset = data["meta"]["total_count"], offset + 50
        detail.Case(path_parameters={"id": data["items"][0]["id"]}).call_and_validate()
