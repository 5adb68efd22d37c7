from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import TaskState
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms import admin_views, explorer, roles, staff, translation_status, translators
from cms.admin_views import SubmitTranslationForReviewView, TranslationStatusReportView
from cms.models import Person, Theme, reviews
from cms.sharing.admin import ShareKitViewSet, ShareReportView, is_editor
from cms.templatetags import cms_tags
from cms.two_factor import services as two_factor
from cms.two_factor import views as two_factor_views


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
register_snippet(ShareKitViewSet)


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


@hooks.register("register_admin_urls")
def register_share_report_url():
    return [path("reports/share-kits/", ShareReportView.as_view(), name="share_report")]


class EditorsMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_reports_menu_item")
def register_share_report_menu_item():
    return EditorsMenuItem(_("Share kits: the multiplier"), reverse("share_report"), icon_name="mail", order=60)


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
            "arrivals": [
                {"name": names[code], "sections": sections}
                for code, sections in translators.recent_arrivals(self.language_codes).items()
            ],
            "recent_days": translators.RECENT_DAYS,
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


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_without_publish_rights(menu_items, request, context):
    """The server refuses it too (cms.admin_views.convert_to_alias)."""
    page = context.get("page")
    if page is not None and page.pk and not page.permissions_for_user(request.user).can_publish():
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


CANCELLING_ACTIONS = ("action-cancel-workflow", "action-restart-workflow")


def may_cancel_workflow(user, page) -> bool:
    """Wagtail lets anyone who may approve the current task cancel the whole workflow, so an expert
    reviewer could take a practice out of review. Here only the person who submitted it, the page's
    owner and those who may publish it (moderators) can; Wagtail's own conditions still apply."""
    state = page.current_workflow_state
    if state is None:
        return True
    return state.user_can_cancel(user) and (
        user == state.requested_by or user == page.owner or page.permissions_for_user(user).can_publish()
    )


@hooks.register("construct_page_action_menu")
def hide_cancel_workflow_from_reviewers(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and not may_cancel_workflow(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name not in CANCELLING_ACTIONS]


@hooks.register("before_edit_page")
def refuse_cancel_workflow_from_reviewers(request, page):
    cancelling = request.method == "POST" and any(request.POST.get(name) for name in CANCELLING_ACTIONS)
    if cancelling and not may_cancel_workflow(request.user, page):
        raise PermissionDenied
    return None


def _workflow_action(request) -> str:
    if request.method == "POST" and request.POST.get("action-workflow-action"):
        return request.POST.get("workflow-action-name", "")
    return ""


@hooks.register("before_edit_page")
def refuse_second_approval(request, page):
    """The page header's Approve, like the dashboard's (cms.admin_views.ConfirmedWorkflowActionView)."""
    if not _workflow_action(request):
        return None
    task_state = page.current_workflow_task_state
    if _workflow_action(request) == "approve" and reviews.has_approved(task_state, request.user):
        messages.error(request, admin_views.already_approved_message(page))
        return redirect("wagtailadmin_pages:edit", page.pk)
    request.acted_on_task_state_id = task_state.pk if task_state else None  # for the confirmation below
    return None


@hooks.register("after_edit_page")
def confirm_workflow_action(request, page):
    task_state_id = getattr(request, "acted_on_task_state_id", None)
    if task_state_id is not None:
        task_state = TaskState.objects.get(pk=task_state_id)
        messages.success(request, admin_views.action_done_message(page, _workflow_action(request), task_state))
    return None


@hooks.register("register_log_actions")
def register_staff_log_actions(actions):
    """The staff audit trail written by cms.staff."""
    actions.register_action(staff.SIGN_IN, _("Signed in"), _("Signed in"))
    actions.register_action(staff.SIGN_IN_FAILED, _("Sign-in failed"), _("Sign-in failed"))
    actions.register_action(staff.GROUPS_CHANGED, _("Groups changed"), _("Groups changed"))
    actions.register_action(staff.PERMISSIONS_CHANGED, _("Permissions changed"), _("Permissions changed"))
    enabled, used, reset = (
        _("Two-factor authentication enabled"),
        _("Recovery code used"),
        _("Two-factor authentication reset"),
    )
    actions.register_action(two_factor.ENABLED, enabled, enabled)
    actions.register_action(two_factor.RECOVERY_CODE_USED, used, used)
    actions.register_action(two_factor.RESET, reset, reset)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    """Set-up and verification of the second factor (cms.two_factor)."""
    return [
        path("two-factor/set-up/", two_factor_views.set_up, name="two_factor_set_up"),
        path("two-factor/verify/", two_factor_views.verify, name="two_factor_verify"),
    ]


# The explorer lists pages at a fixed number of queries (cms/explorer.py).
hooks.register("construct_explorer_page_queryset", explorer.annotate_explorer_pages)
explorer.install()


@hooks.register("register_admin_viewset")
def register_explorer_page_viewset():
    return explorer.ExplorerPageViewSet()


@hooks.register("before_serve_page")
def share_the_chromes_locale(page, request, serve_args, serve_kwargs):
    """The chrome's one query per request (language switcher, menus, breadcrumbs) reads the page
    with its locale: the page's own code (`page.locale` in `get_context`) then asks nothing more."""
    row = cms_tags.chrome_row(request, page)
    if row is not None and "locale" not in page._state.fields_cache:
        page._state.fields_cache["locale"] = row.locale


class StyleguideMenuItem(MenuItem):
    """The living style page (cms.styleguide), for everyone who may enter the admin (the page checks
    the same permission), at its address in the admin's current language."""

    def render_component(self, request):
        self.url = reverse("styleguide")
        return super().render_component(request)


@hooks.register("register_settings_menu_item")
def register_styleguide_menu_item():
    return StyleguideMenuItem(_("Style guide"), reverse("styleguide"), icon_name="view", order=900)
