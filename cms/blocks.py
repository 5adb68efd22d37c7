"""StreamField blocks shared by several apps. App-specific blocks live in that app's blocks.py."""

from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

# Editors get the inline features a serious publication needs and nothing that breaks layout.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]

# Block previews in the editor's block chooser (Meta.preview_value) show real-looking content; the
# ones that need an image or pages take them from the library when they are chosen.
PREVIEW_PARAGRAPH = (
    "<p>Social progress is not only growth: it is the advance of <b>well-being, freedom and "
    "justice</b> for all, measured by what people can do and be.</p>"
)


def preview_image():
    return get_image_model().objects.order_by("-created_at").first()


def preview_pages() -> list[Page]:
    return list(Page.objects.live().filter(depth=3).order_by("-first_published_at")[:3])


def paragraph_block(features=RICH_TEXT_FEATURES) -> blocks.RichTextBlock:
    """The paragraph of every body stream: one definition, so its chooser entry reads the same everywhere."""
    return blocks.RichTextBlock(
        features=features,
        label=_("Paragraph"),
        icon="pilcrow",
        description=_("Running text with bold, italics, links and lists."),
        preview_value=PREVIEW_PARAGRAPH,
    )


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
        description = _("A section heading (level 2) or a sub-heading (levels 3 and 4).")
        preview_value = {"text": "Housing as a right", "level": "h2"}


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
        description = _("An image from the library with a caption; its alternative text can be adapted here.")

    def get_preview_value(self):
        return self.normalize({"image": preview_image(), "caption": "Community kitchen in Lima, Peru"})


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote_block.html"
        label = _("Quotation")
        description = _("A quotation set apart from the text, with who said it.")
        preview_value = {
            "text": "Social progress is a collective endeavour: no one can define it alone.",
            "attribution": "International Panel on Social Progress",
        }


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
        description = _("A short invitation with one button, to a page of the site or another address.")
        preview_value = {
            "title": "Have your say on the next report",
            "text": "The consultation on the draft chapter is open until the end of the month.",
            "page": None,
            "url": "https://www.ipsp.org/",
            "button_text": "Read and comment",
        }


# What linking to a page (a card, a list item) needs, and no more.
LINK_FIELDS = ("id", "title", "url_path", "path", "depth", "live", "locale_id", "translation_key", "search_description")


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
        .only(*LINK_FIELDS)
    }
    return [translations.get(page.translation_key, page) for page in pages]


def localized_pages_by_id(page_ids: list[int]) -> dict[int, Page]:
    """`localized_pages` for pages known only by their id (a row that points at a page): each id's
    page in the visitor's language where a live translation exists, else the page itself. One query
    reads the pages and their translations together."""
    if not page_ids:
        return {}
    language = get_language()
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    found = list(
        Page.objects.filter(Q(pk__in=page_ids) | Q(live=True, locale__language_code=language, translation_key__in=keys))
        .select_related("locale")
        .only(*LINK_FIELDS, "locale__language_code")
    )
    translations = {page.translation_key: page for page in found if page.live and page.locale.language_code == language}
    wanted = set(page_ids)
    return {page.pk: translations.get(page.translation_key, page) for page in found if page.pk in wanted}


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
        description = _("A titled row of up to six cards, each leading to a page of the site.")

    def get_preview_value(self):
        return self.normalize({"title": "Featured", "pages": preview_pages()})


class BodyStreamBlock(blocks.StreamBlock):
    """The body of standard pages and other prose-heavy pages."""

    heading = HeadingBlock()
    paragraph = paragraph_block()
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()

    class Meta:
        template = "cms/blocks/body_stream_block.html"


class HomeStreamBlock(blocks.StreamBlock):
    featured_pages = FeaturedPagesBlock()
    call_to_action = CallToActionBlock()
    paragraph = paragraph_block()


class KeyFigureBlock(blocks.StructBlock):
    """One number that matters, with what it counts and where it comes from (reports, chapters and
    practices). Translators translate what it counts and the source's wording; the number, its year
    and the source's address are the same in every language."""

    number = SynchronisedCharBlock(
        label=_("Number"), max_length=20, help_text=_("As it should read, e.g. “22” or “300+”.")
    )
    label = blocks.CharBlock(label=_("What it counts"), max_length=160)
    year = blocks.IntegerBlock(
        label=_("Year"),
        required=False,
        min_value=1800,
        max_value=2100,
        help_text=_("The year the number describes, if the source gives one."),
    )
    source_text = blocks.CharBlock(label=_("Source"), max_length=300)
    source_url = blocks.URLBlock(label=_("Source address"), required=False)

    class Meta:
        icon = "pick"
        template = "cms/blocks/key_figure_block.html"
        label = _("Key figure")
        description = _("A number that matters, with what it counts and its source.")
        preview_value = {
            "number": "22",
            "label": "chapters in three volumes",
            "source_text": "Rethinking Society for the 21st Century, Cambridge University Press, 2018",
        }
