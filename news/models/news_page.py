"""A news item, story, report, feedback or opinion in the Panel's continuous stream."""

from __future__ import annotations

import datetime

from django import forms
from django.db import models
from django.db.models import F
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms import geography
from cms.blocks import BodyStreamBlock, localized_pages
from cms.feeds import page_guid
from cms.links import page_url
from cms.models import BasePage, Theme
from cms.page_forms import LocaleThemesPageForm
from cms.sharing.mixins import ShareKitMixin
from cms.translation import synchronised, translated


class Kind(models.TextChoices):
    NEWS = "news", _("News")
    STORY = "story", _("Story on a social innovation")
    EXPERIMENT = "experiment", _("Report on an experiment")
    FEEDBACK = "feedback", _("Feedback from the network")
    OPINION = "opinion", _("Opinion")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0")
    CC_BY_ND = "cc-by-nd-4.0", _("Creative Commons Attribution-NoDerivatives 4.0")
    RESERVED = "all-rights-reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_ND: "https://creativecommons.org/licenses/by-nd/4.0/",
}
RELATED_PAGE_TYPES = ["practices.PracticePage", "reports.ChapterPage", "reports.PolicyBriefPage", "reports.ReportPage"]


class NewsPage(ShareKitMixin, RoutablePageMixin, BasePage):
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    date = models.DateField(_("date"), default=datetime.date.today, db_index=True)
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("Two or three sentences for listings and feeds.")
    )
    lead_image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("body"))
    authors = ParentalManyToManyField("cms.Person", blank=True, related_name="news", verbose_name=_("authors"))
    themes = ParentalManyToManyField("cms.Theme", blank=True, related_name="news", verbose_name=_("themes"))
    countries = ParentalManyToManyField("cms.Country", blank=True, related_name="news", verbose_name=_("countries"))
    related = StreamField(
        [("page", blocks.PageChooserBlock(page_type=RELATED_PAGE_TYPES, label=_("Page")))],
        blank=True,
        verbose_name=_("related practices and chapters"),
    )
    licence = models.CharField(_("licence"), max_length=30, choices=Licence.choices, default=Licence.CC_BY)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        # On its own row: the licences' long names overflowed a third of the width.
        FieldPanel("licence"),
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("authors"),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("countries"),
                FieldPanel("related"),
            ],
            heading=_("Classification and links"),
        ),
        HelpPanel(template="news/admin/republication_panel.html", heading=_("Republished")),
    ]
    base_form_class = LocaleThemesPageForm
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
        index.AutocompleteField("title"),
    ]
    # Prose is translated; what the item is about, who wrote it and when follows the source.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("summary", "body"),
        *synchronised("kind", "date", "authors", "themes", "countries", "related", "licence"),
        *synchronised("lead_image", overridable=True),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def description(self) -> str:
        return self.search_description or self.summary

    @property
    def card_image(self):
        return self.listing_image or self.lead_image

    @property
    def republishable(self) -> bool:
        return self.licence in LICENCE_URLS

    @property
    def licence_url(self) -> str:
        return LICENCE_URLS.get(self.licence, "")

    @property
    def guid(self) -> str:
        """Stable across edits, slug changes and moves: one per item and language (cms.feeds)."""
        return page_guid(self)

    def get_regions(self) -> list[str]:
        return geography.regions_of(country.code for country in self.countries.all())

    @property
    def republication_count(self) -> int:
        return (
            Republication.objects.filter(translation_key=self.translation_key).aggregate(total=models.Sum("count"))[
                "total"
            ]
            or 0
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.readers_context(request, "news", self._readers_context))
        return context

    def _readers_context(self) -> dict:
        theme_slugs = [theme.slug for theme in self.themes.all()]
        localized_themes = {t.slug: t for t in Theme.objects.filter(locale=self.locale, slug__in=theme_slugs)}
        language = self.locale.language_code
        return {
            "authors": list(self.authors.all()),
            "themes": [localized_themes[slug] for slug in theme_slugs if slug in localized_themes],
            "regions": [(code, geography.region_name(code, language)) for code in self.get_regions()],
            "related_pages": localized_pages([block.value for block in self.related]),
            "index": self.get_parent(),
        }

    @path("republish/", name="republish")
    def republish(self, request):
        """The article as HTML to paste elsewhere, with attribution, canonical link and licence.
        Counted when a reader asks for it (POST), shown again on reload (GET) without counting."""
        if not self.republishable:
            return TemplateResponse(request, "news/republish_unavailable.html", self.get_context(request), status=404)
        if request.method == "POST":
            Republication.record(self)
        context = self.get_context(request)
        context["canonical_url"] = page_url(self, request)
        return TemplateResponse(request, "news/republish.html", context)


class Republication(models.Model):
    """How often readers took an item's HTML to republish it, per item and language."""

    translation_key = models.UUIDField(db_index=True)
    page = models.ForeignKey(NewsPage, on_delete=models.CASCADE, related_name="republications")
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("republication")
        verbose_name_plural = _("republications")
        constraints = [models.UniqueConstraint(fields=["page"], name="one_republication_counter_per_page")]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.count}"

    @classmethod
    def record(cls, page: NewsPage) -> None:
        counter, _created = cls.objects.get_or_create(page=page, defaults={"translation_key": page.translation_key})
        cls.objects.filter(pk=counter.pk).update(count=F("count") + 1)
