"""The repository of inspiring practices: faceted browsing and the public "Share a practice" form."""

from __future__ import annotations

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms import ratelimit
from cms.models import BasePage, ExpertReviewedTreeMixin
from cms.public_forms import protected_form_response, renderer
from cms.translation import translated

SUBMISSION_LIMIT = ratelimit.Limit("practice-submission", limit=5, window=3600)


class PracticeIndexPage(RoutablePageMixin, ExpertReviewedTreeMixin, BasePage):
    """The repository of inspiring practices. Everything under it goes through expert review."""

    introduction = models.TextField(_("introduction"), blank=True)
    submission_introduction = models.TextField(
        _("introduction to the submission form"),
        blank=True,
        help_text=_("Shown above the “Share a practice” form: what the Panel looks for."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction"), FieldPanel("submission_introduction")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("introduction", "submission_introduction"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["practices.PracticePage", "home.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice index page")

    @path("", name="index")
    def browse(self, request):
        from practices.browsing import PracticeBrowser

        browser = PracticeBrowser(self.locale, request.GET)
        facets = browser.facets()
        results = browser.results(request.GET.get("page"))
        context = {
            **self.get_context(request),
            "browser": browser,
            "results": results,
            "facets": facets,
            "chips": browser.chips(facets),
            "suggestion": browser.suggestion(results),
            "map": browser.country_map(self.url),
        }
        # A refused parameter (an unknown region) says so, rather than showing a silently empty list.
        return TemplateResponse(request, self.template, context, status=400 if browser.errors else 200)

    @path("feed/rss/", name="rss")
    def rss(self, request):
        from practices.feeds import ReviewedPracticesRssFeed

        return ReviewedPracticesRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        from practices.feeds import ReviewedPracticesAtomFeed

        return ReviewedPracticesAtomFeed(self)(request)

    @path("share/", name="share")
    def share(self, request):
        from practices.forms import PracticeSubmissionForm
        from practices.submissions import create_draft

        return protected_form_response(
            request,
            PracticeSubmissionForm(request.POST or None, locale=self.locale),
            limit=SUBMISSION_LIMIT,
            render=renderer(request, "practices/share_practice.html", lambda: self.get_context(request)),
            save=lambda form: create_draft(self, form.cleaned_data, self.locale.language_code),
            done_url=self.url + self.reverse_subpage("share_thanks"),
        )

    @path("share/thanks/", name="share_thanks")
    def share_thanks(self, request):
        return TemplateResponse(request, "practices/share_practice_thanks.html", self.get_context(request))
