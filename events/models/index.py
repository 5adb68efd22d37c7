"""All events on one page: upcoming first, then the archive; filterable by year, continent and type."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.models import BasePage
from cms.translation import translated
from events.models.awards import AwardEditionPage
from events.models.common import CONTINENTS, EventType
from events.models.day import SocialProgressDayPage
from events.models.forum import ForumEditionPage


@dataclass
class EventItem:
    page: object
    type: str
    type_label: str
    start_date: datetime.date
    end_date: datetime.date | None
    continent: str

    @property
    def upcoming(self) -> bool:
        return (self.end_date or self.start_date) >= datetime.date.today()


class EventsIndexPage(RoutablePageMixin, BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "events.ForumIndexPage",
        "events.AwardsIndexPage",
        "events.SocialProgressDayPage",
        "events.PressRoomPage",
        "home.StandardPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events index page")

    def events(self, year: int | None = None, continent: str = "", kind: str = "") -> list[EventItem]:
        """Every live, public event of this language (one query per event type)."""
        items = []
        for model in (ForumEditionPage, AwardEditionPage, SocialProgressDayPage):
            if kind and model.event_type != kind:
                continue
            queryset = model.objects.descendant_of(self).live().public().defer_streamfields()
            if year:
                queryset = queryset.filter(start_date__year=year)
            if continent:
                queryset = queryset.filter(continent=continent)
            label = EventType(model.event_type).label
            items += [
                EventItem(page, model.event_type, label, page.start_date, page.end_date, page.continent)
                for page in queryset
            ]
        return items

    @staticmethod
    def upcoming_first(items: list[EventItem]) -> tuple[list[EventItem], list[EventItem]]:
        upcoming = sorted((item for item in items if item.upcoming), key=lambda item: item.start_date)
        past = sorted((item for item in items if not item.upcoming), key=lambda item: item.start_date, reverse=True)
        return upcoming, past

    @path("", name="index")
    def browse(self, request):
        year = request.GET.get("year", "")
        year = int(year) if year.isdigit() and 1900 < int(year) < 2200 else None
        continent = request.GET.get("continent", "")
        continent = continent if continent in dict(CONTINENTS) else ""
        kind = request.GET.get("type", "")
        kind = kind if kind in EventType.values else ""
        all_items = self.events()
        upcoming, past = self.upcoming_first(self.events(year, continent, kind))
        context = {
            **self.get_context(request),
            "upcoming": upcoming,
            "past": past,
            "years": sorted({item.start_date.year for item in all_items}, reverse=True),
            "continents": CONTINENTS,
            "types": EventType.choices,
            "selected": {"year": year, "continent": continent, "type": kind},
        }
        return TemplateResponse(request, self.template, context)
