"""A dead Redis or database does not take the site down: pages are computed without the cache,
a lost database answers 503 with Retry-After, and /readyz says which dependency is down."""

import logging

import pytest
from django.core.cache import cache, caches
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

from cms.cache import CacheUnavailable, ResilientRedisCache, cache_available
from tests.mailserver import free_port

pytestmark = pytest.mark.django_db

PAGES = ["/en/", "/en/practices/", "/ar/", "/en/news/", "/api/v2/practices/"]


def redis_cache(location: str) -> dict:
    return {"default": {"BACKEND": "cms.cache.ResilientRedisCache", "LOCATION": location}}


@pytest.fixture
def live_redis(settings):
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/15")
    cache.clear()
    yield cache
    cache.clear()


@pytest.fixture
def dead_redis(settings):
    settings.CACHES = redis_cache(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    return cache


def test_with_redis_up_the_cache_stores_and_readiness_is_ok(client, live_redis):
    assert isinstance(caches["default"], ResilientRedisCache)
    live_redis.set("probe", 41)
    assert live_redis.incr("probe") == 42 and cache_available()
    for url in PAGES[:2]:
        assert client.get(url).status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 200
    assert {name: check["status"] for name, check in response.json()["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "tasks": "ok",
        "search": "ok",
    }


def test_with_redis_unreachable_every_page_still_renders_and_the_outage_is_logged_once(client, dead_redis, caplog):
    with caplog.at_level(logging.WARNING, logger="ipsp.cache"):
        for url in PAGES:
            response = client.get(url)
            assert response.status_code == 200, url
    home = client.get("/en/").content.decode()
    assert 'property="og:image"' in home  # the social card is computed without the cache
    warnings = [record for record in caplog.records if record.name == "ipsp.cache"]
    assert len(warnings) == 1 and "Cache unavailable" in warnings[0].getMessage()


def test_a_dead_cache_misses_drops_writes_and_tells_limiters_that_ask(dead_redis):
    assert dead_redis.get("anything", "default") == "default"
    dead_redis.set("anything", 1)  # dropped, no error
    assert dead_redis.add("lock", 1) is True  # fail open: callers proceed as if stored
    assert dead_redis.get_or_set("generation", 1) == 1
    with pytest.raises(CacheUnavailable):
        dead_redis.incr("counter")
    assert isinstance(CacheUnavailable(), ValueError)  # callers handling a missing key handle this too
    assert cache_available() is False


def test_readiness_reports_the_cache_down_separately_with_503(client, dead_redis):
    assert client.get("/healthz").status_code == 200  # liveness is unaffected
    response = client.get("/readyz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["cache"]["status"] == "down"
    assert checks["database"]["status"] == checks["tasks"]["status"] == checks["search"]["status"] == "ok"


@pytest.fixture
def dead_database(monkeypatch):
    def refuse(self, *args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    monkeypatch.setattr(BaseDatabaseWrapper, "cursor", refuse)


@pytest.mark.parametrize("url", ["/en/", "/en/practices/", "/en/news/"])
def test_a_database_outage_answers_503_with_retry_after_on_public_pages(client, dead_database, url):
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Briefly unavailable" in response.content.decode()


def test_a_database_outage_in_french_says_so_in_french(client, dead_database):
    response = client.get("/fr/")
    assert response.status_code == 503 and "Momentanément indisponible" in response.content.decode()


def test_readiness_reports_the_database_down(client, dead_database):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"status": "down", "error": "OperationalError"}


def test_with_the_cache_down_logins_fail_closed_and_forms_stay_open(client, dead_redis, caplog):
    """Rate limits choose deliberately: no unlimited password guessing during an outage, but a
    visitor can still subscribe or propose (the count that cannot be kept lets them through)."""
    from community.factories import MemberProfileFactory, ParticipantFactory

    user = MemberProfileFactory(user=ParticipantFactory()).user  # password: correct-horse-battery
    with caplog.at_level(logging.WARNING, logger="cms.ratelimit"):
        response = client.post("/en/account/login/", {"email": user.email, "password": "correct-horse-battery"})
    assert response.status_code == 429 and response["Retry-After"]
    assert "_auth_user_id" not in client.session
    assert any("cache that counts failed attempts is down" in record.getMessage() for record in caplog.records)
    subscribed = client.post("/en/newsletter/", {"email": "amina@example.org", "consent": "on", "homepage": ""})
    assert subscribed.status_code == 302
