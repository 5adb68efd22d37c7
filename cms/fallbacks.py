"""Every public page reaches every language: Wagtail alias pages stand in for missing translations.

When a page is published in any language, each other locale that lacks it gets an *alias* of it
(`Page.copy_for_translation(locale, alias=True)`), under the parent's translation (or the parent's
own alias). An alias shares the original's `translation_key`, is kept in step by Wagtail on every
publish of the original (`Page.update_aliases`), and is an ordinary live page of its locale: every
listing filtered by `locale`, facet counts and search include it exactly once, with no listing code
aware of it. When a translator starts translating into that language, wagtail-localize converts the
alias into the real translation in place (`TranslationSource.create_or_update_translation`), so the
item is never listed twice.

An alias is a *fallback*, never a translation: the translation status report counts it as missing,
the sitemap, feeds, hreflang alternates and the partner API leave it out, and its canonical URL is
the original's. It is rendered under the reader's language prefix with the content marked in the
original's language and direction (`cms.templatetags.cms_tags`).

Called from the `page_published`/`page_unpublished`/`post_delete` receivers in `cms.signals` and
from `manage.py sync_fallbacks` (run by `seed_demo`), which backfills existing content.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import groupby
from uuid import UUID

from django.conf import settings
from django.db import router, transaction
from django.db.models import QuerySet
from django.db.models.signals import post_save
from wagtail.models import Locale, Page, PageViewRestriction, TranslatableMixin
from wagtail.models.copying import _copy, _copy_m2m_relations

from cms import bulk_pages
from cms.pause import Pause

_pause = Pause()
paused = _pause.paused  # publish without creating aliases on the way (bulk seeding); run `sync_all` afterwards
is_paused = _pause.is_paused


def exclude_fallbacks(queryset: QuerySet) -> QuerySet:
    """Real pages only (no alias): for hreflang, the sitemap, feeds and the partner API."""
    return queryset.filter(alias_of__isnull=True)


def is_fallback(page: Page) -> bool:
    return page.alias_of_id is not None


def _is_public_original(page: Page) -> bool:
    if not page.live or page.depth <= 2 or page.alias_of_id is not None:
        return False
    if PageViewRestriction.objects.filter(page__path__in=_ancestor_paths(page.path)).exists():
        return False
    specific_class = page.specific_class
    if getattr(specific_class, "requires_expert_review", False):
        from cms.models.reviews import ExpertReview

        return ExpertReview.objects.approved().filter(translation_key=page.translation_key).exists()
    return True


def _ancestor_paths(path: str) -> list[str]:
    step = Page.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def choose_original(pages: Iterable[Page]) -> Page | None:
    """The page the aliases of one item follow: a public, non-alias page; the one they already
    follow while it stays public, else the one in the site's default language, else the first
    published."""
    pages = list(pages)
    candidates = [page for page in pages if _is_public_original(page)]
    if not candidates:
        return None
    followed = {page.alias_of_id for page in pages if page.alias_of_id is not None}
    current = [page for page in candidates if page.pk in followed]
    if current:
        return current[0]
    default = [page for page in candidates if page.locale.language_code == settings.LANGUAGE_CODE]
    if default:
        return default[0]
    return min(candidates, key=lambda page: (page.first_published_at is None, page.first_published_at, page.pk))


def sync_item(
    translation_key: UUID | str, locales: list[Locale] | None = None, *, going_offline: int | None = None
) -> int:
    """Bring the aliases of one item in step with its public originals; the number of changes.

    Creates an alias in every locale that has no page of the item, re-points aliases whose
    original is no longer public to another public original, and removes aliases of an item with
    no public original left (unpublishing an alias that holds real translations beneath it).
    """
    removed, missing = _prune(translation_key, locales, going_offline)
    return removed + create_aliases(missing)


def _prune(
    translation_key: UUID | str, locales: list[Locale] | None, going_offline: int | None = None
) -> tuple[int, list[tuple[Page, Locale]]]:
    """`sync_item` up to the aliases to create: removes the aliases that follow no public original;
    the number removed, and the (original, locale) of each alias missing."""
    pages = list(Page.objects.filter(translation_key=translation_key).select_related("locale").order_by("path"))
    if not pages or min(page.depth for page in pages) <= 2:
        return 0, []
    # `going_offline`: a page being unpublished or deleted that the database still shows live.
    original = choose_original(page for page in pages if page.pk != going_offline)
    removed = 0
    aliases = [page for page in pages if page.alias_of_id is not None]
    for alias in aliases:
        if original is None or alias.alias_of_id != original.pk:
            _remove_alias(alias)
            removed += 1
    if original is None:
        return removed, []
    present = {page.locale_id for page in pages if page.alias_of_id is None or page.alias_of_id == original.pk}
    everywhere = locales if locales is not None else Locale.objects.all()
    return removed, [(original, locale) for locale in everywhere if locale.pk not in present]


# What Wagtail's `CreatePageAliasAction` leaves out of an alias's copy of its original.
ALIAS_EXCLUDED_FIELDS = [
    "id",
    "path",
    "depth",
    "numchild",
    "url_path",
    "index_entries",
    "postgres_index_entries",
    "latest_revision",
]


def create_aliases(wanted: Sequence[tuple[Page, Locale]]) -> int:
    """Make the alias of each (original, locale) that `original.copy_for_translation(locale,
    copy_parents=True, alias=True)` makes, in a few queries per level of the tree instead of a full
    Wagtail save of each; the number made.

    Each alias is the original's specific page copied as Wagtail's `CreatePageAliasAction` copies it
    (`_copy` without `ALIAS_EXCLUDED_FIELDS`, its child objects in the locale, `alias_of`, the draft
    title, a free slug under the parent's page in the locale), inserted as the last child of that
    page (`cms.bulk_pages`, in the order `wanted` gives, parents' levels first), with its other
    many-to-many values and the log entry `wagtail.create_alias`; then each alias sends the
    `post_save` its save sends, so the search and reference indexes, the per-locale rules, the page
    cache and seeding (`cms.demo.seeding`) hear of it as before. The copy is complete by then, so
    its index entry is right the first time: `copy_for_translation_done`, whose one receiver
    (`search.indexing`) indexes a copy again once its many-to-many values are in, is not sent.
    An original whose parent has no page in the locale yet, or with a view restriction of its own,
    goes through `copy_for_translation` itself.
    """
    for _depth, level in groupby(sorted(wanted, key=lambda pair: pair[0].depth), key=lambda pair: pair[0].depth):
        _create_level(list(level))
    return len(wanted)


@transaction.atomic
def _create_level(wanted: list[tuple[Page, Locale]]) -> None:
    originals = Page.objects.filter(pk__in={original.pk for original, _locale in wanted}).specific().in_bulk()
    parents = {page.path: page for page in Page.objects.filter(path__in={_parent_path(p) for p, _l in wanted})}
    destinations = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in={parent.translation_key for parent in parents.values()},
            locale_id__in={locale.pk for _original, locale in wanted},
        )
    }
    restricted = set(PageViewRestriction.objects.filter(page_id__in=originals).values_list("page_id", flat=True))
    taken: dict[int, set[str]] = {}  # by destination: its children's slugs
    copies: list[tuple[Page, Page, Page, Page]] = []  # (alias, destination, original, original's parent)
    singles: list[tuple[Page, Locale]] = []  # for Wagtail, once the slugs taken here are in the tree
    for page, locale in wanted:
        original, parent = originals[page.pk], parents[_parent_path(page)]
        destination = destinations.get((parent.translation_key, locale.pk))
        if destination is None or original.pk in restricted:
            singles.append((original, locale))
            continue
        if destination.pk not in taken:
            taken[destination.pk] = set(destination.get_children().values_list("slug", flat=True))
        alias, child_objects = _copy(
            original,
            exclude_fields=ALIAS_EXCLUDED_FIELDS,
            update_attrs={
                "alias_of": original,
                "draft_title": original.title,
                "has_unpublished_changes": not original.live,
                "slug": bulk_pages.free_slug(original.slug, taken[destination.pk]),
                "locale": locale,
            },
        )
        for child_object in child_objects.values():
            if isinstance(child_object, TranslatableMixin):
                child_object.locale = locale
        copies.append((alias, destination, original, parent))
    # Under each parent's page, in the order wanted (a stable sort): the order one by one would give.
    copies.sort(key=lambda row: row[1].pk)
    for (destination, model), run in groupby(copies, key=lambda row: (row[1], type(row[0]))):
        aliases = [alias for alias, *_rest in run]
        bulk_pages.add_children(destination, aliases)
        bulk_pages.add_child_objects(model, aliases)
    logged = {}
    for alias, destination, original, parent in copies:
        _copy_m2m_relations(original, alias, exclude_fields=ALIAS_EXCLUDED_FIELDS)
        logged[alias.pk] = {
            "page": {"id": alias.pk, "title": alias.get_admin_display_title()},
            "source": {"id": parent.pk, "title": parent.get_admin_display_title()},
            "destination": {"id": destination.pk, "title": destination.get_admin_display_title()},
        }
    made = [alias for alias, *_rest in copies]
    bulk_pages.log_entries(made, "wagtail.create_alias", data=lambda page: logged[page.pk])
    database = router.db_for_write(Page)
    for alias in made:
        post_save.send(sender=type(alias), instance=alias, created=True, update_fields=None, raw=False, using=database)
    for original, locale in singles:
        original.copy_for_translation(locale, copy_parents=True, alias=True)


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def _remove_alias(alias: Page) -> None:
    # A real translation may have been made beneath an alias (a chapter under a report that is not
    # translated itself): keep that subtree and only take the alias offline.
    if alias.get_descendants().filter(alias_of__isnull=True).exists():
        if alias.live:
            alias.unpublish(log_action=None)
        return
    alias.delete()


def sync_all(log=None) -> int:
    """Backfill: an alias for every public page in every locale that lacks it; the number of changes.

    Reads which locales hold which items in one query and touches only the items that need it, so a
    second run on unchanged content costs two queries.
    """
    locales = list(Locale.objects.all())
    rows = Page.objects.filter(depth__gt=2).values_list("translation_key", "locale_id", "alias_of_id", "live", "path")
    held: dict[UUID, set[int]] = defaultdict(set)
    alias_keys, live_original_keys, order = set(), set(), {}
    for key, locale_id, alias_of_id, live, path in rows:
        held[key].add(locale_id)
        order[key] = min(order.get(key, path), path)
        if alias_of_id is not None:
            alias_keys.add(key)
        elif live:
            live_original_keys.add(key)
    everywhere = {locale.pk for locale in locales}
    # Items missing somewhere, and items whose aliases may have lost their original.
    todo = {key for key in live_original_keys if held[key] != everywhere} | (alias_keys - live_original_keys)
    removed, missing = 0, []  # aliases removed; the (original, locale) of those to create
    for number, key in enumerate(sorted(todo, key=lambda key: order[key]), start=1):
        item_removed, item_missing = _prune(key, locales)
        removed += item_removed
        missing.extend(item_missing)
        if log and number % 50 == 0:
            log(f"  {number}/{len(todo)} items checked, {removed} alias(es) removed, {len(missing)} to create")
    return removed + create_aliases(missing)


def fallback_languages(language_code: str | None = None) -> dict[int, str]:
    """{alias page id: language code of its original} in one language (one query, any number of pages)."""
    queryset = Page.objects.filter(alias_of__isnull=False)
    if language_code is not None:
        queryset = queryset.filter(locale__language_code=language_code)
    return dict(queryset.values_list("id", "alias_of__locale__language_code"))


def was_fallback(page: Page) -> bool:
    """An alias, or a page wagtail-localize converted from one that was never published as itself."""
    from wagtail.models import PageLogEntry

    if page.alias_of_id is not None:
        return True
    return page.live and not PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()


def keep_fallback_until_published(page: Page) -> None:
    """After a translation draft was saved into a (converted) fallback: readers keep seeing the
    original as a fallback until the translation is published; the draft stays in the latest
    revision, in review (wagtail-localize writes the draft into the live row when converting)."""
    pages = Page.objects.filter(translation_key=page.translation_key).select_related("locale")
    original = choose_original(other for other in pages if other.pk != page.pk)
    if original is None:
        return
    # Wagtail's own alias refresh restores the original's content, child objects in this locale and
    # many-to-many values; the draft (latest revision, in its workflow) is left as it is.
    Page.objects.filter(pk=page.pk).update(alias_of=original.pk)
    original.specific.update_aliases()
    Page.objects.filter(pk=page.pk).update(has_unpublished_changes=True)


def published_translation(page: Page) -> None:
    """A translation revision of a fallback was published: it is a page of its own now."""
    Page.objects.filter(pk=page.pk).update(alias_of=None)
    page.alias_of_id = None


def remove_aliases_of(page: Page) -> None:
    """Before an original is deleted: its aliases go too (Wagtail would turn them into pages)."""
    for alias in Page.objects.filter(alias_of=page):
        _remove_alias(alias)
