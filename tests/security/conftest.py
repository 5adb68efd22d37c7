"""Fixtures of the audit's regression suite: rate limits and lock-outs start from zero in each test."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()
