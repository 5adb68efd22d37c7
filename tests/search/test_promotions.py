"""Editors' picks (wagtail.contrib.search_promotions): shown first and marked "Recommended", only when
the promoted page is live, public and in the visitor's language; every search is counted for the
admin's "Search terms" report."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from home.factories import StandardPageFactory
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage
from tests.search.builders import home, index, restrict, titled

pytestmark = pytest.mark.django_db


def promote(query_string: str, *pages, **link) -> None:
    query = Query.get(query_string)
    for order, page in enumerate(pages):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order, description=f"Pick {order}")
    if link:
        SearchPromotion.objects.create(query=query, sort_order=len(pages), **link)


def recommended(content: str) -> list[str]:
    return re.findall(
        r'<li class="search-result search-result--recommended">.*?<h2 class="search-result__title"><a href="([^"]+)">',
        content,
        re.S,
    )


def all_results(content: str) -> list[str]:
    return re.findall(r'<h2 class="search-result__title"><a href="([^"]+)">', content)


def test_promoted_pages_come_first_marked_recommended_and_are_not_repeated(client):
    found = titled("Tamberlow", 3)
    unrelated = StandardPageFactory(parent=home("en"), title="Housing guide", slug="housing-guide")
    promote("Tamberlow", unrelated, found[2])
    content = client.get("/en/search/", {"q": "tamberlow"}).content.decode()
    assert recommended(content) == [unrelated.url, found[2].url]
    results = all_results(content)
    assert results[:2] == [unrelated.url, found[2].url]
    assert sorted(results[2:]) == sorted([found[0].url, found[1].url])  # the pick is not listed twice
    assert "Pick 0" in content  # the editor's description stands in for the snippet
    with translation.override("en"):
        assert content.count(f'<span class="search-result__badge">{gettext("Recommended")}</span>') == 2
    assert re.search(r'data-type="all"[^>]*>[^<]*<span class="search-types__count">\(4\)', content)


def test_only_live_public_reviewed_pages_of_the_language_are_promoted(client):
    draft = StandardPageFactory(parent=home("en"), title="Draft pick", slug="draft-pick", live=False)
    private = StandardPageFactory(parent=home("en"), title="Private pick", slug="private-pick")
    restrict(private)
    unreviewed = PracticePageFactory(parent=index(PracticeIndexPage, "en"), title="Unreviewed pick", reviewed=False)
    french = StandardPageFactory(parent=home("fr"), title="Choix français", slug="choix")
    english = StandardPageFactory(parent=home("en"), title="English pick", slug="english-pick")
    promote("picks", draft, private, unreviewed, french, english)
    content = client.get("/en/search/", {"q": "picks"}).content.decode()
    assert recommended(content) == [english.url]
    for hidden in ("Draft pick", "Private pick", "Unreviewed pick", "Choix"):
        assert hidden not in content
    assert recommended(client.get("/fr/search/", {"q": "picks"}).content.decode()) == [french.url]


def test_external_links_can_be_promoted(client):
    promote("open data", external_link_url="https://data.example.org/", external_link_text="Open data portal")
    content = client.get("/en/search/", {"q": "Open  DATA"}).content.decode()  # Wagtail normalises the query
    assert recommended(content) == ["https://data.example.org/"]


def test_picks_show_on_the_first_page_and_under_their_own_type(client):
    found = titled("Wendlecott", 12)
    practice = PracticePageFactory(parent=index(PracticeIndexPage, "en"), title="Helpful practice")
    promote("wendlecott", practice)
    assert recommended(client.get("/en/search/", {"q": "wendlecott", "type": "practices"}).content.decode()) == [
        practice.url
    ]
    assert recommended(client.get("/en/search/", {"q": "wendlecott", "type": "pages"}).content.decode()) == []
    second = client.get("/en/search/", {"q": "wendlecott", "page": 2}).content.decode()
    assert recommended(second) == [] and len(all_results(second)) == 2
    assert practice.url not in second and set(all_results(second)) < {page.url for page in found}


def test_every_search_is_counted_for_the_popular_queries_report(client):
    client.get("/en/search/", {"q": "Gravelmoss"})
    client.get("/ar/search/", {"q": "gravelmoss "})
    client.get("/en/search/", {"q": ""})  # no query, nothing to count
    assert Query.objects.get(query_string="gravelmoss").hits == 2
    assert list(Query.get_most_popular().values_list("query_string", flat=True)[:1]) == ["gravelmoss"]


def test_a_search_is_counted_by_the_task_worker_for_the_day_it_was_made(client, task_worker):
    """The results page queues the count rather than writing it (`search.results.count_search`)."""
    assert client.get("/en/search/", {"q": "Gravelmoss"}).status_code == 200
    assert not Query.objects.filter(query_string="gravelmoss").exists()
    queued = DBTaskResult.objects.get(task_path="search.results.count_search")
    query_string, day = queued.args_kwargs["args"]
    assert query_string == "Gravelmoss" and datetime.date.fromisoformat(day)  # Wagtail normalises it when counting
    # The worker runs later (here: after midnight UTC); the search counts for the day it was made.
    DBTaskResult.objects.filter(pk=queued.pk).update(
        args_kwargs={**queued.args_kwargs, "args": [query_string, "2031-02-28"]}
    )
    task_worker()
    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    hits = Query.objects.get(query_string="gravelmoss").daily_hits.get()
    assert (hits.date, hits.hits) == (datetime.date(2031, 2, 28), 1)
