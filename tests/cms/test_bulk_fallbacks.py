"""Fallback aliases are made in bulk (`cms.fallbacks.create_aliases`, used by `sync_item` and
`sync_all`): the same aliases as Wagtail's `copy_for_translation(locale, alias=True)`, page by page,
in a few queries per level of the tree (issue 17: seeding in seconds)."""

import re

import pytest
from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, PageLogEntry, ReferenceIndex

from cms import fallbacks
from events.models import AwardEditionPage, ForumEditionPage
from news.models import NewsPage
from practices.models import PracticeIndexPage, PracticePage
from tests.cms.test_bulk_translations import comparable, differences

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]

# Many-to-many values and StreamFields (practices), child objects (the Awards' categories and
# results, the Forum's sessions), rich text (news): the page types the demo has aliases of.
ALIASED = [PracticePage, NewsPage, ForumEditionPage, AwardEditionPage]


def aliased_originals(locale: Locale) -> list[Page]:
    """The original of one alias (without children) of each type in `locale`."""
    originals = []
    for model in ALIASED:
        alias = model.objects.filter(locale=locale, alias_of__isnull=False, numchild=0).order_by("path").first()
        assert alias is not None, f"the demo has no {model.__name__} alias in {locale.language_code}"
        originals.append(alias.alias_of.specific)
    return originals


def snapshot(made: Page) -> dict:
    page = Page.objects.get(pk=made.pk).specific
    parent = page.get_parent()
    logged = PageLogEntry.objects.get(page=page, action="wagtail.create_alias")
    return {
        "content": comparable(page.serializable_data(), page.pk),
        "alias": (page.alias_of_id, page.locale.language_code, page.live, page.has_unpublished_changes),
        "revision": (page.latest_revision_id, page.live_revision_id),
        "place": (parent.pk, page.path, page.url_path, page.depth, parent.numchild),
        "logged": (logged.label, logged.user_id, {key: value for key, value in logged.data.items() if key != "page"}),
        "logged title": logged.data["page"]["title"],
        "searchable": type(page).objects.filter(pk=page.pk).search(page.title).count(),
        # Where a child object refers (`results.<its id>.nomination`), without its id.
        "references": sorted(
            (content_type, object_id, re.sub(r"\.\d+\.", ".#.", path))
            for content_type, object_id, path in ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
                "to_content_type_id", "to_object_id", "content_path"
            )
        ),
    }


def alias_and_roll_back(pairs: list[tuple[Page, Locale]], bulk: bool, capture) -> dict:
    """Delete the aliases, make them again (in bulk, or one by one through Wagtail), snapshot them
    with what their signals did once the transaction commits, roll back."""
    with transaction.atomic():
        for original, locale in pairs:
            original.get_translation(locale).delete()
        with capture(execute=True):
            if bulk:
                assert fallbacks.create_aliases(pairs) == len(pairs)
            else:
                for original, locale in pairs:
                    original.copy_for_translation(locale, copy_parents=True, alias=True)
        result = {
            f"{type(original).__name__} {locale.language_code}": snapshot(original.get_translation(locale))
            for original, locale in pairs
        }
        result["tree problems"] = [len(problem) for problem in Page.find_problems()]
        transaction.set_rollback(True)
    return result


def test_bulk_aliases_are_the_aliases_wagtail_makes(django_capture_on_commit_callbacks):
    arabic, urdu = Locale.objects.get(language_code="ar"), Locale.objects.get(language_code="ur")
    # Two languages, so that two aliases land under the same parent's page in one batch.
    pairs = [(original, locale) for original in aliased_originals(arabic) for locale in (arabic, urdu)]
    assert all(original.get_translation(urdu).alias_of_id == original.pk for original, _locale in pairs)

    one_by_one = alias_and_roll_back(pairs, bulk=False, capture=django_capture_on_commit_callbacks)
    bulk = alias_and_roll_back(pairs, bulk=True, capture=django_capture_on_commit_callbacks)

    assert bulk.pop("tree problems") == one_by_one.pop("tree problems") == [0, 0, 0, 0, 0]
    assert len(bulk) == len(pairs)
    for name, expected in one_by_one.items():
        assert bulk[name] == expected, (name, differences(bulk[name], expected))
    practice = bulk["PracticePage ar"]
    assert practice["content"]["countries"] and practice["content"]["themes"]
    assert practice["searchable"] == 1
    assert bulk["AwardEditionPage ur"]["content"]["categories"]
    assert bulk["AwardEditionPage ur"]["references"]  # its results' nominations
    assert all(made["alias"][2:] == (True, False) and made["revision"][0] is None for made in bulk.values())


def test_a_practice_published_in_one_language_is_aliased_into_the_nine_others_in_one_batch(
    django_assert_max_num_queries,
):
    """What publishing in one language does (`page_published`'s receiver calls `sync_item`): nine
    aliases, made together; Wagtail's `copy_for_translation` of each ran 611 queries here, most of
    them what remains (the copy reading the practice's links, the search index's entry of each)."""
    from practices.factories import PracticePageFactory

    index = PracticeIndexPage.objects.get(locale__language_code="bn")
    practice = PracticePageFactory(parent=index, title="Jol Bondhu", themes=["health"])
    with fallbacks.paused():
        practice.save_revision().publish()

    with django_assert_max_num_queries(400):
        assert fallbacks.sync_item(practice.translation_key) == 9

    aliases = PracticePage.objects.filter(translation_key=practice.translation_key, alias_of=practice)
    assert aliases.count() == 9
    assert {alias.locale.language_code for alias in aliases} == set(LANGUAGES) - {"bn"}
    assert all(alias.url_path.endswith(f"/{practice.slug}/") for alias in aliases)
    assert [len(problem) for problem in Page.find_problems()] == [0, 0, 0, 0, 0]


def test_a_new_section_and_its_page_are_aliased_level_by_level_in_every_language(home_pages):
    """`sync_all` makes the section's aliases first, then the page's under them."""
    from home.factories import StandardPageFactory

    section = StandardPageFactory(parent=home_pages["en"], slug="bulk-section")  # live, never published:
    page = StandardPageFactory(parent=section, slug="bulk-page")  # no aliases yet

    assert fallbacks.sync_all() == 2 * (len(LANGUAGES) - 1)

    for code, home in home_pages.items():
        if code == "en":
            continue
        section_alias, page_alias = section.get_translation(home.locale), page.get_translation(home.locale)
        assert (section_alias.alias_of_id, section_alias.get_parent().pk) == (section.pk, home.pk)
        assert (page_alias.alias_of_id, page_alias.get_parent().pk) == (page.pk, section_alias.pk)
        assert page_alias.url_path == f"{home.url_path}bulk-section/bulk-page/"
    assert [len(problem) for problem in Page.find_problems()] == [0, 0, 0, 0, 0]


def test_a_page_whose_parent_has_no_page_in_the_language_is_aliased_as_wagtail_aliases_it(home_pages):
    """A draft section is no original to follow, but its live page is: Wagtail's `copy_for_translation`
    makes the section's alias on the way (`copy_parents`), as it always has."""
    from home.factories import StandardPageFactory

    section = StandardPageFactory(parent=home_pages["en"], slug="draft-section", live=False)
    page = StandardPageFactory(parent=section, slug="its-page")

    assert fallbacks.sync_all() == len(LANGUAGES) - 1

    arabic = home_pages["ar"].locale
    page_alias = page.get_translation(arabic)
    assert page_alias.alias_of_id == page.pk
    assert page_alias.get_parent().alias_of_id == section.pk
    assert page_alias.url_path == f"{home_pages['ar'].url_path}draft-section/its-page/"
    assert [len(problem) for problem in Page.find_problems()] == [0, 0, 0, 0, 0]
