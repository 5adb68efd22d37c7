"""StreamField blocks of reports, chapters, policy briefs and toolkits."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.blocks import (
    PREVIEW_PARAGRAPH,
    RICH_TEXT_FEATURES,
    KeyFigureBlock,
    QuoteBlock,
    SynchronisedCharBlock,
    paragraph_block,
    preview_image,
)

AUDIENCES = [
    ("international", _("International organisations")),
    ("national", _("National governments")),
    ("local", _("Local governments")),
    ("business", _("Business")),
    ("civil_society", _("Civil society")),
]


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    number = blocks.CharBlock(label=_("Figure number"), max_length=20, required=False, help_text=_("e.g. 3.2"))
    caption = blocks.RichTextBlock(label=_("Caption"), features=["bold", "italic", "link"])
    alt_text = blocks.CharBlock(label=_("Alternative text"), max_length=500, help_text=_("What the figure shows."))
    source = blocks.CharBlock(label=_("Source"), max_length=300, required=False)

    class Meta:
        icon = "image"
        template = "reports/blocks/figure_block.html"
        label = _("Figure")
        description = _("A chart, map or photograph with its number, caption and source.")

    def get_preview_value(self):
        return self.normalize(
            {
                "image": preview_image(),
                "number": "3.2",
                "caption": "<p>Income share of the top 10%, 1980–2020</p>",
                "source": "World Inequality Database",
            }
        )


class ChartBlock(blocks.StructBlock):
    """A bar or line chart drawn from a small table; readers also get the table itself."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    kind = blocks.ChoiceBlock(
        choices=[("bar", _("Bar chart")), ("line", _("Line chart"))], default="bar", label=_("Kind")
    )
    data = blocks.TextBlock(
        label=_("Figures (CSV)"),
        rows=8,
        help_text=_(
            "First row: a heading for the labels, then one heading per series. Then one row per label, "
            "values separated by commas, e.g. “Volume 1,8”. Numbers without thousands separators."
        ),
    )
    unit = blocks.CharBlock(label=_("Unit"), max_length=40, required=False, help_text=_("e.g. “%” or “chapters”."))
    source_text = blocks.CharBlock(label=_("Source"), max_length=300)
    source_url = blocks.URLBlock(label=_("Source address"), required=False)

    class Meta:
        icon = "table"
        template = "reports/blocks/chart_block.html"
        label = _("Chart")
        description = _("A bar or line chart from a small table of figures, with the table for screen readers.")
        preview_value = {
            "title": "Chapters per volume",
            "kind": "bar",
            "data": "Volume,Chapters\nVolume 1,8\nVolume 2,6\nVolume 3,8",
            "unit": "",
            "source_text": "Rethinking Society for the 21st Century, Cambridge University Press, 2018",
        }

    def clean(self, value):
        from reports.charts import TableError, parse_table

        value = super().clean(value)
        try:
            parse_table(value["data"])
        except TableError as error:
            raise StructBlockValidationError(block_errors={"data": ValidationError(error.messages)}) from error
        return value

    def get_context(self, value, parent_context=None):
        from reports.charts import TableError, draw, parse_table

        context = super().get_context(value, parent_context=parent_context)
        try:
            context["chart"] = draw(value["kind"], parse_table(value["data"]), value["title"], value["unit"])
        except TableError:
            context["chart"] = None  # saved before validation existed: show nothing rather than fail
        return context


class SectionContentBlock(blocks.StreamBlock):
    paragraph = paragraph_block()
    figure = FigureBlock()
    key_figure = KeyFigureBlock()
    chart = ChartBlock()
    quote = QuoteBlock()


class SectionBlock(blocks.StructBlock):
    """A numbered section of a chapter. Its anchor never changes once published, in any language."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    anchor = SynchronisedCharBlock(
        label=_("Anchor"),
        max_length=60,
        required=False,
        help_text=_(
            "Short name used in links to this section, e.g. “wealth-taxes”. Leave empty to use a generated one."
        ),
    )
    content = SectionContentBlock(label=_("Content"))

    class Meta:
        icon = "doc-full"
        label = _("Section")
        description = _("A section of the chapter: its heading, then text, figures and quotations.")
        preview_value = {
            "heading": "Why inequality matters",
            "anchor": "why-inequality-matters",
            "content": [("paragraph", PREVIEW_PARAGRAPH)],
        }


class DownloadBlock(blocks.StructBlock):
    """A file in one language: the page offers the visitor's language first."""

    document = DocumentChooserBlock(label=_("Document"))
    language = blocks.ChoiceBlock(choices=settings.LANGUAGES, label=_("Language of the file"))
    label = blocks.CharBlock(label=_("Label"), max_length=120, required=False, help_text=_("e.g. “Full chapter (PDF)”"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Download")
        description = _("A file readers can download, in one language, with its label.")
        preview_value = {"language": "en", "label": "Full chapter (PDF)"}


class RecommendationBlock(blocks.StructBlock):
    identifier = SynchronisedCharBlock(
        label=_("Identifier"),
        max_length=20,
        help_text=_("Stable and unique on this page, e.g. “R3”. It forms the link to the recommendation."),
    )
    statement = blocks.CharBlock(label=_("Recommendation"), max_length=400, help_text=_("One sentence."))
    rationale = blocks.RichTextBlock(label=_("Rationale"), features=RICH_TEXT_FEATURES)
    audiences = blocks.MultipleChoiceBlock(choices=AUDIENCES, label=_("Addressed to"))
    themes = blocks.ListBlock(SnippetChooserBlock("cms.Theme"), label=_("Themes"), required=False)
    chapters = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="reports.ChapterPage"), label=_("Supporting chapters"), required=False
    )
    practices = blocks.ListBlock(
        blocks.PageChooserBlock(), label=_("Supporting practices"), required=False, help_text=_("Practice pages.")
    )

    class Meta:
        icon = "tick-inverse"
        label = _("Recommendation")
        description = _("What should be done and by whom, with the reasons and the evidence behind it.")
        preview_value = {
            "identifier": "R1",
            "statement": "Tax wealth progressively and use the revenue for universal services.",
            "rationale": PREVIEW_PARAGRAPH,
            "audiences": ["national"],
        }


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    body = blocks.RichTextBlock(label=_("What to do"), features=RICH_TEXT_FEATURES)
    checklist = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Checklist"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")
        description = _("One step of the toolkit: what to do, and a checklist.")
        preview_value = {
            "title": "Map who is affected",
            "body": "<p>List the groups the decision touches and how to reach them.</p>",
            "checklist": ["Residents", "Workers", "Local organisations"],
        }


def section_anchor(section) -> str:
    """The anchor of a section StreamChild: the editor's choice, else derived from its block id."""
    chosen = slugify(section.value.get("anchor") or "", allow_unicode=True)
    return chosen or f"section-{section.id[:8]}"


def recommendation_anchor(identifier: str) -> str:
    return f"recommendation-{slugify(identifier, allow_unicode=True)}"
