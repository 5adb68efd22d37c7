"""The stream of news and stories: filterable by kind, theme and region, with RSS and Atom feeds."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms import geography
from cms.models import BasePage, Theme
from cms.translation import translated

PER_PAGE = 12


class NewsIndexPage(RoutablePageMixin, BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage", "home.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")

    def items(self, kind: str = "", theme: str = "", region: str = ""):
        """Live, public items of this language, newest first, filtered by kind, theme slug and M49 region."""
        from news.models import NewsPage

        queryset = NewsPage.objects.child_of(self).live().public()
        if kind:
            queryset = queryset.filter(kind=kind)
        if theme:
            queryset = queryset.filter(themes__slug=theme)
        if region:
            queryset = queryset.filter(countries__region=region)
        return queryset.distinct().order_by("-date", "-first_published_at").select_related("lead_image")

    @path("", name="index")
    def browse(self, request):
        from news.models import Kind

        kind = request.GET.get("kind", "") if request.GET.get("kind") in Kind.values else ""
        theme = request.GET.get("theme", "")[:120]
        region = request.GET.get("region", "") if request.GET.get("region") in geography.REGIONS else ""
        items = self.items(kind, theme, region).defer_streamfields()
        page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
        language = self.locale.language_code
        feed_query = "&".join(f"{key}={value}" for key, value in (("kind", kind), ("theme", theme)) if value)
        context = {
            **self.get_context(request),
            "items": page,
            "kinds": Kind.choices,
            "themes": Theme.objects.filter(locale=self.locale).order_by("name"),
            "regions": [(code, geography.region_name(code, language)) for code in geography.REGIONS],
            "selected": {"kind": kind, "theme": theme, "region": region},
            "feed_query": feed_query,
            "querystring": "&".join(
                f"{key}={value}" for key, value in (("kind", kind), ("theme", theme), ("region", region)) if value
            ),
        }
        return TemplateResponse(request, self.template, context)

    @path("feed/rss/", name="rss")
    def rss(self, request):
        from news.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        from news.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)
