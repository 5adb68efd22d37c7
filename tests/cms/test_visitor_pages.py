"""The visitors' pages changed for issue 19 are valid HTML (Nu checker) and pass axe-core, in a
left-to-right and a right-to-left language: the account confirmation page, the login met at the
press room, the practice listing with its "Filters (n)" disclosure, the share form with its
searchable countries, a pre-moderated consultation, an Arabic chapter's citation, a French
translation notice and a Hindi date."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from community.accounts import services as accounts
from community.factories import ParticipantFactory
from tests.community.consultation_support import make_consultation, url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def rendered_pages(client) -> dict[str, bytes]:
    pending = ParticipantFactory(is_active=False)
    confirm = f"/{{}}/account/confirm/{accounts.uid_of(pending)}/{accounts.confirmation_tokens.make_token(pending)}/"
    consultation = make_consultation(moderation="pre", translations=["ar"])
    pages = {}
    for language in ("en", "ar"):
        for path in (
            confirm.format(language),
            f"/{language}/practices/",
            f"/{language}/practices/?theme=health&country=KE",
            f"/{language}/practices/share/",
        ):
            pages[path] = client.get(path)
    pages["/ar/reports/rethinking-society/chapter-3/"] = client.get("/ar/reports/rethinking-society/chapter-3/")
    pages["/fr/about/"] = client.get("/fr/about/")
    client.force_login(ParticipantFactory())  # a member, not a journalist
    wall = client.get("/ar/events/press-room/")
    pages["login at the press room, signed in without access"] = client.get(wall["Location"])
    client.force_login(ParticipantFactory())
    pages["pre-moderated consultation"] = client.get(url(consultation))
    pages["pre-moderated consultation (ar)"] = client.get(url(consultation, "ar"))
    for name, response in pages.items():
        assert response.status_code == 200, name
    return {name: response.content for name, response in pages.items()}


def test_the_changed_pages_have_no_html_errors(client):
    from tests.tooling import html_errors

    documents = rendered_pages(client)
    assert b"Send for moderation" in documents["pre-moderated consultation"]
    assert re.search(rb'<details class="filters-disclosure"', documents["/ar/practices/"])
    assert html_errors(documents) == []


@pytest.mark.browser
def test_the_changed_pages_have_no_accessibility_violations(client):
    from tests.tooling import axe_violations

    assert axe_violations(rendered_pages(client)) == {}
