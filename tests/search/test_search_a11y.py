"""The results page is valid HTML (Nu HTML Checker) in English and Arabic, in every state: results
with highlights and type filter, a filter with no result, no result with "did you mean", the empty
form. The browser checks (axe-core, with the suggestion list open) are in tests/e2e/test_search.py,
where the live server fixtures are."""

from __future__ import annotations

import pytest

from home.factories import StandardPageFactory
from tests.search.builders import home
from tests.tooling import html_errors

pytestmark = pytest.mark.django_db

URLS = [
    "/en/search/?q=inequality",
    "/en/search/?q=inequality&type=practices",
    "/en/search/?q=inequality&type=events",
    "/en/search/?q=inequlity",
    "/en/search/?q=quarrelsome+page&page=2",
    "/en/search/",
    "/ar/search/?q=%D8%A7%D9%84%D9%84%D8%A7%D9%85%D8%B3%D8%A7%D9%88%D8%A7%D8%A9",  # اللامساواة (inequality)
    "/ar/search/?q=%D8%A7%D9%84%D9%84%D8%A7%D9%85%D8%B3%D8%A7%D9%88%D8%A7%D9%87&type=members",
    "/ar/search/?q=%D9%85%D8%B2%D9%82%D8%B2%D9%82",
    "/ar/search/",
]


def test_results_pages_have_no_html_errors(client):
    for number in range(12):  # two pages of results, with a promoted-free pagination
        StandardPageFactory(parent=home("en"), title=f"Quarrelsome page {number}", slug=f"quarrelsome-{number}")
    documents = {}
    for url in URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        documents[url] = response.content
    assert b"<mark>" in documents[URLS[0]]  # the highlighted state is among those checked
    assert html_errors(documents) == []
