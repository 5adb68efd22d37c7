from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, HomeStreamBlock
from cms.models import BasePage
from cms.translation import synchronised, translated


class HomePage(BasePage):
    """The front page of one language, the Panel's front door: the flagship report and its key
    messages, the open consultation, the next Forum, World Social Progress Day, the latest practices
    on a world map and the latest stories. Each locale has exactly one, at the top of its tree."""

    hero_heading = models.CharField(
        _("hero heading"), max_length=200, help_text=_("The large statement at the top of the page.")
    )
    hero_intro = models.TextField(_("hero introduction"), blank=True, help_text=_("One or two sentences under it."))
    hero_image = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photograph; it is cropped to 16:9."),
    )
    mission_heading = models.CharField(_("mission heading"), max_length=200, blank=True)
    mission = RichTextField(
        _("mission"), features=RICH_TEXT_FEATURES, blank=True, help_text=_("What the Panel is and why it exists.")
    )
    flagship_report = models.ForeignKey(
        "reports.ReportPage",
        verbose_name=_("flagship report"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The report the home page leads with, in each language. Empty: the newest report."),
    )
    key_messages = StreamField(
        [("message", blocks.TextBlock(label=_("Key message"), max_length=300))],
        blank=True,
        max_num=3,
        verbose_name=_("key messages"),
        help_text=_("Up to three sentences beside the report's cover: what every reader should take away."),
    )
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        verbose_name=_("featured content"),
        help_text=_(
            "Further rows of featured pages and calls to action, below the report, events, practices and news."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_intro"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        MultiFieldPanel([FieldPanel("flagship_report"), FieldPanel("key_messages")], heading=_("Flagship report")),
        MultiFieldPanel([FieldPanel("mission_heading"), FieldPanel("mission")], heading=_("Mission")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_intro"), index.SearchField("mission")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("hero_heading", "hero_intro", "mission_heading", "mission", "key_messages", "body"),
        *synchronised("flagship_report"),
        *synchronised("hero_image", overridable=True),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        """The front door's sections (`home.front_door`): one query each, whatever the content."""
        from django.utils.translation import get_language

        from home import front_door

        context = super().get_context(request, *args, **kwargs)
        context.update(front_door.sections(self, request, get_language()))
        return context


class StandardPage(BasePage):
    """About, contact, legal and other pages made of headings, paragraphs, images and quotes."""

    introduction = models.TextField(_("introduction"), blank=True, help_text=_("A short lead paragraph."))
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    show_in_footer = models.BooleanField(
        _("show in footer"), default=False, help_text=_("List this page in the footer (legal pages, contact).")
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    promote_panels = [*BasePage.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction"), index.SearchField("body")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("introduction", "body"),
        *synchronised("show_in_footer"),
    ]

    # Index pages accept standard pages for their own explanatory pages (review criteria, methods).
    parent_page_types = ["home.HomePage", "home.StandardPage", "reports.ReportIndexPage", "practices.PracticeIndexPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
