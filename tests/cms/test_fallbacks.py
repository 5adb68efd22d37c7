"""Every reader reaches everything: an item published in one language is listed once and readable
under every language prefix (a Wagtail alias, marked in its own language), until its translation
replaces it."""

from __future__ import annotations

import datetime
import re

import pytest
from django.conf import settings
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms import fallbacks, translation_status  # noqa: F401
from community.models import ConsultationIndexPage, ConsultationPage
from events.factories import ForumEditionPageFactory
from events.models import ForumIndexPage
from news.factories import NewsPageFactory
from news.models import NewsIndexPage
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage
from reports.factories import PolicyBriefPageFactory, ReportPageFactory
from reports.models import ReportIndexPage

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def _parent(model, locale):
    return model.objects.get(locale=locale)


def make_practice(locale, title):
    return PracticePageFactory(parent=_parent(PracticeIndexPage, locale), title=title, themes=["health"])


def make_news(locale, title):
    return NewsPageFactory(parent=_parent(NewsIndexPage, locale), title=title)


def make_report(locale, title):
    return ReportPageFactory(parent=_parent(ReportIndexPage, locale), title=title)


def make_brief(locale, title):
    return PolicyBriefPageFactory(parent=_parent(ReportIndexPage, locale), title=title)


def make_forum_edition(locale, title):
    return ForumEditionPageFactory(
        parent=_parent(ForumIndexPage, locale),
        title=title,
        start_date=datetime.date(2029, 5, 1),
        end_date=datetime.date(2029, 5, 3),
    )


def make_consultation(locale, title):
    parent = _parent(ConsultationIndexPage, locale)
    page = ConsultationPage(
        title=title,
        slug=re.sub(r"\W+", "-", title.lower()).strip("-"),
        locale=locale,
        opens_at=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(2027, 1, 31, tzinfo=datetime.UTC),
    )
    return parent.add_child(instance=page)


# content type -> (factory, listing path under /<lang>/)
CONTENT_TYPES = {
    "practice": (make_practice, "practices/"),
    "news": (make_news, "news/"),
    "report": (make_report, "reports/"),
    "brief": (make_brief, "reports/"),
    "forum edition": (make_forum_edition, "events/forum/"),
    "consultation": (make_consultation, "consultations/"),
}


def listing_path(kind: str, code: str) -> str:
    model = {
        "practice": PracticeIndexPage,
        "news": NewsIndexPage,
        "report": ReportIndexPage,
        "brief": ReportIndexPage,
        "forum edition": ForumIndexPage,
        "consultation": ConsultationIndexPage,
    }[kind]
    url = model.objects.get(locale__language_code=code).url
    return f"{url}?sort=title" if kind == "practice" else url


def links_to(content: str, page: Page) -> int:
    return len(re.findall(rf'href="{re.escape(page.url)}"', content))


@pytest.mark.parametrize("kind", CONTENT_TYPES)
@pytest.mark.parametrize("source", ["en", "bn"])
def test_item_in_one_language_is_listed_once_and_readable_in_all_ten(client, locales, kind, source):
    make, _listing = CONTENT_TYPES[kind]
    title = f"Aaa only in {source}: {kind} for every reader"  # first in an alphabetical listing
    original = publish(make(locales[source], title))
    copies = {page.locale.language_code: page for page in Page.objects.filter(translation_key=original.translation_key)}
    assert sorted(copies) == sorted(LANGUAGES)
    source_dir = "rtl" if source in settings.RTL_LANGUAGES else "ltr"
    canonical = f'<link rel="canonical" href="http://localhost{original.url}">'
    for code in LANGUAGES:
        page = copies[code]
        listing = client.get(listing_path(kind, code)).content.decode()
        assert links_to(listing, page) >= 1, (code, listing_path(kind, code))
        # Listed once; a map of places repeats it in its table, the map's text alternative.
        entries = re.sub(r'<details class="world-map__table">.*?</details>', "", listing, flags=re.S)
        assert len(re.findall(rf">\s*{re.escape(title)}\s*<", entries)) == 1, code
        response = client.get(page.url)
        assert response.status_code == 200, (code, page.url)
        content = response.content.decode()
        assert f'<html lang="{code}"' in content
        assert canonical in content
        if code == source:
            assert 'class="fallback-content"' not in content
        else:
            assert page.alias_of_id == original.pk
            assert f'<div class="fallback-content" lang="{source}" dir="{source_dir}">' in content
            assert "translation-notice--fallback" in content


def translate_and_publish(page: Page, code: str) -> Page:
    """What a translator and a moderator do in wagtail-localize, in one step."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code=code))
    translation.save_target(publish=True)
    return Page.objects.get(translation_key=page.translation_key, locale__language_code=code).specific


@pytest.mark.parametrize("kind", ["practice", "news", "consultation"])
def test_published_translation_replaces_the_fallback(client, locales, kind):
    make, _listing = CONTENT_TYPES[kind]
    original = publish(make(locales["en"], f"Aab soon in Arabic: {kind}"))
    alias = Page.objects.get(translation_key=original.translation_key, locale=locales["ar"])
    assert alias.alias_of_id == original.pk
    arabic = translate_and_publish(original, "ar")
    assert arabic.pk == alias.pk and arabic.alias_of_id is None  # converted in place, never two pages
    assert Page.objects.filter(translation_key=original.translation_key, locale=locales["ar"]).count() == 1
    listing = client.get(listing_path(kind, "ar")).content.decode()
    assert links_to(listing, arabic) == listing.count(f'href="{arabic.url}"') >= 1
    content = client.get(arabic.url).content.decode()
    assert 'class="fallback-content"' not in content
    assert f'<link rel="canonical" href="http://localhost{arabic.url}">' in content


def test_every_language_lists_every_public_practice_with_the_same_facet_counts(client):
    keys = set(PracticePage.objects.live().filter(alias_of__isnull=True).values_list("translation_key", flat=True))
    counts = {}
    for code in LANGUAGES:
        content = client.get(f"/{code}/practices/").content.decode()
        total = int(re.search(r'id="practice-results-heading"[^>]*>\s*([\d,]+)', content).group(1).replace(",", ""))
        health = re.search(
            r'name="theme" value="health"[^>]*>\s*<label[^>]*>[^<]*<span class="facet__count">\((\d+)\)', content
        )
        counts[code] = (total, health.group(1) if health else None)
    assert len(set(counts.values())) == 1, counts
    assert counts["ar"][0] == len(keys) > 30  # the 38 demo practices, 6 of them translated
