"""The moderation queue of "adapted elsewhere" reports ("Adaptation reports", /admin/adaptations/).

Pending reports first; opening one shows it with the practice and the decision: approve (public on
the practice page) or hide. Who: users with community.moderate_comment (Moderators and Editors),
as for comments; staff without it get 403, members have no admin access at all.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Case, IntegerField, Value, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from cms import geography
from cms.auth import AuthenticatedRequest
from community.adaptations import hooks as adaptation_hooks  # noqa: F401 (registers the practice page hook)
from community.adaptations import services
from community.adaptations.forms import AdaptationDecisionForm
from community.comments.admin import CommentPermissionPolicy, ModeratorsOnlyMixin
from community.models import Adaptation, CommentStatus

register_permission_policy(Adaptation, CommentPermissionPolicy(Adaptation), exact_class=True)


class AdaptationQueueView(ModeratorsOnlyMixin, IndexView):
    default_ordering = "-created_at"

    def get_base_queryset(self):
        pending_first = Case(
            When(status=CommentStatus.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        return super().get_base_queryset().select_related("practice", "user").order_by(pending_first, "-created_at")


class AdaptationModerationView(ModeratorsOnlyMixin, InspectView):
    template_name = "community/adaptations/admin/moderate.html"
    page_title = _("Moderate an adaptation report")

    def get_object(self, queryset=None):
        return get_object_or_404(Adaptation.objects.select_related("practice", "user", "moderated_by"), pk=self.pk)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "adaptation": self.object,
            "country_name": geography.country_name(self.object.country, get_language() or "en"),
            "index_url": reverse(self.index_url_name),
        }

    def post(self, request: AuthenticatedRequest, *args, **kwargs) -> HttpResponse:  # type: ignore[override]
        form = AdaptationDecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(), status=400)
        services.moderate(self.object, moderator=request.user, action=form.cleaned_data["action"])
        done = {"approve": _gettext("The report is published."), "hide": _gettext("The report is hidden.")}
        messages.success(request, done[form.cleaned_data["action"]])
        return redirect(self.index_url_name)


class AdaptationModerationViewSet(ModelViewSet):
    model = Adaptation
    icon = "site"
    menu_label = _("Adaptation reports")
    menu_name = "adaptations"
    menu_order = 295
    add_to_admin_menu = True
    index_view_class = AdaptationQueueView
    inspect_view_class = AdaptationModerationView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "__str__",
        Column("practice", label=_("Practice")),
        Column("get_language_display", label=_("Language"), sort_key="language"),
        Column("get_status_display", label=_("Status"), sort_key="status"),
        DateColumn("created_at", label=_("Reported"), sort_key="created_at"),
    ]
    list_filter = ["status", "language"]
    form_fields = ["organisation"]  # never shown: nobody may change a report here


@hooks.register("register_admin_viewset")
def register_adaptation_viewset():
    return AdaptationModerationViewSet("adaptations")
