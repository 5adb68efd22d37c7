"""The "Calendar" (`/admin/calendar/`) and the "Cadence" report (`/admin/reports/cadence/`).

Both are read from `news.cadence`. Only users who may view planned items (Editors and Moderators,
granted by the migration that adds them) get past the door; others get 403.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from news import cadence
from news.models import Channel, Period, PlannedItem


def _month(value: str, today: datetime.date) -> datetime.date:
    """The first day of the month asked for as `YYYY-MM`, or of this month."""
    try:
        return datetime.datetime.strptime(value, "%Y-%m").date()
    except (TypeError, ValueError):
        return today.replace(day=1)


class CadenceAdminMixin(PermissionCheckedMixin, WagtailAdminTemplateMixin):
    model = PlannedItem
    permission_required = "view"
    header_icon = "date"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]


class CalendarView(CadenceAdminMixin, TemplateView):
    """A month of planned, scheduled and published items, filterable by channel and language."""

    template_name = "news/cadence/calendar.html"
    page_title = _("Communication calendar")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        month = _month(self.request.GET.get("month", ""), today)
        channel = self.request.GET.get("channel", "")
        channel = channel if channel in Channel.values else ""
        language = self.request.GET.get("language", "")
        language = language if language in dict(settings.LANGUAGES) else ""
        previous = (month - datetime.timedelta(days=1)).replace(day=1)
        following = (month + datetime.timedelta(days=32)).replace(day=1)
        weekdays = [month - datetime.timedelta(days=month.weekday()) + datetime.timedelta(days=k) for k in range(7)]
        context.update(
            {
                "month": month,
                "month_label": date_format(month, "YEAR_MONTH_FORMAT"),
                "weeks": cadence.month_grid(month.year, month.month, channel=channel, language=language),
                "weekdays": weekdays,
                "today": today,
                "previous": previous.strftime("%Y-%m"),
                "following": following.strftime("%Y-%m"),
                "channels": Channel.choices,
                "languages": settings.LANGUAGES,
                "channel": channel,
                "language": language,
                "add_url": reverse("wagtailsnippets_news_planneditem:add"),
                "report_url": reverse("cadence_report"),
                "can_add": self.request.user.has_perm("news.add_planneditem"),
            }
        )
        return context


class CadenceReportView(CadenceAdminMixin, TemplateView):
    """Per channel and language: the periods where the target was met or missed, and the gaps coming."""

    template_name = "news/cadence/report.html"
    page_title = _("Cadence")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        rows = cadence.report(today)
        names = dict(settings.LANGUAGES)
        tables = []
        for period, caption in ((Period.WEEK, _("Weekly targets")), (Period.MONTH, _("Monthly targets"))):
            if rows[period]:
                tables.append(
                    {
                        "period": period,
                        "caption": caption,
                        "windows": [cell.window for cell in rows[period][0].cells],
                        "rows": rows[period],
                    }
                )
        context.update(
            {
                "today": today,
                "tables": tables,
                "language_names": names,
                "calendar_url": reverse("cadence_calendar"),
                "targets_url": reverse("wagtailsnippets_news_cadencetarget:list"),
            }
        )
        return context
