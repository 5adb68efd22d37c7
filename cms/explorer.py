"""The admin page explorer at a fixed number of queries, whatever the number of pages listed.

wagtail-localize's "Translate this page" and "Sync translated pages" buttons ask the database two
to four questions per listed page (is there a locale left to translate into, is this page the
source of enabled translations). In a folder of 40 practices that is most of the explorer's
queries. `annotate_explorer_pages` asks both questions for the whole listing in its one query
(`construct_explorer_page_queryset`), which also brings each row's content type and locale, and
`page_listing_more_buttons` replaces wagtail-localize's hook: the same buttons, read from those
annotations; on a page that did not come from the explorer's queryset (a page's header), it asks
both questions in one query.

`ExplorerIndexView` (the explorer of Wagtail's page viewset, `PageViewSet`) drops what Wagtail reads
and never shows: the sites rooted at each listed page (a row's site-root state is an annotation),
the listed pages' parent (the explorer has no parent column; a search still reads it), the page
types of its filter, which Django's content type cache already holds, and the fields of each page
type's own table: a row shows only what every page has (`SpecificRows`). For a user who may edit
but not publish, Wagtail asks for each row whether a live page is under it (may it be moved, may it
be deleted); the listing's query answers it for all rows (`RowPermissionTester`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from operator import attrgetter
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.forms import CheckboxSelectMultiple
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceIterator
from wagtail import hooks
from wagtail.admin.filters import ContentTypeModelMultipleChoiceField, MultipleContentTypeFilter
from wagtail.admin.views.pages.listing import ExplorableIndexView, GenericPageFilterSet
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page, PagePermissionTester, get_page_models
from wagtail.query import DeferredSpecificIterable
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

HAS_LOCALE_LEFT = "_ipsp_has_locale_to_translate_to"
SYNC_SOURCE = "_ipsp_sync_source_id"
SUBTREE_HAS_LIVE = "_ipsp_subtree_has_live_page"


def annotate_explorer_pages(parent_page: Page, pages: QuerySet, request) -> QuerySet:
    """Both of wagtail-localize's per-page questions as annotations of the listing's query."""
    if not isinstance(pages, QuerySet):
        return pages
    translated = Page.objects.filter(translation_key=OuterRef(OuterRef("translation_key")), alias_of__isnull=True)
    # The listing's content types and locales, which Wagtail prefetches in two more queries, come
    # with the rows (its prefetch then finds them loaded).
    if getattr(pages, "_specific_select_related_fields", None) is not None:
        pages = pages.select_related(  # type: ignore[call-overload]  # Wagtail's specific() querysets take the flag
            "content_type", "locale", for_specific_subqueries=True
        )
    return pages.annotate(
        **{
            HAS_LOCALE_LEFT: Exists(Locale.objects.exclude(id__in=translated.values("locale_id"))),
            SYNC_SOURCE: Subquery(
                TranslationSource.objects.filter(
                    object_id=OuterRef("translation_key"),
                    locale_id=OuterRef("locale_id"),
                    translations__enabled=True,
                ).values("pk")[:1]
            ),
        }
    )


def page_listing_more_buttons(page: Page, user, view_name=None, next_url=None) -> Iterator[ListingButton]:
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    if hasattr(page, HAS_LOCALE_LEFT):  # a row of the explorer's listing
        has_locale_left, source_id = getattr(page, HAS_LOCALE_LEFT), getattr(page, SYNC_SOURCE)
    else:  # a page's header: both questions in one query rather than up to four
        answers = annotate_explorer_pages(page, Page.objects.filter(pk=page.pk), None)
        has_locale_left, source_id = answers.values_list(HAS_LOCALE_LEFT, SYNC_SOURCE).get()
    if has_locale_left:
        # note (as wagtail-localize): an alias is translated through the page it is an alias of
        url = reverse("wagtail_localize:submit_page_translation", args=[page.alias_of_id or page.id])
        yield ListingButton(_("Translate this page"), url, priority=60, icon_name="wagtail-localize-language")
    if source_id is not None:
        url = reverse("wagtail_localize:update_translations", args=[source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")


def install() -> None:
    """Put `page_listing_more_buttons` in the place of wagtail-localize's hook, for the listing's
    rows and the page headers alike. Wagtail has no public way to unregister a hook."""
    for name in ("register_page_listing_more_buttons", "register_page_header_buttons"):
        registered = hooks._hooks.get(name, [])
        for position, (function, order) in enumerate(registered):
            if function is localize_hooks.page_listing_more_buttons:
                registered[position] = (page_listing_more_buttons, order)


class PageTypeChoiceIterator(ModelChoiceIterator):
    """The filter's page types from Django's content type cache, in the queryset's order (by model
    name); the queryset still checks what is submitted."""

    def __iter__(self):
        models = [model for model in get_page_models() if model is not Page]
        for content_type in sorted(ContentType.objects.get_for_models(*models).values(), key=attrgetter("model")):
            yield self.choice(content_type)


class PageTypeChoiceField(ContentTypeModelMultipleChoiceField):
    iterator = PageTypeChoiceIterator


class PageTypeFilter(MultipleContentTypeFilter):
    field_class = PageTypeChoiceField


class ExplorerFilterSet(GenericPageFilterSet):
    content_type = PageTypeFilter(
        label=GenericPageFilterSet.base_filters["content_type"].label,  # Wagtail's own, and its translations
        queryset=GenericPageFilterSet.base_filters["content_type"].queryset,
        widget=CheckboxSelectMultiple,
    )


class RowPermissionTester(PagePermissionTester):
    """Wagtail's permissions on a listed page, with the one question Wagtail asks the database about
    it (is a live page among it and its descendants?) answered by the listing's row."""

    def can_delete(self, ignore_bulk=False):
        # The conditions under which Wagtail's `can_delete` reaches its query, in its order.
        if (
            self.user.is_active
            and not self.page_is_root
            and not self.user.is_superuser
            and ("bulk_delete" in self.permissions or self.page.is_leaf() or ignore_bulk)
            and "change" in self.permissions
            and "publish" not in self.permissions
        ):
            return not getattr(self.page, SUBTREE_HAS_LIVE)
        return super().can_delete(ignore_bulk)


def subtree_has_live_page() -> Exists:
    """Whether a page or one of its descendants is live (treebeard's `get_descendants(inclusive=True)`)."""
    return Exists(Page.objects.filter(path__startswith=OuterRef("path"), depth__gte=OuterRef("depth"), live=True))


class SpecificRows(DeferredSpecificIterable):
    """The listed pages as instances of their page types, read in the listing's one query.

    Wagtail's `specific()` reads each page type's own table (one query per page type among the rows:
    eleven under a language's home page), though a row shows only what every page has: its title,
    dates, status, locale, type, and the buttons its type's class methods and the user's permissions
    decide. Wagtail's `specific(defer=True)` makes the same instances without those queries, but
    leaves behind the rows' content type and locale read with them; this keeps them.
    """

    def __iter__(self):
        for page in super(DeferredSpecificIterable, self).__iter__():
            specific = page.get_specific(deferred=True)  # with the row's annotations and prefetches
            if specific is not page:
                specific._state.fields_cache.update(page._state.fields_cache)
            if hasattr(specific, SUBTREE_HAS_LIVE):
                # Wagtail's listing, buttons and hooks all ask the row itself for its permissions (no
                # page type of ours overrides `permissions_for_user`).
                specific.permissions_for_user = partial(RowPermissionTester, page=specific)
            yield specific


class ExplorerIndexView(ExplorableIndexView):
    """Wagtail's explorer, without the two questions about its rows whose answers it never shows."""

    # Wagtail leaves the parent column out of the explorer's table but still reads every row's parent
    # while the column is in this list; a search reads them itself (for the title column).
    base_columns = [column for column in ExplorableIndexView.base_columns if column.name != "parent"]

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages)
        # Nothing reads the prefetched sites: `Page.is_site_root` answers from `_is_site_root`.
        lookups = [lookup for lookup in pages._prefetch_related_lookups if lookup != "sites_rooted_here"]
        pages = pages.prefetch_related(None).prefetch_related(*lookups).select_related("content_type", "locale")
        if not self.request.user.is_superuser:
            pages = pages.annotate(**{SUBTREE_HAS_LIVE: subtree_has_live_page()})
        pages._iterable_class = SpecificRows
        return pages


class ExplorerPageViewSet(PageViewSet):
    """Wagtail's page views, with `ExplorerIndexView` as the explorer (registered for every page type
    in cms/wagtail_hooks.py)."""

    index_view_class = ExplorerIndexView
    filterset_class = ExplorerFilterSet
