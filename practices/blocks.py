"""StreamField blocks of practices: the organisations behind them, indicators of results, resources."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

ORGANISATION_ROLES = [("lead", _("Lead organisation")), ("partner", _("Partner"))]


class OrganisationBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=255)
    role = blocks.ChoiceBlock(choices=ORGANISATION_ROLES, default="lead", label=_("Role"))
    website = blocks.URLBlock(label=_("Website"), required=False)

    class Meta:
        icon = "group"
        label = _("Organisation")
        description = _("An organisation behind the practice, the lead one or a partner, with its website.")
        preview_value = {"name": "Federación de Comedores Populares", "role": "lead", "website": "https://example.org/"}


class IndicatorBlock(blocks.StructBlock):
    """One measured result: what was measured, the figure, when, and who says so."""

    label = blocks.CharBlock(label=_("Indicator"), max_length=200, help_text=_("e.g. Households reached"))
    value = blocks.CharBlock(label=_("Value"), max_length=60, help_text=_("e.g. 1.2 million, 35%"))
    year = blocks.IntegerBlock(label=_("Year"), required=False, min_value=1800, max_value=2100)
    source = blocks.CharBlock(label=_("Source"), max_length=300, required=False)

    class Meta:
        icon = "table"
        label = _("Indicator")
        description = _("One measured result: what was measured, the figure, the year and its source.")
        preview_value = {"label": "Households reached", "value": "1.2 million", "year": 2023, "source": "Annual report"}


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Link")
        description = _("A link to a web page about the practice: an evaluation, a video, a story.")
        preview_value = {"title": "Independent evaluation (2022)", "url": "https://example.org/evaluation"}


class DocumentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    document = DocumentChooserBlock(label=_("Document"), help_text=_("Choose the version in this page's language."))

    class Meta:
        icon = "doc-full"
        label = _("Document")
        description = _("A document from the library, in this page's language.")
        preview_value = {"title": "Evaluation report"}


class ResourceStreamBlock(blocks.StreamBlock):
    link = LinkBlock()
    document = DocumentBlock()
