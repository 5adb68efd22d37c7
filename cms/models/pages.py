"""The one abstract page every page type inherits, built from small mixins."""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable

from django.conf import settings
from django.db import models
from django.db.models import BooleanField, F, Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageManager, PageViewRestriction, Workflow
from wagtail.query import PageQuerySet as BasePageQuerySet
from wagtail.search import index

from cms import page_cache
from cms.page_forms import BasePageForm
from cms.sql import TableSQL
from cms.translation import synchronised


class SeoFieldsMixin(models.Model):
    """What search engines, social networks and listings show for the page.

    Wagtail's own `search_description` is the one summary of a page: meta description, social
    card text, and the teaser on listing pages. It lives on the base page table, so listings of
    mixed page types read it without a query per type.
    """

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines and listings"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
    ]

    class Meta:
        abstract = True


class ListingFieldsMixin(models.Model):
    """The image shown when the page is listed on another page or shared."""

    listing_image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Image for cards and social sharing; 1200×630 pixels works best."),
    )

    listing_panels = [FieldPanel("listing_image")]

    class Meta:
        abstract = True


class _PrivatePath(TableSQL):
    """True for a page whose own or an ancestor's path has a view restriction.

    The restricted paths are an uncorrelated subquery (PostgreSQL reads them once per query, a
    handful of rows by primary key) that the page's path is matched against as a prefix; a
    correlated subquery comparing each page with each restricted page made the planner hash the
    whole page table in every listing query (issue 17). Written as SQL because it is part of every
    public listing: Django's subquery expressions cost a millisecond of Python each time they are
    resolved. Tree paths hold no LIKE wildcards.
    """

    output_field = BooleanField()
    tables = {"pages": Page, "restrictions": PageViewRestriction}
    template = (
        "(%(expressions)s LIKE ANY (ARRAY(SELECT restricted.path || '%%%%' FROM %(pages)s restricted"
        " WHERE restricted.id IN (SELECT page_id FROM %(restrictions)s))))"
    )

    def as_sqlite(self, compiler, connection, **extra_context):
        """SQLite (`make run`) has no arrays: the same prefix match, as a correlated EXISTS."""
        template = (
            "EXISTS (SELECT 1 FROM %(pages)s restricted WHERE restricted.id IN (SELECT page_id FROM %(restrictions)s)"
            " AND %(expressions)s LIKE restricted.path || '%%%%')"
        )
        return self.as_sql(compiler, connection, template=template, **extra_context)


def private_q() -> Q:
    """Pages in a private section (Wagtail's `.private_q()`, without a query of its own)."""
    return Q(_PrivatePath(F("path")))


class PageQuerySet(BasePageQuerySet):
    """Wagtail's page queryset whose `.public()` costs no query of its own.

    Wagtail reads every view restriction from the database each time `.public()` is called (a
    query per listing on every page); here the restrictions are a subquery of the page query
    itself: a page is private when its own or an ancestor's path has a restriction.
    """

    def private_q(self) -> Q:
        return private_q()

    def only(self, *fields):
        """With the content type always: Wagtail's editor lists a page's translations with
        `.only("id", "locale", "depth")` and then asks each for its permissions, which reads the
        content type (one query per translation, nine per edit view, issue 17)."""
        if fields and fields != (None,) and "content_type" not in fields and "content_type_id" not in fields:
            fields = (*fields, "content_type")
        return super().only(*fields)


class BasePage(SeoFieldsMixin, ListingFieldsMixin, Page):
    """Abstract base of every page on the site."""

    objects = PageManager.from_queryset(PageQuerySet)()
    base_form_class = BasePageForm

    promote_panels = SeoFieldsMixin.promote_panels + ListingFieldsMixin.listing_panels
    # A listing image is usually language-free; a translator may swap one that contains text. The slug
    # sits on the Promote tab, out of the translator's sight: it follows the original (a translation is
    # told apart by its language prefix), so the segments a translator sees are all there is to do.
    override_translatable_fields = synchronised("listing_image", overridable=True) + synchronised("slug")
    search_fields = [*Page.search_fields, index.SearchField("search_description")]

    class Meta:
        abstract = True

    @property
    def description(self) -> str:
        return self.search_description

    def route(self, request, path_components):
        """Wagtail's routing, with the pages down the rest of the path read in one query (by slug
        under this page) instead of one query per level; each level still routes (its `route`,
        sub-routes of routable pages), and the result is the same."""
        if not path_components:
            return super().route(request, path_components)
        return route_below(self, request, path_components)

    def get_view_restrictions(self):
        """Wagtail's answer (the restrictions of this page and its ancestors, an alias's read from the
        page it shows) in one query rather than two: the ancestors are the prefixes of `path`."""
        if getattr(self, "_ipsp_unrestricted", False):  # routed by `cms.views.route`, which checked
            return PageViewRestriction.objects.none()
        checked = Page.objects.filter(path__in=self.ancestor_paths()).values(page=Coalesce("alias_of_id", "id"))
        return PageViewRestriction.objects.filter(page_id__in=checked)

    def get_workflow(self):
        """Wagtail's answer (the active workflow of this page or, failing that, of its nearest
        ancestor) in one query rather than up to four: the editor's action menu asks it."""
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return None
        return (
            Workflow.objects.filter(active=True, workflow_pages__page__path__in=self.ancestor_paths())
            .order_by("-workflow_pages__page__depth")
            .first()
        )

    def ancestor_paths(self) -> list[str]:
        """The tree paths of this page and its ancestors: the prefixes of its own."""
        return [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]

    def readers_context(self, request, name: str, compute: Callable[[], dict], *vary: str | None) -> dict:
        """`compute()`: what every reader of this page sees in the active language, computed from
        published content only (never from the visitor), kept in the cache until any content
        changes (`cms.page_cache.remember`), so a warm page reads little more than its own row
        (issue 17). `vary` names what else it depends on (a URL built for this request's site); a
        preview computes it afresh from the draft."""
        if getattr(request, "is_preview", False):
            return compute()
        varies = hashlib.sha256("|".join(value or "" for value in vary).encode()).hexdigest()[:12]
        return page_cache.remember(f"page:{name}:{self.pk}:{get_language()}:{varies}", compute)

    def search_languages(self) -> list[str]:
        """The languages a reader of this page may search it in: its locale's and, for an alias
        (another language's text shown in this locale's tree), the original's. Names of places and
        themes are indexed in each (see `PracticePage.search_places`)."""
        languages = [self.locale.language_code]
        if self.alias_of_id:
            languages.append(self.alias_of.locale.language_code)
        return list(dict.fromkeys(languages))


def routes_like_a_base_page(model: type[Page] | None, path_components: list[str]) -> bool:
    """Whether a page of type `model` routes `path_components` as `BasePage.route` does (to its
    child): its type has no routes of its own, or it is a routable page none of whose routes
    matches them. Such a level of the path routes from its generic row, without reading its
    specific one."""
    route = getattr(model, "route", None)
    if route is BasePage.route:
        return True
    if route is RoutablePageMixin.route and _next_route(model) is BasePage.route:
        try:
            model.get_resolver().resolve("/" + "/".join(path_components) + "/")
        except Http404:  # Resolver404: none of its routes
            return True
    return False


def _next_route(model: type) -> object:
    """The `route` that RoutablePageMixin's `super().route` calls for `model`."""
    after = model.__mro__[model.__mro__.index(RoutablePageMixin) + 1 :]
    return next((klass.__dict__["route"] for klass in after if "route" in klass.__dict__), None)


def route_below(page: Page, request, path_components: list[str]):
    """`BasePage.route` from `page` (specific, or generic for a type that `routes_like_a_base_page`):
    the child named by the first component routes the rest. Only the levels with routes of their
    own (routable pages) and the page found are read as their specific type."""
    child = route_child(page, request, path_components)
    if child is None:
        raise Http404
    child._cached_parent_obj = page  # treebeard's get_parent answers without a query
    rest = path_components[1:]
    if rest and routes_like_a_base_page(child.specific_class, rest):
        return route_below(child, request, rest)
    return routed_specific(child, request).route(request, rest)


def routed_specific(page: Page, request) -> Page:
    """`page.specific` while `cms.views.route` routes `request`: from the path's routing entry when
    it was kept (no query), else read, and a copy kept as read for that entry (serving sets
    attributes on the page). As in `get_specific`, the generic row's other attributes are copied."""
    known = getattr(request, "_ipsp_specific_pages", None)
    if known is None:
        return page.specific
    specific = known.get(page.pk)
    if specific is None:
        specific = page.get_specific(copy_attrs=())
        known[page.pk] = copy.copy(specific)
    for name, value in page.__dict__.items():
        specific.__dict__.setdefault(name, value)
    page.__dict__["specific"] = specific
    return specific


def route_child(page: Page, request, path_components: list[str]) -> Page | None:
    """The child of `page` whose slug is `path_components[0]`; the first call of a request reads
    the pages of every level down the path at once (unless `cms.views.route` read them already)."""
    key = (page.path, path_components[0])
    known = getattr(request, "_ipsp_route_pages", {}) if request is not None else {}
    if key not in known:
        rows = Page.objects.filter(
            path__startswith=page.path,
            depth__gt=page.depth,
            depth__lte=page.depth + len(path_components),
            slug__in=set(path_components),
        ).order_by("path")
        known = remember_route(request, page, path_components, rows)
    return known[key]


def remember_route(
    request, page: Page, path_components: list[str], rows, *, misses_known: bool = True
) -> dict[tuple[str, str], Page | None]:
    """Keeps, for the request, the child of each level down `path_components` from `page` among
    `rows` (pages read with their slugs), by (parent path, slug); `route_child` answers from it.
    With `misses_known` false, `rows` may leave out some children: a level not found among them is
    not remembered as missing, so `route_child` reads it."""
    by_parent = {(row.path[: -page.steplen], row.slug): row for row in rows}
    known = dict(getattr(request, "_ipsp_route_pages", {}) if request is not None else {})
    parent = page.path
    for slug in path_components:  # down the path while each level has the next segment
        child = by_parent.get((parent, slug))
        if child is None:
            if misses_known:
                known[(parent, slug)] = None
            break
        known[(parent, slug)] = child
        parent = child.path
    if request is not None:
        request._ipsp_route_pages = known
    return known


class ExpertReviewedTreeMixin:
    """Marks an index page whose subtree goes through the "Expert review" workflow in every locale."""

    expert_reviewed_tree = True
