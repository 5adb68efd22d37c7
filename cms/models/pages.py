"""The one abstract page every page type inherits, built from small mixins."""

from __future__ import annotations

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce, Length, Substr
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet as BasePageQuerySet
from wagtail.search import index

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


class PageQuerySet(BasePageQuerySet):
    """Wagtail's page queryset whose `.public()` costs no query of its own.

    Wagtail reads every view restriction from the database each time `.public()` is called (a
    query per listing on every page); here the restrictions are a subquery of the page query
    itself: a page is private when its own or an ancestor's path has a restriction.
    """

    def private_q(self) -> Q:
        restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
        return Q(Exists(restricted))


class BasePage(SeoFieldsMixin, ListingFieldsMixin, Page):
    """Abstract base of every page on the site."""

    objects = PageManager.from_queryset(PageQuerySet)()

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
        child = self._route_child(request, path_components)
        if child is None:
            raise Http404
        child._cached_parent_obj = self  # treebeard's get_parent answers without a query
        return child.specific.route(request, path_components[1:])

    def _route_child(self, request, path_components: list[str]) -> Page | None:
        """The child of this page whose slug is `path_components[0]`; the first call of a request
        reads the pages of every level down the path at once."""
        key = (self.path, path_components[0])
        known = getattr(request, "_ipsp_route_pages", {}) if request is not None else {}
        if key not in known:
            rows = Page.objects.filter(
                path__startswith=self.path,
                depth__gt=self.depth,
                depth__lte=self.depth + len(path_components),
                slug__in=set(path_components),
            ).order_by("path")
            by_parent = {(page.path[: -self.steplen], page.slug): page for page in rows}
            known = dict(known)
            parent = self.path
            for slug in path_components:  # down the path while each level has the next segment
                known[(parent, slug)] = child = by_parent.get((parent, slug))
                if child is None:
                    break
                parent = child.path
            if request is not None:
                request._ipsp_route_pages = known
        return known[key]

    def get_view_restrictions(self):
        """Wagtail's answer (the restrictions of this page and its ancestors, an alias's read from the
        page it shows) in one query rather than two: the ancestors are the prefixes of `path`."""
        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        checked = Page.objects.filter(path__in=paths).values(page=Coalesce("alias_of_id", "id"))
        return PageViewRestriction.objects.filter(page_id__in=checked)

    def search_languages(self) -> list[str]:
        """The languages a reader of this page may search it in: its locale's and, for an alias
        (another language's text shown in this locale's tree), the original's. Names of places and
        themes are indexed in each (see `PracticePage.search_places`)."""
        languages = [self.locale.language_code]
        if self.alias_of_id:
            languages.append(self.alias_of.locale.language_code)
        return list(dict.fromkeys(languages))


class ExpertReviewedTreeMixin:
    """Marks an index page whose subtree goes through the "Expert review" workflow in every locale."""

    expert_reviewed_tree = True
