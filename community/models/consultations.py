"""Consultations: a question or a draft (section by section) opened to comment for a set period."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.models import BasePage
from cms.translation import synchronised, translated


class ModerationMode(models.TextChoices):
    PRE = "pre", _("Pre-moderation: comments appear once a moderator approves them")
    POST = "post", _("Post-moderation: comments appear at once; moderators can hide them")


class ConsultationIndexPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("consultation index page")


class ConsultationPage(BasePage):
    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    question = models.CharField(
        _("question"), max_length=300, blank=True, help_text=_("The question asked, if the consultation has one.")
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    moderation = models.CharField(
        _("moderation"), max_length=4, choices=ModerationMode.choices, default=ModerationMode.PRE
    )
    summary = RichTextField(
        _("summary of the responses"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text=_("Written by editors after the consultation closes; shown on the page."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("question"),
        MultiFieldPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("moderation")], heading=_("Period")
        ),
        InlinePanel("sections", heading=_("Sections of the draft"), label=_("section")),
        FieldPanel("summary"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("question"),
        index.SearchField("summary"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("introduction", "question", "summary"),
        *synchronised("opens_at", "closes_at", "moderation"),
    ]
    parent_page_types = ["community.ConsultationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("consultation")

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def is_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at


class ConsultationSection(TranslatableMixin, Orderable):
    """One section of the draft under consultation; comments attach to it."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(_("heading"), max_length=255)
    anchor = models.SlugField(
        _("anchor"), max_length=60, help_text=_("Stable identifier in the page address, e.g. “section-2”.")
    )
    body = RichTextField(_("text"), features=["bold", "italic", "link", "ol", "ul", "h3"])

    panels = [FieldPanel("heading"), FieldPanel("anchor"), FieldPanel("body")]
    override_translatable_fields = translated("heading", "body") + synchronised("anchor")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("section")
        unique_together = [("translation_key", "locale")]

    def __str__(self) -> str:
        return self.heading
