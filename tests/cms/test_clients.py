"""The client's address behind trusted proxies: forged X-Forwarded-For entries change nothing."""

import pytest
from django.test import RequestFactory

from cms.clients import client_address, client_key


def request(remote: str, forwarded: str | None = None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_trusted_proxies_the_connecting_address_is_the_client_whatever_the_header_says(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("proxies", "forwarded", "client"),
    [
        (1, "203.0.113.9", "203.0.113.9"),  # nginx appended the visitor
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the visitor forged a first entry
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),  # CDN then nginx
        (2, "203.0.113.9", "10.0.0.1"),  # fewer hops than proxies: not through them, use the peer
    ],
)
def test_behind_trusted_proxies_the_outermost_trusted_hop_names_the_client(settings, proxies, forwarded, client):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_address(request("10.0.0.1", forwarded)) == client


def test_a_forged_header_does_not_give_a_visitor_a_fresh_key(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    honest = client_key(request("10.0.0.1", "203.0.113.9"))
    forged = client_key(request("10.0.0.1", "198.51.100.77, 203.0.113.9"))
    assert honest == forged
    assert client_key(request("10.0.0.1", "198.51.100.77")) != honest
