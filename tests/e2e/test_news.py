"""The news stream in a real browser: a Chinese reader follows a story to the practice it is about."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_chinese_reader_follows_a_story_to_its_practice_and_the_card_tags_are_right(live_site, page, axe):
    page.goto(f"{live_site}/zh-hans/news/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    assert axe(page) == []
    page.locator(".news-card a[href$='/participatory-budgeting-in-the-portal/']").click()
    expect(page).to_have_url(f"{live_site}/zh-hans/news/participatory-budgeting-in-the-portal/")
    title = page.locator("h1").inner_text()
    assert page.locator('meta[property="og:title"]').get_attribute("content") == title
    assert page.locator('meta[property="og:locale"]').get_attribute("content") == "zh_CN"
    assert page.locator('meta[property="og:type"]').get_attribute("content") == "article"
    assert page.locator('meta[name="twitter:card"]').get_attribute("content") == "summary_large_image"
    image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert page.request.get(image).status == 200
    canonical = page.locator('link[rel="canonical"]').get_attribute("href")
    assert canonical.endswith("/zh-hans/news/participatory-budgeting-in-the-portal/")
    assert axe(page) == []

    page.locator("a[href='/zh-hans/practices/participatory-budgeting-porto-alegre/']").click()
    expect(page).to_have_url(f"{live_site}/zh-hans/practices/participatory-budgeting-porto-alegre/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    assert page.locator('meta[property="og:locale"]').get_attribute("content") == "zh_CN"


@pytest.mark.parametrize(
    "url", ["/en/news/", "/ar/news/", "/en/news/call-for-practices-2027/", "/ar/news/call-for-practices-2027/"]
)
def test_news_pages_have_no_accessibility_violations(live_site, page, axe, url):
    page.goto(f"{live_site}{url}")
    assert axe(page) == []
