"""The partner API's rate limit: per client address, answered with 429 and Retry-After."""

import pytest

from cms.api.throttling import PartnerRateThrottle
from cms.api.views import ENDPOINTS

pytestmark = pytest.mark.django_db


def test_every_endpoint_is_limited_to_120_requests_a_minute_per_client():
    assert PartnerRateThrottle.scope == "partner_api"
    assert PartnerRateThrottle.rate == "120/minute"
    assert all(viewset.throttle_classes == [PartnerRateThrottle] for viewset in ENDPOINTS)


def test_over_the_limit_the_api_answers_429_with_retry_after(client, monkeypatch):
    monkeypatch.setattr(PartnerRateThrottle, "rate", "3/minute")
    for url in ("/api/v2/news/", "/api/v2/practices/", "/api/v2/briefs/?language=xx"):  # errors count too
        assert client.get(url).status_code in (200, 400)
    response = client.get("/api/v2/reports/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith("Request was throttled.")
    # Another client has its own allowance; a forged X-Forwarded-For does not make a new client.
    assert client.get("/api/v2/news/", REMOTE_ADDR="203.0.113.9").status_code == 200
    assert client.get("/api/v2/news/", HTTP_X_FORWARDED_FOR="198.51.100.7").status_code == 429
    # The OpenAPI description stays readable, so a limited client can still learn the rules.
    assert client.get("/api/v2/openapi.json").status_code == 200
