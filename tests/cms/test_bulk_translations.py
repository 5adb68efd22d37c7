"""Seeding translates pages in bulk (`cms.bulk_pages.add_translations`, used by
`cms.demo.translate_missing`): the same translations as wagtail-localize's
`Translation.save_target`, page by page, in a few queries per batch (issue 17: seeding in seconds)."""

import json

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageLogEntry, PageViewRestriction, ReferenceIndex
from wagtail_localize.models import TranslationLog

from cms.demo import SeedContext, translate, translate_missing
from cms.sharing import demo as sharing_demo
from cms.sharing.models import ShareKit
from community.consultations import demo as consultations_demo
from community.models import ConsultationPage, PartnerPage
from community.partners import demo as partners_demo
from events import demo as events_demo
from events.models import AwardEditionPage, PressRoomPage
from home import demo as home_demo
from home.models import StandardPage
from news import demo as news_demo
from news.models import NewsPage
from practices import demo as practices_demo
from practices.models import PracticePage
from reports import demo as reports_demo
from reports.models import ChapterPage

pytestmark = pytest.mark.django_db

# Child objects (contributors, results, sections), many-to-many values, a foreign key shared by every
# language (the partner), a view restriction (the press room), StreamFields and rich text.
PAGE_TYPES = [
    ChapterPage,
    PartnerPage,
    NewsPage,
    ConsultationPage,
    AwardEditionPage,
    PracticePage,
    StandardPage,
    PressRoomPage,
]
# Pages with child objects or many-to-many values: the one picked has some.
HOLDING = {
    ChapterPage: "contributors",
    ConsultationPage: "sections",
    PracticePage: "themes",
}
# The demo's strings of each page type (each seeder's translations).
CATALOGUES = {
    ChapterPage: reports_demo.catalogue,
    PartnerPage: partners_demo.catalogue,
    NewsPage: news_demo.catalogue,
    ConsultationPage: consultations_demo.catalogue,
    AwardEditionPage: events_demo.catalogue,
    PracticePage: practices_demo.catalogue,
    StandardPage: home_demo.catalogue,
    PressRoomPage: events_demo.catalogue,
}
MOMENTS = ("latest_revision_created_at", "first_published_at", "last_published_at", "locked_at")


def originals(locale: Locale) -> list[Page]:
    """One English page of each type without children and with a translation (not an alias) in `locale`."""
    pages = []
    for model in PAGE_TYPES:
        translated = model.objects.filter(locale=locale, alias_of__isnull=True).values("translation_key")
        candidates = model.objects.filter(locale__language_code="en", numchild=0, translation_key__in=translated)
        if model in HOLDING:
            candidates = candidates.filter(**{f"{HOLDING[model]}__isnull": False}).distinct()
        page = candidates.order_by("path").first()
        assert page is not None, f"the demo has no {model.__name__} to translate"
        pages.append(page)
    return pages


def comparable(data: dict, page_pk: int) -> dict:
    """A page's `serializable_data()` (or a revision's content) without what differs from one copy to
    another: its own ids and the moments it was made."""
    kept = {}
    for name, value in data.items():
        if name in ("pk", "page_ptr", "latest_revision", "live_revision", *MOMENTS):
            continue
        if isinstance(value, str) and value.startswith("[{"):  # a StreamField's JSON: its blocks, in any key order
            value = json.loads(value)
        elif isinstance(value, list) and value and isinstance(value[0], dict):  # child objects
            value = [{key: item for key, item in child.items() if key != "pk" and item != page_pk} for child in value]
        kept[name] = value
    return kept


def snapshot(translation: Page) -> dict:
    page = Page.objects.get(pk=translation.pk).specific
    restriction = PageViewRestriction.objects.filter(page=page).first()
    copied = PageLogEntry.objects.get(page=page, action="wagtail.copy_for_translation").data
    return {
        "content": comparable(page.serializable_data(), page.pk),
        "revision": comparable(page.get_latest_revision().content, page.pk),
        "state": (
            page.live,
            page.has_unpublished_changes,
            page.expired,
            page.live_revision_id == page.latest_revision_id,
        ),
        "published": (page.first_published_at is not None, page.last_published_at == page.first_published_at),
        "place": (page.get_parent().pk, page.url_path, page.depth, page.get_parent().numchild),
        "restriction": (restriction.restriction_type, sorted(restriction.groups.values_list("name", flat=True)))
        if restriction
        else None,
        "logged": {key: value for key, value in copied.items() if key != "page"} | {"title": copied["page"]["title"]},
        "published logged": PageLogEntry.objects.filter(
            page=page, action="wagtail.publish", revision=page.live_revision
        ).exists(),
        "translation log": TranslationLog.objects.filter(locale=page.locale, revision=page.live_revision).count(),
    }


def differences(one: dict, other: dict) -> dict:
    """What differs between two snapshots (nested dicts), to read in a failure."""
    return {
        key: differences(one[key], other[key])
        if isinstance(one.get(key), dict) and isinstance(other.get(key), dict)
        else (one.get(key), other.get(key))
        for key in {*one, *other}
        if one.get(key) != other.get(key)
    }


def translate_and_roll_back(pages: list[Page], locale: Locale, bulk: bool, capture) -> dict:
    """Delete the pages' translations into `locale` (wagtail-localize then forgets their strings), make
    them again from the demo's strings (in bulk by `translate_missing`, or one by one through
    wagtail-localize's `save_target`), snapshot them, roll back."""
    with transaction.atomic():
        for page in pages:
            page.get_translation(locale).delete()
        for page in pages:
            if bulk:
                translate_missing(
                    [page], SeedContext(log=print, languages=[locale.language_code]), CATALOGUES[type(page)]
                )
            else:
                with capture(execute=True):  # wagtail-localize publishes when the transaction commits
                    translate(page, locale, CATALOGUES[type(page)])
        made = [page.get_translation(locale) for page in pages]
        result = {type(page).__name__: snapshot(translation) for page, translation in zip(pages, made, strict=True)}
        result["tree problems"] = [len(problem) for problem in Page.find_problems()]
        transaction.set_rollback(True)
    return result


def test_bulk_translations_are_the_translations_wagtail_localize_makes(django_capture_on_commit_callbacks):
    french = Locale.objects.get(language_code="fr")
    pages = originals(french)

    one_by_one = translate_and_roll_back(pages, french, bulk=False, capture=django_capture_on_commit_callbacks)
    bulk = translate_and_roll_back(pages, french, bulk=True, capture=django_capture_on_commit_callbacks)

    assert bulk.pop("tree problems") == one_by_one.pop("tree problems") == [0, 0, 0, 0, 0]
    assert set(bulk) == {model.__name__ for model in PAGE_TYPES}
    for name, expected in one_by_one.items():
        assert bulk[name] == expected, (name, differences(bulk[name], expected))
    assert bulk["PressRoomPage"]["restriction"] is not None
    for model, relation in HOLDING.items():
        assert bulk[model.__name__]["content"][relation], model
    assert bulk["PartnerPage"]["content"]["countries"]
    assert bulk["StandardPage"]["content"]["title"] != pages[PAGE_TYPES.index(StandardPage)].title  # translated
    assert all(page["state"] == (True, False, False, True) for page in bulk.values())


def test_a_slug_taken_in_the_language_gets_a_number_as_wagtail_localize_gives_it():
    french = Locale.objects.get(language_code="fr")
    english = originals(french)[PAGE_TYPES.index(StandardPage)]
    translation = english.get_translation(french)
    parent = translation.get_parent()
    translation.delete()
    parent.refresh_from_db()
    parent.add_child(instance=StandardPage(title="Autre", slug=english.slug, locale=french))

    translate_missing([english], SeedContext(log=print, languages=["fr"]), home_demo.catalogue)

    page = english.get_translation(french)
    assert page.slug == f"{english.slug}-1"
    assert page.url_path == f"{parent.url_path}{english.slug}-1/"
    assert page.live


def test_seeding_translates_missing_pages_in_bulk_into_the_indexes(django_assert_max_num_queries):
    """`translate_missing` makes the missing translations of many pages with a few queries for each
    (wagtail-localize's `save_target` runs about 180), and the new pages can be searched and have
    their references."""
    french = Locale.objects.get(language_code="fr")
    chapters = list(ChapterPage.objects.filter(locale__language_code="en", numchild=0).order_by("path")[:12])
    assert len(chapters) == 12
    for chapter in chapters:
        chapter.get_translation(french).delete()
    context = SeedContext(log=lambda message: None, languages=["fr"])

    with CaptureQueriesContext(connection) as four:
        translate_missing(chapters[:4], context, reports_demo.catalogue)
    with CaptureQueriesContext(connection) as eight:
        translate_missing(chapters[4:], context, reports_demo.catalogue)

    assert context.translated == len(chapters)
    made = ChapterPage.objects.filter(locale=french, translation_key__in=[page.translation_key for page in chapters])
    assert made.filter(live=True).count() == len(chapters)
    per_page = (len(eight) - len(four)) / 4
    assert per_page <= 30, per_page
    title = made.order_by("path").first().title
    assert ChapterPage.objects.live().filter(locale=french).search(title).count() >= 1
    assert ReferenceIndex.objects.filter(object_id__in=[str(page.pk) for page in made]).exists()


def test_bulk_snippet_translations_are_the_ones_wagtail_localize_makes():
    """A share kit (a snippet translated with its page) made in bulk: the same row as `save_target`'s."""
    french = Locale.objects.get(language_code="fr")
    kit = ShareKit.objects.filter(locale__language_code="en", page__live=True).order_by("pk").first()
    assert kit is not None and kit.get_translation_or_none(french) is not None

    def made(bulk: bool) -> dict:
        with transaction.atomic():
            kit.get_translation(french).delete()
            if bulk:
                translate_missing([kit], SeedContext(log=print, languages=["fr"]), sharing_demo.catalogue)
            else:
                translate(kit, french, sharing_demo.catalogue)
            translation = kit.get_translation(french)
            row = {field.attname: getattr(translation, field.attname) for field in ShareKit._meta.concrete_fields}
            row["logged"] = TranslationLog.objects.filter(source__object_id=kit.translation_key, locale=french).count()
            transaction.set_rollback(True)
        return {name: value for name, value in row.items() if name != "id"}

    one_by_one, bulk = made(bulk=False), made(bulk=True)

    assert bulk == one_by_one
    assert bulk["key_message"] != kit.key_message  # translated
    assert bulk["page_id"] == kit.page.get_translation(french).pk
