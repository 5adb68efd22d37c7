"""Policy briefs and toolkits: the Panel's work turned into action."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyStreamBlock, localized_pages
from cms.links import page_url
from cms.models import BasePage
from cms.sharing.mixins import ShareKitMixin
from cms.translation import synchronised, translated
from reports import citations
from reports.blocks import AUDIENCES, DownloadBlock, RecommendationBlock, StepBlock
from reports.models.mixins import (
    CitableMixin,
    ContributorBase,
    CoverMixin,
    DownloadsMixin,
    extend_publication_context,
    recommendation_items,
)


class PolicyBriefPage(ShareKitMixin, CitableMixin, DownloadsMixin, CoverMixin, BasePage):
    """A short text for decision makers, ending in numbered recommendations."""

    publication_date = models.DateField(_("publication date"))
    summary = models.TextField(_("summary"), help_text=_("What a minister should read if they read nothing else."))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    recommendations = StreamField([("recommendation", RecommendationBlock())], verbose_name=_("recommendations"))
    downloads = StreamField([("download", DownloadBlock())], blank=True, verbose_name=_("downloads"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("publication_date"),
        *CoverMixin.cover_panels,
        InlinePanel("contributors", label=_("Authors")),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("recommendations"),
        FieldPanel("downloads"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("recommendations"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("summary", "body", "recommendations", "downloads"),
        *synchronised("publication_date", "contributors"),
        *CoverMixin.cover_translatable_fields,
    ]
    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types: list[str] = []
    cover_kind = _("Policy brief")

    class Meta:
        verbose_name = _("policy brief")

    def cover_year(self) -> int:
        return self.publication_date.year

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contributors"] = self.contributor_list
        context["recommendation_items"] = recommendation_items((self, block) for block in self.recommendations)
        context["audiences"] = AUDIENCES
        return extend_publication_context(self, request, context)

    def build_citation(self) -> citations.Citation:
        contributors = self.contributor_list
        return citations.Citation(
            kind="report",
            title=self.title,
            year=self.publication_date.year,
            url=page_url(self),
            authors=[citations.Name(c.person.family_name, c.person.given_names) for c in contributors],
            publisher="International Panel on Social Progress",
            language=self.locale.language_code,
            key=f"ipspbrief{self.publication_date.year}{self.slug.replace('-', '')[:20]}",
        )


class PolicyBriefContributor(ContributorBase):
    page = ParentalKey(PolicyBriefPage, on_delete=models.CASCADE, related_name="contributors")


class ToolkitPage(DownloadsMixin, BasePage):
    """Step-by-step guidance that puts recommendations into practice in a local context."""

    introduction = models.TextField(_("introduction"))
    steps = StreamField([("step", StepBlock())], verbose_name=_("steps"))
    downloads = StreamField(
        [("download", DownloadBlock())], blank=True, verbose_name=_("worksheets"), help_text=_("Worksheets to fill in.")
    )
    related_practices = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Practice")))],
        blank=True,
        verbose_name=_("related practices"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("steps"),
        FieldPanel("downloads"),
        FieldPanel("related_practices"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction"), index.SearchField("steps")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("introduction", "steps", "downloads"),
        *synchronised("related_practices"),
    ]
    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("toolkit")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_practices"] = [
            page for page in localized_pages([block.value for block in self.related_practices]) if page.live
        ]
        return context
