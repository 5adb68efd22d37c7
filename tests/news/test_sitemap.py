"""sitemap.xml: every public page in every language, with hreflang alternates, valid against sitemaps.org."""

from collections import defaultdict
from pathlib import Path

import pytest
from lxml import etree

from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).parent / "schemas"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return etree.fromstring(response.content)


def test_sitemap_is_valid_against_the_sitemaps_org_schema(sitemap):
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "sitemap-with-alternates.xsd")))
    assert schema.validate(sitemap), schema.error_log


def test_every_language_is_listed_with_hreflang_alternates_and_dates(sitemap):
    locations = sitemap.xpath("//s:url/s:loc/text()", namespaces=NS)
    for language in ("en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"):
        assert any(f"/{language}/news/" in location for location in locations), language
    assert len(sitemap.xpath("//s:url/s:lastmod", namespaces=NS)) == len(locations)
    alternates = defaultdict(set)
    for url in sitemap.xpath("//s:url", namespaces=NS):
        location = url.findtext("s:loc", namespaces=NS)
        for link in url.xpath("x:link", namespaces=NS):
            alternates[location].add(link.get("hreflang"))
    assert {"en", "ar", "ur", "zh-hans", "x-default"} <= alternates["http://localhost/ar/practices/whanau-ora/"]
    # hreflang pairs only for translations that exist: an English-only practice has none.
    assert alternates["http://localhost/en/practices/barefoot-college/"] == set()


def test_unreviewed_practices_and_drafts_are_left_out(client, locales):
    index = PracticeIndexPage.objects.get(locale=locales["en"])
    unreviewed = PracticePageFactory(parent=index, slug="not-reviewed-yet", reviewed=False)
    draft = PracticePageFactory(parent=index, slug="still-a-draft", live=False)
    content = client.get("/sitemap.xml").content.decode()
    assert f"/{unreviewed.slug}/" not in content and f"/{draft.slug}/" not in content


def test_robots_txt_points_to_the_sitemap(client):
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").content.decode()
