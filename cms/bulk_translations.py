"""Translations made in bulk: what wagtail-localize's `Translation.save_target(publish=True)` makes
of N pages or snippets not yet in a language, in a few queries per batch instead of a full Wagtail
save (copy, save, revision, publish) of each (`cms.demo.translate_missing`: seeding; issue 17).

Each translation is made from wagtail-localize's own pieces: the original copied as Wagtail copies
it for translation (`_copy`, `copy_for_translation`), the synchronised fields
(`copy_synchronised_fields`) and the translated segments (`_get_segments_for_translation`,
`ingest_segments`) as `create_or_update_translation` gives them; then stored in bulk
(`cms.bulk_pages` for pages). No model signal is sent: the caller indexes the new objects (search,
references); `page_published` receivers do not run (seeding pauses what they would do).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from django.utils.text import slugify
from wagtail.models import Locale, Page, PageViewRestriction, TranslatableMixin
from wagtail.models.copying import _copy
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import TranslationLog, TranslationSource
from wagtail_localize.segments.ingest import ingest_segments

from cms import bulk_pages


def translate_pages(items: Sequence[tuple[TranslationSource, Page]], locale: Locale, user=None) -> list[Page]:
    """Translate pages into `locale`, published: what `Translation.save_target(user, publish=True)`
    makes of each (source, original specific page) whose translation key has no page in `locale`
    yet (neither a translation nor an alias) and whose parent is translated (by then: parents may
    come first in `items`), in order; the strings are those stored for `locale` (the source's
    where one is missing, as `save_target`). The translations are returned in the order of `items`.

    Each translation is the original copied as `copy_for_translation` copies it (Wagtail's `_copy`:
    the same fields, child objects and many-to-many values, in the new locale, not live), given the
    synchronised fields and translated segments (wagtail-localize's `copy_synchronised_fields` and
    `ingest_segments`), a free slug under the translated parent, one revision and published: one
    revision where `save_target` saves two (the copy's, then the translated one), the log entries
    `wagtail.copy_for_translation` and `wagtail.publish`, a `TranslationLog`, the original's view
    restriction. Not done (the caller's, see `cms.demo.translate_missing`): the search and
    reference indexes, and what receivers of `page_published` do."""
    if not items:
        return []
    locales = Locale.objects.in_bulk()
    originals = [original for _source, original in items]
    parents = {
        page.path: page for page in Page.objects.filter(path__in={page.path[: -Page.steplen] for page in originals})
    }
    translated: dict[object, Page] = {}  # by translation key: the parents in `locale`, then each copy made here
    taken: dict[object, set[str]] = {}  # by the translated parent's translation key: its children's slugs
    copies: list[tuple[Page, Page, Page, Page]] = []  # (copy, its parent, the original, the original's parent)
    for source, original in items:
        parent = parents[original.path[: -Page.steplen]]
        key = parent.translation_key
        if key not in translated:
            translated[key] = Page.objects.get(translation_key=key, locale=locale)
            taken[key] = set(translated[key].get_children().values_list("slug", flat=True))
        copy, child_objects = _copy(
            original,
            exclude_fields=original.default_exclude_fields_in_copy + original.exclude_fields_in_copy,
            update_attrs={
                "live": False,
                "has_unpublished_changes": True,
                "live_revision": None,
                "first_published_at": None,
                "last_published_at": None,
                "alias_of": None,
                "locale": locale,
            },
        )
        for child_object in child_objects.values():
            if isinstance(child_object, TranslatableMixin):
                child_object.locale = locale
        copy_synchronised_fields(original, copy)
        segments = source._get_segments_for_translation(locale, fallback=True)
        ingest_segments(original, copy, locales[original.locale_id], locale, segments)
        copy.slug = bulk_pages.free_slug(slugify(copy.slug), taken[key])
        translated[original.translation_key], taken[original.translation_key] = copy, set()
        copies.append((copy, translated[key], original, parent))
    pages = [copy for copy, *_rest in copies]
    for (parent, model), run in groupby(copies, key=lambda row: (row[1], type(row[0]))):
        siblings = [copy for copy, *_rest in run]
        bulk_pages.add_children(parent, siblings)
        bulk_pages.add_child_objects(model, siblings)
    copied = {
        copy.pk: {
            "page": {
                "id": copy.pk,
                "title": original.get_admin_display_title(),
                "locale": _locale_data(locale),
            },  # as copied
            "source": {"id": parent.pk, "title": parent.get_admin_display_title()},
            "destination": {"id": destination.pk, "title": destination.get_admin_display_title()},
            "keep_live": False,
            "source_locale": _locale_data(locales[original.locale_id]),
        }
        for copy, destination, original, parent in copies
    }
    bulk_pages.log_entries(pages, "wagtail.copy_for_translation", data=lambda page: copied[page.pk])
    # save_target saves the revision as the translator and publishes it on commit, as nobody.
    revisions = bulk_pages.save_revisions(pages, user)
    bulk_pages.publish(pages, revisions)
    TranslationLog.objects.bulk_create(
        [
            TranslationLog(source=source, locale=locale, revision=revision)
            for (source, _original), revision in zip(items, revisions, strict=True)
        ]
    )
    _copy_view_restrictions({original.pk: copy for copy, _parent, original, _original_parent in copies})
    return pages


def _locale_data(locale: Locale) -> dict:
    return {"id": locale.pk, "language_code": locale.language_code}


def _copy_view_restrictions(by_original: dict[int, Page]) -> None:
    """wagtail-localize's `sync_view_restrictions` for new translations: the original's restriction."""
    for restriction in PageViewRestriction.objects.filter(page_id__in=by_original):
        groups = list(restriction.groups.all())
        restriction.pk, restriction.page = None, by_original[restriction.page_id]
        restriction._state.adding = True
        restriction.save()
        restriction.groups.set(groups)


def translate_snippets(
    items: Sequence[tuple[TranslationSource, TranslatableMixin]], locale: Locale
) -> list[TranslatableMixin]:
    """Translate snippets (one model; no drafts or revisions) into `locale`: what `save_target`
    makes of each (source, original) not yet in `locale`, a `copy_for_translation` with the
    synchronised fields and translated segments, validated (`full_clean`; the database checks the
    unique constraints), inserted in one statement, with its `TranslationLog`."""
    if not items:
        return []
    locales = Locale.objects.in_bulk()
    copies = []
    for source, original in items:
        copy = original.copy_for_translation(locale)
        copy_synchronised_fields(original, copy)
        segments = source._get_segments_for_translation(locale, fallback=True)
        ingest_segments(original, copy, locales[source.locale_id], locale, segments)
        copy.full_clean(validate_unique=False)
        copies.append(copy)
    type(copies[0])._default_manager.bulk_create(copies, batch_size=bulk_pages.BATCH)
    TranslationLog.objects.bulk_create([TranslationLog(source=source, locale=locale) for source, _original in items])
    return copies
