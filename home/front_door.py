"""The home page's sections, one query each (those that depend only on content kept in the cache
until any content changes, `sections`): the flagship report, the open consultation, the next
Forum, World Social Progress Day (its countdown, else the latest declaration), the latest practices
with their world map, and the latest stories.

Every section reads the home page's own language, fallbacks (aliases of items not translated yet)
included, so no language's front door is emptier than another's; the template marks a fallback's
language (`item_language`). A section whose content is missing is None or empty and the template
leaves it out. The number of queries does not depend on the amount of content.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Case, F, OuterRef, Q, QuerySet, Subquery, Value, When
from django.http import HttpRequest
from django.utils import timezone

from cms import geography, maps

LATEST_PRACTICES = 3
LATEST_STORIES = 3


def flagship_report(home):
    """The report chosen on the home page in this language (or its fallback), else the newest report."""
    from reports.models import ReportPage

    queryset = ReportPage.objects.live().public().filter(locale_id=home.locale_id)
    if home.flagship_report_id:
        chosen = ReportPage.objects.filter(pk=home.flagship_report_id).values("translation_key")[:1]
        queryset = queryset.annotate(
            chosen=Case(When(translation_key=Subquery(chosen), then=Value(1)), default=Value(0))
        ).order_by("-chosen", "-edition_year", "-first_published_at")
    else:
        queryset = queryset.order_by("-edition_year", "-first_published_at")
    return (
        queryset.defer_streamfields()
        .select_related("theme", "cover_image")
        .prefetch_related("cover_image__renditions")
        .first()
    )


def next_forum(home):
    """The next edition of the Forum (or the one under way), in this language."""
    from events.models import ForumEditionPage

    # Editions still under way count: `has_ended` decides at the venue, so the query takes those whose
    # last day is at most a day behind UTC's date, and the first that has not ended wins.
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    editions = (
        ForumEditionPage.objects.descendant_of(home)
        .live()
        .public()
        .filter(Q(end_date__gte=yesterday) | Q(end_date__isnull=True, start_date__gte=yesterday))
        .defer_streamfields()
        .order_by("start_date")[:3]
    )
    return next((edition for edition in editions if not edition.has_ended), None)


@dataclass
class DayFeature:
    page: object
    days_to_go: int | None  # None when the Day is past: the section shows its declaration


def social_progress_day(home) -> DayFeature | None:
    """The next World Social Progress Day when it is published, else the latest one (its declaration).

    One query: upcoming Days first, nearest first, then past ones, latest first. A declaration
    released at a set time is not live before then, so an embargoed Day never shows here early."""
    from events.models import SocialProgressDayPage

    today = timezone.localdate()
    page = (
        SocialProgressDayPage.objects.descendant_of(home)
        .live()
        .public()
        .annotate(upcoming_date=Case(When(start_date__gte=today, then=F("start_date"))))
        .defer_streamfields()
        .order_by(F("upcoming_date").asc(nulls_last=True), "-start_date")
        .first()
    )
    if page is None:
        return None
    local_today = timezone.now().astimezone(page.zone).date()
    days = (page.start_date - local_today).days
    return DayFeature(page=page, days_to_go=days if days >= 0 else None)


def latest_practices(public: QuerySet, language: str) -> list:
    """The newest of `public` (the reviewed practices of the home page's language), each with the
    code of its first country."""
    from practices.models import PracticePage

    first_country = PracticePage.countries.through.objects.filter(practicepage_id=OuterRef("pk")).order_by("id")
    practices = list(
        public.annotate(country_code=Subquery(first_country.values("country_id")[:1]))
        .order_by("-first_published_at", "-id")
        .only("id", "title", "url_path", "path", "depth", "locale_id", "alias_of_id", "start_year")[:LATEST_PRACTICES]
    )
    for practice in practices:
        practice.country_name = geography.country_name(practice.country_code, language) if practice.country_code else ""
    return practices


def practices_map(home, index_url: str, language: str) -> maps.WorldMap:
    """Every reviewed practice of the home page's language by country (the practices catalogue,
    shared with the listing), each country a link to the listing filtered by it: the same map
    and words as the listing's."""
    from practices.browsing import practices_by_country, practices_world_map

    return practices_world_map(
        practices_by_country(home.locale),
        url=lambda code: f"{index_url}?country={code}",
        language=language,
        element_id="home-practices-map",
    )


def latest_stories(home) -> list:
    from news.models import NewsPage

    return list(
        NewsPage.objects.descendant_of(home)
        .live()
        .public()
        .defer_streamfields()
        .order_by("-date", "-first_published_at")[:LATEST_STORIES]
    )


def sections(home, request: HttpRequest, language: str) -> dict:
    """Everything the home page shows below its hero, by section. What depends only on content
    (the flagship report, the latest practices and their map, the latest stories) is kept in the
    cache until any content changes (`BasePage.readers_context`); what depends on the date too (the
    open consultations, the next Forum, World Social Progress Day) is read on every request."""
    from cms.templatetags.cms_tags import chrome_child  # the chrome's query finds the index pages
    from community.take_part import open_consultations  # closing soonest first, fallbacks included

    practice_index = chrome_child(request, home, "practices.PracticeIndexPage")
    index_url = practice_index.get_url(request) if practice_index is not None else None
    content = lambda: _content_sections(home, index_url, language)  # noqa: E731
    shared = home.readers_context(request, "front-door", content, index_url)
    consultations = open_consultations(home)
    return {
        **shared,
        "reports_index": chrome_child(request, home, "reports.ReportIndexPage"),
        "consultation": consultations[0] if consultations else None,
        "more_consultations": consultations[1:3],
        "take_part": chrome_child(request, home, "community.TakePartPage"),
        "forum": next_forum(home),
        "day": social_progress_day(home),
        "practice_index": practice_index,
        "news_index": chrome_child(request, home, "news.NewsIndexPage"),
    }


def _content_sections(home, index_url: str | None, language: str) -> dict:
    from practices.browsing import public_practices

    practices = latest_practices(public_practices(home.locale), language)
    return {
        "flagship": flagship_report(home),
        "practices": practices,
        "practices_map": practices_map(home, index_url, language) if index_url is not None and practices else None,
        "latest_news": latest_stories(home),
    }
