"""Suggestions for the header search box: titles of visible pages of the language and public member
names, at most eight, never a draft, private page or unreviewed practice; rate limited; and the
plain search form they enhance."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache

from cms.factories import UserFactory
from community.factories import MemberProfileFactory
from community.models import ProfileStatus
from home.factories import StandardPageFactory
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage
from search.views import SUGGESTIONS_PER_MINUTE
from tests.search.builders import home, index, restrict, titled

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()  # rate limit counters and cached suggestions of other tests
    yield
    cache.clear()


def suggest(client, query: str, language: str = "en") -> dict:
    response = client.get(f"/{language}/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def titles(data: dict) -> list[str]:
    return [item["title"] for item in data["results"]]


def test_suggests_page_titles_of_the_language_and_member_names(client):
    page = StandardPageFactory(parent=home("en"), title="Brindlewort gardens", slug="brindlewort")
    StandardPageFactory(parent=home("fr"), title="Brindlewort en français", slug="brindlewort")
    member = MemberProfileFactory(name="Brindlewort Okafor")
    data = suggest(client, "brindlew")
    assert data["results"] == [
        {"title": "Brindlewort gardens", "url": page.url, "kind": "Page", "type": "pages"},
        {"title": "Brindlewort Okafor", "url": f"/en/members/{member.pk}/", "kind": "Member", "type": "members"},
    ]
    assert data["status"].startswith("2 ")
    assert titles(suggest(client, "brindlew", language="fr")) == ["Brindlewort en français", "Brindlewort Okafor"]


def test_never_suggests_drafts_private_pages_unreviewed_practices_or_hidden_members(client):
    StandardPageFactory(parent=home("en"), title="Quillanth draft", slug="quillanth-draft", live=False)
    private = StandardPageFactory(parent=home("en"), title="Quillanth private", slug="quillanth-private")
    restrict(private)
    StandardPageFactory(parent=private, title="Quillanth under private", slug="quillanth-under")
    PracticePageFactory(parent=index(PracticeIndexPage, "en"), title="Quillanth unreviewed", reviewed=False)
    MemberProfileFactory(name="Quillanth Pending", status=ProfileStatus.PENDING)
    MemberProfileFactory(name="Quillanth Gone", user=UserFactory(is_active=False))
    public = PracticePageFactory(parent=index(PracticeIndexPage, "en"), title="Quillanth reviewed")
    assert titles(suggest(client, "quillan")) == [public.title]


def test_a_page_unpublished_or_made_private_stops_being_suggested_at_once(client):
    page, other = titled("Mervantile", 2)
    assert len(titles(suggest(client, "mervan"))) == 2  # now cached
    page.unpublish()
    assert titles(suggest(client, "mervan")) == [other.title]
    restrict(other)
    assert titles(suggest(client, "mervan")) == []


def test_a_member_whose_account_is_deactivated_stops_being_suggested_at_once(client):
    member = MemberProfileFactory(name="Orvelline Adeyemi")
    assert titles(suggest(client, "orvell")) == [member.name]  # now cached
    member.user.is_active = False
    member.user.save(update_fields=["is_active"])
    assert titles(suggest(client, "orvell")) == []


def test_at_most_eight_suggestions(client):
    titled("Sorrelwick", 12)
    MemberProfileFactory(name="Sorrelwick Member")
    data = suggest(client, "sorrelw")
    assert len(data["results"]) == 8
    assert data["results"][-1]["type"] == "members"  # members keep a place beside many titles


def test_too_short_queries_get_nothing(client):
    assert suggest(client, "a") == {"results": [], "status": ""}
    assert suggest(client, "  ") == {"results": [], "status": ""}


def test_suggestions_are_rate_limited(client):
    for _ in range(SUGGESTIONS_PER_MINUTE):
        client.get("/en/search/suggest/", {"q": "ab"})
    response = client.get("/en/search/suggest/", {"q": "ab"})
    assert response.status_code == 429
    assert response.json()["results"] == []
    assert client.get("/en/search/", {"q": "ab"}).status_code == 200  # the search itself is not limited


def test_header_box_is_a_plain_search_form_enhanced_by_a_script(client):
    content = client.get("/ar/about/").content.decode()
    form = re.search(r'<form class="site-search"[^>]*>', content).group(0)
    assert 'method="get"' in form and 'action="/ar/search/"' in form
    assert 'data-autocomplete="/ar/search/suggest/"' in form
    assert re.search(r'<input id="site-search-q" type="search" name="q"', content)
    assert 'role="combobox"' not in content  # added by the script, so without JavaScript nothing pretends
    assert re.search(r'<script src="/static/search/js/autocomplete\.js[^"]*" defer>', content)


def test_suggestions_fold_accents_and_offer_an_equal_title_once(client):
    StandardPageFactory(parent=home("es"), title="Teleférico de Medellín", slug="teleferico")
    StandardPageFactory(parent=home("es"), title="Teleférico de Medellín", slug="teleferico-2")
    StandardPageFactory(parent=home("es"), title="TELEFERICO DE MEDELLIN", slug="teleferico-3")
    data = suggest(client, "teleferico medel", language="es")
    assert len(titles(data)) == 1 and titles(data)[0].casefold().startswith("tele")
