"""Reports and their chapters."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.links import page_url
from cms.models import BasePage
from cms.sharing.mixins import ShareKitMixin
from cms.translation import synchronised, translated
from reports import citations
from reports.blocks import AUDIENCES, DownloadBlock, RecommendationBlock, SectionBlock, section_anchor
from reports.models.mixins import (
    CitableMixin,
    ContributorBase,
    CoverMixin,
    DownloadsMixin,
    PdfMixin,
    extend_publication_context,
    recommendation_items,
)

LICENCES = [
    ("cc-by-4.0", "CC BY 4.0"),
    ("cc-by-sa-4.0", "CC BY-SA 4.0"),
    ("cc-by-nc-nd-4.0", "CC BY-NC-ND 4.0"),
    ("all-rights-reserved", _("All rights reserved")),
]


def _names(contributors, roles: set[str]) -> list[citations.Name]:
    return [
        citations.Name(contributor.person.family_name, contributor.person.given_names)
        for contributor in contributors
        if contributor.role in roles
    ]


class ReportPage(ShareKitMixin, PdfMixin, CitableMixin, DownloadsMixin, CoverMixin, BasePage):
    """A report of the Panel: its volumes and chapters are the pages under it."""

    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    edition_year = models.PositiveSmallIntegerField(
        _("edition year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    abstract = RichTextField(_("abstract"), features=RICH_TEXT_FEATURES)
    publisher = models.CharField(_("publisher"), max_length=200, default="International Panel on Social Progress")
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    doi = models.CharField(_("DOI"), max_length=100, blank=True, help_text=_("e.g. 10.1017/9781108399661"))
    licence = models.CharField(_("licence"), max_length=30, choices=LICENCES, default="cc-by-4.0")
    volumes = StreamField(
        [
            (
                "volume",
                blocks.StructBlock(
                    [
                        ("number", blocks.IntegerBlock(min_value=1, label=_("Number"))),
                        ("title", blocks.CharBlock(max_length=200, label=_("Title"))),
                    ],
                    icon="folder-open-1",
                    label=_("Volume"),
                ),
            )
        ],
        blank=True,
        verbose_name=_("volumes"),
    )
    recommendations = StreamField(
        [("recommendation", RecommendationBlock())], blank=True, verbose_name=_("recommendations")
    )
    downloads = StreamField([("download", DownloadBlock())], blank=True, verbose_name=_("downloads"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [
                FieldPanel("edition_year"),
                FieldPanel("publisher"),
                FieldPanel("isbn"),
                FieldPanel("doi"),
                FieldPanel("licence"),
            ],
            heading=_("Publication"),
        ),
        FieldPanel("abstract"),
        *CoverMixin.cover_panels,
        InlinePanel("contributors", label=_("Editors and authors")),
        FieldPanel("volumes"),
        FieldPanel("recommendations"),
        FieldPanel("downloads"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("abstract"),
        index.SearchField("recommendations"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("subtitle", "abstract", "publisher", "volumes", "recommendations", "downloads"),
        *synchronised("edition_year", "isbn", "doi", "licence", "contributors"),
        *CoverMixin.cover_translatable_fields,
    ]
    parent_page_types = ["reports.ReportIndexPage"]
    subpage_types = ["reports.ChapterPage"]

    pdf_template = "reports/pdf/report.html"
    cover_kind = _("Report")

    class Meta:
        verbose_name = _("report")

    def cover_year(self) -> int:
        return self.edition_year

    def live_chapters(self) -> list[ChapterPage]:
        return list(ChapterPage.objects.live().public().child_of(self).defer_streamfields().order_by("number"))

    def pdf_context(self) -> dict:
        return {"chapters": self.live_chapters()}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        chapters = self.live_chapters()
        by_volume: dict[int, list] = {}
        for chapter in chapters:
            by_volume.setdefault(chapter.volume, []).append(chapter)
        context["volumes"] = [
            {
                "number": block.value["number"],
                "title": block.value["title"],
                "chapters": by_volume.get(block.value["number"], []),
            }
            for block in self.volumes
        ] or [{"number": None, "title": "", "chapters": chapters}]
        context["chapter_count"] = len(chapters)
        context["contributors"] = self.contributor_list
        context["recommendation_items"] = recommendation_items((self, block) for block in self.recommendations)
        context["audiences"] = AUDIENCES
        return context

    def build_citation(self) -> citations.Citation:
        contributors = self.contributor_list
        return citations.Citation(
            kind="book",
            title=f"{self.title}: {self.subtitle}" if self.subtitle else self.title,
            year=self.edition_year,
            url=page_url(self),
            authors=_names(contributors, {"author", "cla", "la"}),
            editors=_names(contributors, {"editor"}),
            publisher=self.publisher,
            doi=self.doi,
            isbn=self.isbn,
            language=self.locale.language_code,
            key=f"ipsp{self.edition_year}{self.slug.replace('-', '')[:20]}",
        )


class ReportContributor(ContributorBase):
    page = ParentalKey(ReportPage, on_delete=models.CASCADE, related_name="contributors")


class ChapterPage(ShareKitMixin, PdfMixin, CitableMixin, DownloadsMixin, BasePage):
    """One chapter of a report: numbered sections, figures, notes and references."""

    number = models.PositiveSmallIntegerField(_("chapter number"))
    volume = models.PositiveSmallIntegerField(_("volume"), default=1)
    summary = models.TextField(_("summary"), help_text=_("One paragraph for readers in a hurry."))
    key_messages = StreamField(
        [("message", blocks.TextBlock(label=_("Key message")))], blank=True, verbose_name=_("key messages")
    )
    body = StreamField([("section", SectionBlock())], blank=True, verbose_name=_("sections"))
    footnotes = StreamField(
        [("note", blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Note")))],
        blank=True,
        verbose_name=_("notes"),
        help_text=_("Numbered in order; link to them from the text as #note-1, #note-2…"),
    )
    references = StreamField(
        [("reference", blocks.RichTextBlock(features=["italic", "link"], label=_("Reference")))],
        blank=True,
        verbose_name=_("references"),
    )
    downloads = StreamField([("download", DownloadBlock())], blank=True, verbose_name=_("downloads"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("number"), FieldPanel("volume")], heading=_("Place in the report")),
        InlinePanel("contributors", label=_("Authors")),
        FieldPanel("summary"),
        FieldPanel("key_messages"),
        FieldPanel("body"),
        FieldPanel("footnotes"),
        FieldPanel("references"),
        FieldPanel("downloads"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("key_messages"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("summary", "key_messages", "body", "footnotes", "references", "downloads"),
        *synchronised("number", "volume", "contributors"),
    ]
    parent_page_types = ["reports.ReportPage"]
    subpage_types: list[str] = []

    pdf_template = "reports/pdf/chapter.html"

    class Meta:
        verbose_name = _("chapter")

    def sections(self) -> list[dict]:
        return [
            {"number": f"{self.number}.{position}", "anchor": section_anchor(section), "value": section.value}
            for position, section in enumerate(self.body, start=1)
        ]

    @cached_property
    def report(self) -> ReportPage:
        """The report this chapter belongs to (its parent), in one query."""
        return (
            ReportPage.objects.defer_streamfields()
            .select_related("theme", "cover_image")
            .get(path=self.path[: -self.steplen])
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contributors"] = self.contributor_list
        context["sections"] = self.sections()
        context["report"] = self.report
        context["previous_chapter"], context["next_chapter"] = self.neighbours()
        return extend_publication_context(self, request, context)

    def neighbours(self) -> tuple[ChapterPage | None, ChapterPage | None]:
        """The live chapters before and after this one in the report, by number (one query)."""
        siblings = (
            ChapterPage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .defer_streamfields()
            .only("id", "title", "number", "url_path", "path", "depth", "locale_id", "alias_of_id")
            .order_by("number")
        )
        previous = next_ = None
        for sibling in siblings:
            if sibling.number < self.number:
                previous = sibling
            elif sibling.number > self.number and next_ is None:
                next_ = sibling
        return previous, next_

    def pdf_context(self) -> dict:
        return {"contributors": self.contributor_list, "sections": self.sections(), "report": self.report}

    def build_citation(self) -> citations.Citation:
        report = self.report
        report_citation = report.citation
        contributors = self.contributor_list
        return citations.Citation(
            kind="chapter",
            title=self.title,
            year=report.edition_year,
            url=page_url(self),
            authors=_names(contributors, {"cla", "la", "author", "contributor"}),
            editors=report_citation.editors,
            container_title=report_citation.title,
            publisher=report.publisher,
            doi=report.doi,
            isbn=report.isbn,
            language=self.locale.language_code,
            chapter_number=str(self.number),
            key=f"ipsp{report.edition_year}ch{self.number}",
        )


class ChapterContributor(ContributorBase):
    page = ParentalKey(ChapterPage, on_delete=models.CASCADE, related_name="contributors")
