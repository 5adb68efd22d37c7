from __future__ import annotations

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.models import BasePage, ExpertReviewedTreeMixin, Theme
from cms.translation import translated
from reports.blocks import AUDIENCES
from reports.models.mixins import recommendation_items


class ReportIndexPage(RoutablePageMixin, ExpertReviewedTreeMixin, BasePage):
    """Reports and policy briefs of the Panel. Everything under it goes through expert review."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["reports.ReportPage", "reports.PolicyBriefPage", "reports.ToolkitPage", "home.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("report index page")

    def get_context(self, request, *args, **kwargs):
        from reports.models import PolicyBriefPage, ReportPage, ToolkitPage

        context = super().get_context(request, *args, **kwargs)
        children = self.get_children().live().public()
        context["reports"] = (
            ReportPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("theme", "cover_image")
            .prefetch_related("cover_image__renditions")
            .order_by("-edition_year")
        )
        context["briefs"] = (
            PolicyBriefPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("theme", "cover_image")
            .prefetch_related("cover_image__renditions")
            .order_by("-publication_date")
        )
        context["toolkits"] = ToolkitPage.objects.child_of(self).live().public().defer_streamfields()
        context["other_pages"] = children.not_type(ReportPage, PolicyBriefPage, ToolkitPage)
        return context

    @path("recommendations/", name="recommendations")
    def recommendations(self, request):
        """Every recommendation of the live reports and briefs in this language, filterable."""
        from reports.models import PolicyBriefPage, ReportPage

        audience = request.GET.get("audience", "")
        theme_slug = request.GET.get("theme", "")
        pairs = []
        for model in (PolicyBriefPage, ReportPage):
            for page in (
                model.objects.descendant_of(self)
                .live()
                .public()
                .only("id", "title", "url_path", "recommendations", "locale_id", "path", "depth")
            ):
                for block in page.recommendations:
                    value = block.value
                    theme_slugs = {theme.slug for theme in value["themes"] if theme}
                    if audience and audience not in value["audiences"]:
                        continue
                    if theme_slug and theme_slug not in theme_slugs:
                        continue
                    pairs.append((page, block))
        items = recommendation_items(pairs)
        themes = Theme.objects.filter(locale__language_code=get_language()).order_by("name")
        return TemplateResponse(
            request,
            "reports/recommendations.html",
            {
                **self.get_context(request),
                "items": items,
                "audiences": AUDIENCES,
                "themes": themes,
                "selected_audience": audience,
                "selected_theme": theme_slug,
            },
        )
