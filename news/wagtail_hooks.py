"""Admin of the news app: the "Newsletter" screen (subscribers per language, preview and sending of the
weekly digest), and channel cadence (planned items and targets as snippets, the calendar and the report)."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from news import cadence_views
from news import newsletter_views as views
from news.models import CadenceTarget, PlannedItem


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.SEND_PERMISSION)


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("newsletter/", views.NewsletterIndexView.as_view(), name="newsletter_admin"),
        path(
            "newsletter/<str:language>/preview/", views.NewsletterPreviewView.as_view(), name="newsletter_admin_preview"
        ),
        path("newsletter/<str:language>/send/", views.NewsletterSendView.as_view(), name="newsletter_admin_send"),
        path("newsletter/issues/<int:pk>/", views.NewsletterIssueView.as_view(), name="newsletter_admin_issue"),
    ]


@hooks.register("register_admin_menu_item")
def register_newsletter_menu_item():
    return NewsletterMenuItem(_("Newsletter"), reverse_lazy("newsletter_admin"), icon_name="mail", order=450)


# --- Channel cadence ------------------------------------------------------------------------------

CADENCE_PERMISSION = "news.view_planneditem"


class CadenceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(CADENCE_PERMISSION)


class PlannedItemViewSet(SnippetViewSet):
    model = PlannedItem
    icon = "date"
    menu_label = _("Planned items")
    list_display = ["title", "channel", "locale", "date", "status"]
    list_filter = ["channel", "locale", "status"]
    ordering = ["-date"]


class CadenceTargetViewSet(SnippetViewSet):
    model = CadenceTarget
    icon = "tasks"
    menu_label = _("Cadence targets")
    list_display = ["channel", "locale", "count", "period"]


class CadenceGroup(SnippetViewSetGroup):
    items = (PlannedItemViewSet, CadenceTargetViewSet)
    menu_icon = "date"
    menu_label = _("Communication plan")
    menu_order = 460


register_snippet(CadenceGroup)


@hooks.register("register_admin_urls")
def register_cadence_urls():
    return [
        path("calendar/", cadence_views.CalendarView.as_view(), name="cadence_calendar"),
        path("reports/cadence/", cadence_views.CadenceReportView.as_view(), name="cadence_report"),
    ]


@hooks.register("register_admin_menu_item")
def register_calendar_menu_item():
    return CadenceMenuItem(_("Calendar"), reverse_lazy("cadence_calendar"), icon_name="date", order=455)


@hooks.register("register_reports_menu_item")
def register_cadence_report_menu_item():
    return CadenceMenuItem(_("Cadence"), reverse_lazy("cadence_report"), icon_name="date", order=60)
