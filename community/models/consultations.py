"""Consultations: a question or a draft (section by section) opened to comment for a set period."""

from __future__ import annotations

from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from cms.models import BasePage
from cms.translation import synchronised, translated


class ModerationMode(models.TextChoices):
    PRE = "pre", _("Pre-moderation: comments appear once a moderator approves them")
    POST = "post", _("Post-moderation: comments appear at once; moderators can hide them")


class ConsultationIndexPage(BasePage):
    """The list of consultations of one language: open ones first, then upcoming, then closed."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("consultation index page")

    def get_context(self, request, *args, **kwargs):
        from community.consultations.listing import consultations_of

        context = super().get_context(request, *args, **kwargs)
        context["consultations"] = consultations_of(self)
        return context


class ConsultationPage(RoutablePageMixin, BasePage):
    """A question or a draft (section by section) open to comment from `opens_at` to `closes_at`.

    Logged-in participants answer the question and comment on each section; the comments of every
    language version are shown together. Once it closes, the page shows who took part by region
    and the summary editors write. Posting goes through the routes below (comment/, comment/<anchor>/);
    flagging and editing through community.comments.views.
    """

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
        index.RelatedFields("sections", [index.SearchField("heading"), index.SearchField("body")]),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("introduction", "question", "summary", "sections"),
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

    def get_context(self, request, *args, failed=None, **kwargs):
        from community.consultations.views import discussion_context

        context = super().get_context(request, *args, **kwargs)
        context.update(discussion_context(self, request, failed=failed))
        return context

    def render_failed(self, request, failed) -> TemplateResponse:
        """The page again, with the refused comment in its form and the reason."""
        context = self.get_context(request, failed=failed)
        response = TemplateResponse(request, self.get_template(request), context, status=failed.status)
        if failed.retry_after:
            response["Retry-After"] = str(failed.retry_after)
        return response

    # Every route depends on who is reading (their pending comments, the forms): never cached.
    @path("")
    @method_decorator(never_cache)
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("comment/", name="comment")
    def comment_route(self, request):
        from community.consultations.views import post_comment

        return post_comment(self, request)

    @path("comment/<slug:anchor>/", name="comment_section")
    def comment_section_route(self, request, anchor: str):
        from community.consultations.views import post_comment

        return post_comment(self, request, anchor=anchor)


class ConsultationSection(TranslatableMixin, Orderable):
    """One section of the draft under consultation; comments attach to it."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="sections")
    heading = models.CharField(_("heading"), max_length=255)
    anchor = models.SlugField(
        _("anchor"), max_length=60, help_text=_("Stable identifier in the page address, e.g. “section-2”.")
    )
    body = RichTextField(_("text"), features=["bold", "italic", "link", "ol", "ul", "h3"])

    panels = [FieldPanel("heading"), FieldPanel("anchor"), FieldPanel("body")]
    # `page` is the ParentalKey: wagtail-localize never copies it (each language version keeps its
    # own sections); declared so every field has a decision.
    override_translatable_fields = translated("heading", "body") + synchronised("anchor", "page")

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("section")
        unique_together = [("translation_key", "locale")]
        # Sections built in code (the demo, imports, tests) have no sort_order: they keep the order
        # they were created in, rather than whatever order the database returns rows with equal keys.
        ordering = ["sort_order", "pk"]

    def __str__(self) -> str:
        return self.heading
