"""The one abstract page every page type inherits, built from small mixins."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index


class SeoFieldsMixin(models.Model):
    """What search engines and social networks show for the page."""

    meta_description = models.CharField(
        _("meta description"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences for search results and social cards. Defaults to the listing summary."),
    )

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("meta_description"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading=_("For site menus")),
    ]

    class Meta:
        abstract = True


class ListingFieldsMixin(models.Model):
    """How the page looks when it is listed on another page (cards, teasers)."""

    listing_summary = models.CharField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("Short text shown when this page appears in lists. Keep it under 300 characters."),
    )
    listing_image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Image for cards and social sharing; 1200×630 pixels works best."),
    )

    listing_panels = [
        MultiFieldPanel([FieldPanel("listing_summary"), FieldPanel("listing_image")], heading=_("Listing")),
    ]

    class Meta:
        abstract = True


class BasePage(SeoFieldsMixin, ListingFieldsMixin, Page):
    """Abstract base of every page on the site."""

    show_in_menus_default = False

    promote_panels = ListingFieldsMixin.listing_panels + SeoFieldsMixin.promote_panels
    search_fields = [*Page.search_fields, index.SearchField("listing_summary")]

    class Meta:
        abstract = True

    @property
    def description(self) -> str:
        return self.meta_description or self.search_description or self.listing_summary


class ExpertReviewedTreeMixin:
    """Marks an index page whose subtree goes through the "Expert review" workflow in every locale."""

    expert_reviewed_tree = True
