from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES, BodyStreamBlock, HomeStreamBlock
from cms.models import BasePage
from cms.translation import synchronised, translated


class HomePage(BasePage):
    """The front page of one language. Each locale has exactly one, at the top of its tree."""

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
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        verbose_name=_("featured content"),
        help_text=_("Rows of featured reports, practices, events and calls to action."),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_intro"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        MultiFieldPanel([FieldPanel("mission_heading"), FieldPanel("mission")], heading=_("Mission")),
        FieldPanel("body"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("hero_intro"), index.SearchField("mission")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("hero_heading", "hero_intro", "mission_heading", "mission", "body"),
        *synchronised("hero_image", overridable=True),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None
    latest_news_count = 3

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def next_events(self) -> list:
        """The next Forum and the next World Social Progress Day of this language, if published."""
        import datetime

        from events.models import ForumEditionPage, SocialProgressDayPage

        today = datetime.date.today()
        found = []
        for model in (ForumEditionPage, SocialProgressDayPage):
            page = (
                model.objects.descendant_of(self)
                .live()
                .public()
                .filter(start_date__gte=today)
                .defer_streamfields()
                .order_by("start_date")
                .first()
            )
            if page is not None:
                found.append(page)
        return found

    def get_context(self, request, *args, **kwargs):
        from cms.templatetags.cms_tags import chrome_child  # the chrome's query finds both links
        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["news_index"] = chrome_child(request, self, "news.NewsIndexPage")
        context["next_events"] = self.next_events()
        # Every open consultation, in every language while it is open (a fallback where untranslated).
        from community.take_part import open_consultations

        context["open_consultations"] = open_consultations(self)
        context["take_part"] = chrome_child(request, self, "community.TakePartPage")
        context["latest_news"] = (
            NewsPage.objects.descendant_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("lead_image")
            .order_by("-date", "-first_published_at")[: self.latest_news_count]
        )
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
