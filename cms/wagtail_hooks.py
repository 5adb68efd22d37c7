from django.conf import settings
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms import roles, translation_status
from cms.admin_views import SubmitTranslationForReviewView, TranslationStatusReportView
from cms.models import Person, Theme


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "affiliation", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "affiliation"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


class SharedContentGroup(SnippetViewSetGroup):
    menu_label = _("People and themes")
    menu_icon = "group"
    menu_order = 250
    items = (PersonViewSet, ThemeViewSet)


register_snippet(SharedContentGroup)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("cms/css/admin.css"))


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path("reports/translation-status/", TranslationStatusReportView.as_view(), name="translation_status"),
        path(
            "translations/<int:page_id>/submit-for-review/",
            SubmitTranslationForReviewView.as_view(),
            name="submit_translation_for_review",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(_("Translation status"), reverse("translation_status"), icon_name="globe", order=50)


class TranslationsWaitingPanel(Component):
    """On a translator's dashboard: how many pages wait for their language."""

    order = 50
    template_name = "cms/admin/translations_waiting_panel.html"

    def __init__(self, language_codes: list[str]):
        self.language_codes = language_codes

    def get_context_data(self, parent_context=None):
        names = dict(settings.LANGUAGES)
        counts = translation_status.waiting_counts(self.language_codes)
        return {
            "waiting": [{"code": code, "name": names[code], "count": counts[code]} for code in self.language_codes],
            "ready": translation_status.ready_for_review(self.language_codes),
            "requested": [
                {"page": row.page, "name": names[code], "count": count}
                for row, code, count in translation_status.most_requested(self.language_codes)
            ],
            "report_url": reverse("translation_status"),
            "csrf_token": (parent_context or {}).get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_translations_waiting_panel(request, panels):
    codes = [
        code
        for name in request.user.groups.values_list("name", flat=True)
        if (code := roles.translator_language(name)) in translation_status.target_language_codes()
    ]
    if codes:
        panels.append(TranslationsWaitingPanel(codes))
