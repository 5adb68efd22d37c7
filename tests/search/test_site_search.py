"""Site search as visitors use it: every public type of their language, grouped by type, highlighted,
paginated, with "did you mean" — and never a draft, private, unreviewed or embargoed page."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from cms import page_cache
from cms.factories import UserFactory
from community.factories import MemberProfileFactory
from community.models import ProfileStatus
from events.factories import EventsIndexPageFactory, SocialProgressDayPageFactory
from events.models import EventsIndexPage
from home.factories import StandardPageFactory
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from practices.factories import ExpertReviewFactory, PracticePageFactory
from practices.models import PracticeIndexPage
from tests.search.builders import home, index, one_of_each_type, restrict, titled

pytestmark = pytest.mark.django_db


def result_urls(content: str) -> list[str]:
    return re.findall(r'<h2 class="search-result__title"><a href="([^"]+)">', content)


def facet_counts(content: str) -> dict[str, int]:
    found = re.findall(r'data-type="(\w+)"[^>]*>[^<]*<span class="search-types__count">\((\d+)\)', content)
    return {slug: int(count) for slug, count in found}


def search(client, query: str, language: str = "en", **params) -> str:
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_finds_every_public_type_of_the_language_and_members(client):
    made = one_of_each_type("quokkafen")
    content = search(client, "quokkafen")
    urls = result_urls(content)
    for name, item in made.items():
        url = f"/en/members/{item.pk}/" if name == "member" else item.url
        assert url in urls, name
    assert len(urls) == len(made)
    # Members come after the pages (their relevance scores are not comparable).
    assert urls[-1] == f"/en/members/{made['member'].pk}/"


def test_index_pages_without_text_fields_of_their_own_are_found_with_others(client):
    events = EventsIndexPageFactory(parent=home("en"), title="Trevalline events", slug="trevalline-events")
    story = NewsPageFactory(parent=index(NewsIndexPage, "en"), title="Trevalline story")
    assert set(result_urls(search(client, "trevalline"))) == {events.url, story.url}


def test_type_filter_counts_and_narrows_the_results(client):
    made = one_of_each_type("quokkafen")
    content = search(client, "quokkafen")
    # Reports & briefs: report, chapter, brief, toolkit; Pages: standard page and consultation.
    expected = {"all": 10, "reports": 4, "practices": 1, "events": 1, "news": 1, "members": 1, "pages": 2}
    assert facet_counts(content) == expected
    practices = search(client, "quokkafen", type="practices")
    assert result_urls(practices) == [made["practice"].url]
    assert 'data-type="practices" aria-current="page"' in practices
    assert facet_counts(practices) == expected  # the counts do not depend on the filter chosen
    assert set(result_urls(search(client, "quokkafen", type="reports"))) == {
        made[name].url for name in ("report", "chapter", "brief", "toolkit")
    }
    assert result_urls(search(client, "quokkafen", type="members")) == [f"/en/members/{made['member'].pk}/"]
    assert set(result_urls(search(client, "quokkafen", type="pages"))) == {
        made["standard"].url,
        made["consultation"].url,
    }
    assert len(result_urls(search(client, "quokkafen", type="nonsense"))) == 10  # unknown type: all


def test_results_are_in_the_visitors_language_only_but_members_in_every_language(client):
    made = one_of_each_type("quokkafen", language="fr")
    english = result_urls(search(client, "quokkafen"))
    assert english == [f"/en/members/{made['member'].pk}/"]
    french = result_urls(search(client, "quokkafen", language="fr"))
    assert made["practice"].url in french and f"/fr/members/{made['member'].pk}/" in french


def test_drafts_private_unreviewed_and_embargoed_pages_never_appear(client):
    visible = StandardPageFactory(parent=home("en"), title="Visible zenthrope", slug="visible-zenthrope")
    StandardPageFactory(parent=home("en"), title="Draft zenthrope", slug="draft-zenthrope", live=False)
    private = StandardPageFactory(parent=home("en"), title="Private zenthrope", slug="private-zenthrope")
    restrict(private)
    StandardPageFactory(parent=private, title="Under a private zenthrope", slug="under-private")
    news_index = index(NewsIndexPage, "en")
    restricted_news = NewsPageFactory(parent=news_index, title="Members-only zenthrope")
    restrict(restricted_news)
    PracticePageFactory(parent=index(PracticeIndexPage, "en"), title="Unreviewed zenthrope", reviewed=False)
    SocialProgressDayPageFactory(
        parent=index(EventsIndexPage, "en"),
        title="Embargoed zenthrope day",
        live=False,
        go_live_at=timezone.now() + datetime.timedelta(days=3),
        declaration="<p>The zenthrope declaration, embargoed.</p>",
    )
    content = search(client, "zenthrope")
    assert result_urls(content) == [visible.url]
    assert facet_counts(content)["all"] == 1
    for hidden in ("Draft", "Private", "Under a private", "Members-only", "Unreviewed", "Embargoed", "declaration"):
        assert hidden not in content


def test_only_public_member_profiles_are_found(client):
    public = MemberProfileFactory(name="Ilse Vantorrel", status=ProfileStatus.APPROVED)
    MemberProfileFactory(name="Pending Vantorrel", status=ProfileStatus.PENDING)
    MemberProfileFactory(name="Rejected Vantorrel", status=ProfileStatus.REJECTED)
    MemberProfileFactory(name="Draft Vantorrel", status=ProfileStatus.DRAFT)
    MemberProfileFactory(name="Gone Vantorrel", user=UserFactory(is_active=False))
    content = search(client, "vantorrel", type="members")
    assert result_urls(content) == [f"/en/members/{public.pk}/"]
    assert "Ilse Vantorrel" in content
    for hidden in ("Pending", "Rejected", "Draft", "Gone"):
        assert f"{hidden} Vantorrel" not in content


def test_matches_are_marked_in_a_short_escaped_snippet(client):
    filler = " ".join(f"filler{number}" for number in range(60))
    page = StandardPageFactory(
        parent=home("en"),
        title="Budgets <b>and</b> the Plovdrum",
        slug="plovdrum",
        search_description="",
        introduction=f"{filler} A <script>alert(1)</script> about plovdrums & budgets. {filler}",
    )
    content = search(client, "plovdrum")
    assert result_urls(content) == [page.url]
    assert ">Budgets &lt;b&gt;and&lt;/b&gt; the Plovdrum</a></h2>" in content  # titles escaped, shown whole
    snippet = re.search(r'<p class="search-result__snippet">(.*?)</p>', content, re.S).group(1)
    assert "<mark>plovdrums</mark>" in snippet
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in snippet and "<script>alert" not in content
    assert snippet.startswith("… ") and snippet.endswith(" …")  # cut around the match…
    assert 25 <= len(re.sub(r"<[^>]+>", "", snippet).split()) <= 35  # …to about thirty words


def test_a_description_that_repeats_the_text_is_shown_once(client):
    sentence = "Gorsebrook cooperatives share their tools."
    StandardPageFactory(
        parent=home("en"), title="Tools", slug="tools", search_description=sentence, introduction=sentence
    )
    assert search(client, "gorsebrook").count("<mark>Gorsebrook</mark> cooperatives share their tools.") == 1


def test_arabic_matches_are_marked_whatever_the_diacritics(client):
    page = StandardPageFactory(
        parent=home("ar"),
        title="المدرسة الخضراء",
        slug="green-school",
        search_description="",
        introduction="تعمل المَدرسة الخضراء مع الأهالي.",
    )
    content = search(client, "مدرسة", language="ar")
    assert page.url in result_urls(content)
    assert "تعمل <mark>المَدرسة</mark> الخضراء مع الأهالي." in content


def test_chinese_matches_are_marked_as_substrings(client):
    page = StandardPageFactory(
        parent=home("zh-hans"),
        title="社区花园",
        slug="community-garden",
        search_description="",
        introduction="居民在城市中心建立了一个社区花园，促进了邻里互助和社会流动。",
    )
    content = search(client, "社会流动", language="zh-hans")
    assert page.url in result_urls(content)
    assert re.search(r"<mark>社会</mark>\s*<mark>流动</mark>|<mark>社会流动</mark>", content)


def test_results_are_paginated_by_ten_keeping_query_and_type(client):
    titled("Glimmerquist", 13)
    first = search(client, "glimmerquist", type="pages")
    assert len(result_urls(first)) == 10
    assert 'rel="next" href="?q=glimmerquist&amp;type=pages&amp;page=2"' in first
    second = search(client, "glimmerquist", type="pages", page=2)
    assert len(result_urls(second)) == 3
    assert 'rel="prev" href="?q=glimmerquist&amp;type=pages"' in second
    assert set(result_urls(first)).isdisjoint(result_urls(second))
    assert result_urls(search(client, "glimmerquist", type="pages", page=99)) == result_urls(second)
    assert result_urls(search(client, "glimmerquist", type="pages", page="x")) == result_urls(first)


def test_what_hides_a_page_from_search_is_seen_by_the_next_search(client):
    """The restricted subtrees and unreviewed pages are kept until any content changes
    (`search.visibility.visible_pages`): a page restricted or published since is seen at once."""
    page = StandardPageFactory(parent=home("en"), title="Quillmore garden", slug="quillmore")
    assert result_urls(search(client, "quillmore")) == [page.url]
    restriction = restrict(page)
    assert result_urls(search(client, "quillmore")) == []
    restriction.delete()
    practice = PracticePageFactory(parent=index(PracticeIndexPage, "en"), title="Quillmore seeds", reviewed=False)
    assert result_urls(search(client, "quillmore")) == [page.url]
    ExpertReviewFactory(page=practice)
    assert sorted(result_urls(search(client, "quillmore"))) == sorted([page.url, practice.url])


def test_a_results_text_is_read_once_until_it_changes(client):
    """The text snippets are cut from is kept per page until any content changes
    (`search.texts.shown_texts`): a warm search does not read it, an edit shows at once."""
    page = StandardPageFactory(
        parent=home("en"),
        title="Wexcombe",
        slug="wexcombe",
        search_description="",
        introduction="Wexcombe grows pears.",
    )
    assert "<mark>Wexcombe</mark> grows pears." in search(client, "wexcombe")
    with CaptureQueriesContext(connection) as warm:
        assert "<mark>Wexcombe</mark> grows pears." in search(client, "wexcombe")
    assert not [query for query in warm if '"introduction"' in query["sql"]]
    page.introduction = "Wexcombe grows plums."
    page.save_revision().publish()
    assert "<mark>Wexcombe</mark> grows plums." in search(client, "wexcombe")


def test_a_search_leaves_the_page_cache_alone(client):
    """Each search counts its query (Wagtail's `Query.add_hit`): that is no content change, so the
    cached pages and the cached chrome stay (`PAGE_CACHE_IGNORED_MODELS`)."""
    search(client, "quillmore")  # creates the query's rows
    before = page_cache.current_generation()
    search(client, "quillmore")
    assert page_cache.current_generation() == before


def test_queries_per_results_page_do_not_grow_with_the_results_shown(client, django_assert_num_queries):
    """Each scenario shows pages and a member (members are a second search: one query more when shown)."""
    titled("Fewbrantle", 2)
    MemberProfileFactory(name="Fewbrantle Member")
    one_of_each_type("manybrantle")  # ten results: nine pages of seven types, then a member
    titled("Pagebrantle", 12)
    MemberProfileFactory(name="Pagebrantle Member")  # page 2 of 13: two pages and the member
    scenarios = [{"query": "fewbrantle"}, {"query": "manybrantle"}, {"query": "pagebrantle", "page": 2}]
    for params in scenarios:
        search(client, **params)  # the first search of a query string also creates its statistics rows
    assert [len(result_urls(search(client, **params))) for params in scenarios] == [3, 10, 3]
    with CaptureQueriesContext(connection) as baseline:
        search(client, "fewbrantle")
    for params in scenarios[1:]:
        with django_assert_num_queries(len(baseline.captured_queries)):
            search(client, **params)


def test_no_results_suggest_a_spelling_and_the_indexes_of_the_language(client):
    StandardPageFactory(parent=home("en"), title="Participatory zanderbloom", slug="zanderbloom")
    content = search(client, "zanderblom")
    assert result_urls(content) == []
    assert '<a href="?q=zanderbloom">zanderbloom</a>' in content
    links = re.search(r'<ul class="search-empty__links">(.*?)</ul>', content, re.S).group(1)
    assert index(PracticeIndexPage, "en").url in links
    assert "/en/reports/" in links
    arabic = search(client, "zanderblom", language="ar")
    assert index(PracticeIndexPage, "ar").url in arabic and "zanderbloom" not in arabic  # not an Arabic title


def test_no_suggestion_when_nothing_is_close(client):
    content = search(client, "xqzjwvk")
    assert result_urls(content) == [] and 'class="search-suggestion"' not in content


@pytest.mark.parametrize("query", ['"', '"""', "a*b(c):d-e^", "NOT OR AND", "\\", "{x}[y]", "  ", "é" * 300])
def test_odd_queries_are_harmless(client, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200
    assert client.get("/ar/search/", {"q": query, "type": "practices", "page": "-1"}).status_code == 200


def test_empty_query_shows_the_form_only(client):
    content = search(client, "")
    assert 'id="search-page-q"' in content and result_urls(content) == []
    assert 'class="search-types"' not in content


def test_the_interface_is_translated(client):
    titled("Frondwhistle", 1, language="fr")
    content = search(client, "frondwhistle", language="fr")
    with translation.override("fr"):
        assert gettext("Reports & briefs").replace("&", "&amp;") in content
        assert gettext("Type of result") in content
