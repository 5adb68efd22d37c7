"""The home page as the Panel's front door (issue 23): the flagship report with its cover and key
messages, the open consultation, the next Forum and World Social Progress Day, the latest practices
on the world map and the latest stories, in every language; sections without content are left out;
the queries stay few and do not grow with the content."""

from __future__ import annotations

import datetime
import re

import pytest
from wagtail.models import Page

from cms import fallbacks
from community.models import ConsultationPage
from events.models import ForumEditionPage, SocialProgressDayPage
from news.factories import NewsPageFactory
from news.models import NewsIndexPage, NewsPage
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage
from reports.factories import ReportPageFactory
from reports.models import ReportIndexPage, ReportPage
from tests.queries import cold_queries, warm_queries

pytestmark = pytest.mark.django_db
RTL = {"ar", "ur"}


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def section(content: str, heading_id: str) -> str:
    """The <section> labelled by `heading_id` (empty when the page has none)."""
    match = re.search(rf'<section [^>]*aria-labelledby="(?:[\w-]+ )?{heading_id}".*?</section>', content, re.S)
    return match.group(0) if match else ""


@pytest.mark.parametrize("language", ["en", "ar", "hi", "zh-hans"])
def test_every_section_of_the_front_door_is_there_in_the_readers_language(client, language):
    content = client.get(f"/{language}/").content.decode()
    direction = "rtl" if language in RTL else "ltr"
    assert re.search(rf'<html lang="{language}" dir="{direction}">', content)

    flagship = section(content, "flagship-heading")
    assert 'class="cover cover--theme-' in flagship  # the generated cover, drawn in the report's language
    assert f'lang="{language}"' in flagship
    assert len(re.findall(r"<li>", flagship.split('class="home-messages"')[1].split("</ol>")[0])) == 3
    assert re.search(rf'<a class="button" href="/{language}/reports/rethinking-society/">', flagship)

    act = section(content, "act-heading")
    assert f'href="/{language}/consultations/cities-and-the-right-to-housing/"' in act
    assert re.search(rf'<a class="button" href="/{language}/consultations/cities-and-the-right-to-housing/">', act)
    # The next Forum takes registrations here; the 2026 Day is past, so its declaration is offered.
    assert f'href="/{language}/events/forum/2027-dhaka/register/"' in act
    assert f'<a class="button" href="/{language}/events/day-2026/">' in act

    practices = section(content, "practices-heading")
    assert 'id="home-practices-map"' in practices  # the shared world map (cms/includes/world_map.html)
    assert re.search(rf'<a href="/{language}/practices/\?country=[A-Z]{{2}}" class="world-map__country', practices)
    assert practices.count('class="home-list__title"') == 3

    news = section(content, "latest-news-heading")
    assert news.count(f'href="/{language}/news/') >= 3
    assert 'href="/en/news/' not in content or language == "en"


def test_the_home_page_loads_its_own_stylesheet_and_the_covers(client):
    content = client.get("/en/").content.decode()
    assert '<link rel="stylesheet" href="/static/cms/css/home.css">' in content
    assert '<link rel="stylesheet" href="/static/reports/css/reports.css">' in content
    assert "home.css" not in client.get("/en/about/").content.decode()


def test_content_not_yet_translated_shows_in_its_own_language_and_direction(client, locales):
    index = PracticeIndexPage.objects.get(locale=locales["en"])
    publish(PracticePageFactory(parent=index, title="Aaa neighbourhood water boards", slug="water-boards"))
    news = NewsIndexPage.objects.get(locale=locales["en"])
    publish(NewsPageFactory(parent=news, title="Aaa a story told in English", slug="english-story"))
    content = client.get("/ar/").content.decode()
    practices = section(content, "practices-heading")
    assert '<a class="home-list__title" href="/ar/practices/water-boards/" lang="en" dir="ltr">' in practices
    assert 'class="fallback-mark"' in practices
    stories = section(content, "latest-news-heading")
    assert re.search(r'<h3 class="card__title" lang="en" dir="ltr"><a href="/ar/news/english-story/">', stories)


def test_sections_without_content_are_left_out(client, locales):
    english = locales["en"]
    for model in (ReportPage, ConsultationPage, ForumEditionPage, SocialProgressDayPage, PracticePage, NewsPage):
        model.objects.filter(locale=english).update(live=False)
    response = client.get("/en/")
    assert response.status_code == 200
    content = response.content.decode()
    for heading in ("flagship-heading", "act-heading", "practices-heading", "latest-news-heading"):
        assert heading not in content, heading
    for empty_box in ("home-panel", "home-flagship", "world-map", "home-list", 'class="cards"'):
        assert empty_box not in content, empty_box
    assert "Read the report" not in content  # the hero's call has nowhere to go
    assert '<a class="home-button-secondary" href="/en/take-part/">' in content
    assert 'id="mission-heading"' in content


def test_one_missing_call_to_act_leaves_the_others(client, locales):
    ConsultationPage.objects.filter(locale=locales["en"]).update(live=False)
    SocialProgressDayPage.objects.filter(locale=locales["en"]).update(live=False)
    act = section(client.get("/en/").content.decode(), "act-heading")
    assert act.count('class="home-panel ') == 1
    assert "home-panel--forum" in act


def test_the_day_counts_down_on_the_server(client, locales):
    for language in ("en", "ar"):  # the date is synchronised when translations sync; set it in both
        day = SocialProgressDayPage.objects.get(slug="day-2026", locale=locales[language])
        day.start_date = datetime.date.today() + datetime.timedelta(days=12)
        publish(day)
    act = section(client.get("/en/").content.decode(), "act-heading")
    assert '<p class="home-countdown">in 12 days</p>' in act
    assert "Latest declaration" not in act
    arabic = section(client.get("/ar/").content.decode(), "act-heading")
    assert '<p class="home-countdown">بعد 12 يومًا</p>' in arabic


def test_editors_choose_the_flagship_report_in_every_language(client, english_home, locales):
    index = ReportIndexPage.objects.get(locale=locales["en"])
    newer = publish(ReportPageFactory(parent=index, title="Aaa a newer report", slug="newer", edition_year=2030))
    flagship = section(client.get("/en/").content.decode(), "flagship-heading")
    assert 'href="/en/reports/newer/"' in flagship  # without a choice: the newest report
    chosen = ReportPage.objects.get(slug="rethinking-society", locale=locales["en"])
    for home in Page.objects.filter(depth=2):
        home = home.specific
        home.flagship_report = chosen
        publish(home)
    assert 'href="/en/reports/rethinking-society/"' in section(client.get("/en/").content.decode(), "flagship-heading")
    arabic = section(client.get("/ar/").content.decode(), "flagship-heading")
    assert 'href="/ar/reports/rethinking-society/"' in arabic  # the chosen report's Arabic translation
    assert newer.title not in arabic


def queries(client, url: str) -> tuple[int, int]:
    """The home page's queries warm, and on the first request after a content change."""
    return len(warm_queries(client, url)), len(cold_queries(client, url))


def add_content(locales, count: int, offset: int, language: str) -> None:
    """`count` more English practices, stories and reports (fallbacks in `language` if it is another)."""
    english = locales["en"]
    practices = PracticeIndexPage.objects.get(locale=english)
    news = NewsIndexPage.objects.get(locale=english)
    reports = ReportIndexPage.objects.get(locale=english)
    with fallbacks.paused():  # only the measured language's fallbacks, not nine languages' of each page
        for number in range(offset, offset + count):
            for page in (
                PracticePageFactory(parent=practices, countries=["KE", "IN"][: number % 2 + 1]),
                NewsPageFactory(parent=news),
                ReportPageFactory(parent=reports, slug=f"more-{number}", edition_year=2019 + number),
            ):
                publish(page)
                if language != "en":
                    fallbacks.sync_item(page.translation_key, [locales[language]])


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_front_door_queries_do_not_grow_with_the_content(client, locales, language):
    # In Arabic the new items are fallbacks: reading their original language is one query for all.
    add_content(locales, 2, 0, language)
    before = queries(client, f"/{language}/")
    add_content(locales, 6, 2, language)
    after = queries(client, f"/{language}/")
    assert after == before
    # Warm, what depends only on content is cached (`home.front_door.sections`); the first request
    # after a change also reads the sites, the chrome and the practices catalogue again.
    assert after[0] <= {"en": 6, "ar": 7}[language] and after[1] <= {"en": 20, "ar": 21}[language]


def test_a_story_published_is_on_every_front_door_on_the_next_request(client, locales):
    """The latest stories are kept in the cache until any content changes: a new one is shown at
    once, in English and, as a fallback, in every other language."""
    for language in locales:
        client.get(f"/{language}/")  # cached now
    story = NewsPageFactory(parent=NewsIndexPage.objects.get(locale=locales["en"]), title="Quorvane harvest")
    publish(story)
    for language in locales:
        content = client.get(f"/{language}/").content.decode()
        assert "Quorvane harvest" in section(content, "latest-news-heading"), language
