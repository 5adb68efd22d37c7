"""StreamField blocks shared by several apps. App-specific blocks live in that app's blocks.py."""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

# Editors get the inline features a serious publication needs and nothing that breaks layout.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]


class SynchronisedCharBlock(blocks.CharBlock):
    """Text that must be identical in every language (identifiers, anchors): wagtail-localize
    copies it instead of offering it to translators."""

    def get_translatable_segments(self, value):
        return []

    def restore_translated_segments(self, value, segments):
        return value


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
        help_text=_("Use level 2 for sections; never skip a level."),
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading_block.html"
        label = _("Heading")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=255,
        help_text=_("Overrides the image's own alternative text for this use."),
    )

    class Meta:
        icon = "image"
        template = "cms/blocks/image_block.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote_block.html"
        label = _("Quotation")


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External link"), required=False, help_text=_("Used when no page is chosen."))
    button_text = blocks.CharBlock(label=_("Button text"), max_length=60)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["link_page"] = next(iter(localized_pages([value["page"]])), None)
        return context

    class Meta:
        icon = "pick"
        template = "cms/blocks/call_to_action_block.html"
        label = _("Call to action")


def localized_pages(pages: list[Page]) -> list[Page]:
    """Each page in the visitor's language where a live translation exists, in one query.

    wagtail-localize deliberately keeps page choosers pointing at the source page ("localize at
    runtime"); this is that runtime step, for a whole list at once.
    """
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .filter(translation_key__in=[page.translation_key for page in pages], locale__language_code=get_language())
        .only("id", "title", "url_path", "path", "depth", "live", "locale_id", "translation_key", "search_description")
    }
    return [translations.get(page.translation_key, page) for page in pages]


class FeaturedPagesBlock(blocks.StructBlock):
    """A titled row of cards; each section of the site (reports, practices, events) can be featured."""

    title = blocks.CharBlock(label=_("Title"), max_length=120)
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pages"), min_num=1, max_num=6)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["pages"] = [page for page in localized_pages(list(value["pages"])) if page.live]
        return context

    class Meta:
        icon = "list-ul"
        template = "cms/blocks/featured_pages_block.html"
        label = _("Featured pages")


class BodyStreamBlock(blocks.StreamBlock):
    """The body of standard pages and other prose-heavy pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"), icon="pilcrow")
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        template = "cms/blocks/body_stream_block.html"


class HomeStreamBlock(blocks.StreamBlock):
    featured_pages = FeaturedPagesBlock()
    call_to_action = CallToActionBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"), icon="pilcrow")
