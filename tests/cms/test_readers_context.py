"""What every reader of a page sees, kept until any content changes (`BasePage.readers_context`,
on `cms.page_cache.remember`): computed once, again after a change, never cached for a preview."""

from __future__ import annotations

import pytest
from django.utils import translation

from cms import page_cache
from home.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def page():
    return StandardPage.objects.live().filter(locale__language_code="en").first()


def counter():
    calls = []

    def compute() -> dict:
        calls.append(1)
        return {"computed": len(calls)}

    return calls, compute


def test_computed_once_until_any_content_changes_per_language_and_variant(rf, page):
    calls, compute = counter()
    request = rf.get("/")
    with translation.override("en"):
        assert page.readers_context(request, "test", compute) == {"computed": 1}
        assert page.readers_context(request, "test", compute) == {"computed": 1}
        assert page.readers_context(request, "test", compute, "/another/site/") == {"computed": 2}
    with translation.override("ar"):
        assert page.readers_context(request, "test", compute) == {"computed": 3}
    page_cache.bump()
    with translation.override("en"):
        assert page.readers_context(request, "test", compute) == {"computed": 4}
    assert len(calls) == 4


def test_a_preview_neither_reads_nor_fills_the_cache(rf, page):
    calls, compute = counter()
    live, preview = rf.get("/"), rf.get("/")
    preview.is_preview = True
    with translation.override("en"):
        assert page.readers_context(live, "test", compute) == {"computed": 1}
        assert page.readers_context(preview, "test", compute) == {"computed": 2}  # the draft's
        assert page.readers_context(preview, "test", compute) == {"computed": 3}
        assert page.readers_context(live, "test", compute) == {"computed": 1}
