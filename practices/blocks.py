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


class IndicatorBlock(blocks.StructBlock):
    """One measured result: what was measured, the figure, when, and who says so."""

    label = blocks.CharBlock(label=_("Indicator"), max_length=200, help_text=_("e.g. Households reached"))
    value = blocks.CharBlock(label=_("Value"), max_length=60, help_text=_("e.g. 1.2 million, 35%"))
    year = blocks.IntegerBlock(label=_("Year"), required=False, min_value=1800, max_value=2100)
    source = blocks.CharBlock(label=_("Source"), max_length=300, required=False)

    class Meta:
        icon = "table"
        label = _("Indicator")


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Link")


class DocumentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    document = DocumentChooserBlock(label=_("Document"), help_text=_("Choose the version in this page's language."))

    class Meta:
        icon = "doc-full"
        label = _("Document")


class ResourceStreamBlock(blocks.StreamBlock):
    link = LinkBlock()
    document = DocumentBlock()
