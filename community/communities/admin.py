"""Admin for communities of practice (registered through community.wagtail_hooks).

**Communities of practice** (`/admin/communities/`) lists proposed, approved and declined
communities. On a proposed one, "Approve" makes a draft community page (under the communities
page of the proposal's language) for the editor to finish and publish, and makes the proposer
its first coordinator; "Decline" closes the proposal. Editors may also change a community's rules.

Who: users with "Can approve proposed communities" (Editors, granted by the migration
`community/0006_communities_of_practice`). Coordinators run their community on the site itself.
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.permissions import register_permission_policy

from community.communities import services
from community.models import Community, CommunityState
from community.topics.admin import TopicModerationPolicy


class CommunityApprovalPolicy(TopicModerationPolicy):
    """One permission, `community.approve_community`, opens the listing, decisions and edits."""

    CODENAME = "approve_community"
    ACTIONS = frozenset({"view", "change", "approve", "delete"})


register_permission_policy(Community, CommunityApprovalPolicy(Community), exact_class=True)


class CommunityFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=CommunityState.choices, empty_label=_("All"))
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All"))

    class Meta:
        model = Community
        fields = []


class CommunityIndexView(IndexView):
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("proposer")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if instance.state == CommunityState.PROPOSED:
            url = reverse("communities:decide", args=[instance.pk])
            buttons[:0] = [
                MenuItem(_("Approve"), url=f"{url}?action=approve", icon_name="check", priority=5),
                MenuItem(_("Decline"), url=f"{url}?action=decline", icon_name="cross", priority=6),
            ]
        return buttons


class DecideView(PermissionCheckedMixin, View):
    """Approve (a draft page, the proposer as coordinator) or decline a proposed community."""

    model = Community
    permission_required = "approve"
    http_method_names = ["get", "post"]

    def get(self, request, pk):
        # The listing's menu links here; deciding needs a POST with the admin's CSRF token.
        from django.template.response import TemplateResponse

        community = get_object_or_404(Community, pk=pk, state=CommunityState.PROPOSED)
        context = {"community": community, "action": request.GET.get("action", "approve")}
        return TemplateResponse(request, "community/communities/admin/decide.html", context)

    def post(self, request, pk):
        community = get_object_or_404(Community, pk=pk)
        try:
            if request.POST.get("action") == "decline":
                services.decline(community, by=request.user)
                messages.success(request, _gettext("The proposal “%(name)s” is declined.") % {"name": community.name})
                return redirect("communities:index")
            page = services.approve(community, by=request.user)
        except services.MembershipRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("communities:index")
        messages.success(
            request,
            _gettext("“%(name)s” is approved: finish its page and publish it.") % {"name": community.name},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


class CommunityViewSet(ModelViewSet):
    model = Community
    index_view_class = CommunityIndexView
    icon = "group"
    menu_label = _("Communities of practice")
    menu_order = 320
    add_to_admin_menu = True
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        Column("get_state_display", label=_("State"), sort_key="state"),
        Column("get_language_display", label=_("Language"), sort_key="language"),
        Column("get_membership_display", label=_("Membership"), sort_key="membership"),
        DateColumn("created_at", label=_("Proposed"), sort_key="created_at"),
    ]
    filterset_class = CommunityFilterSet
    search_fields = ["name", "description"]
    search_backend_name = None
    form_fields = ["name", "theme_slug", "region", "membership", "moderation"]
    inspect_view_fields = ["name", "description", "language", "theme_slug", "region", "membership", "state"]

    @property
    def decide_view(self):
        return self.construct_view(DecideView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("decide/<int:pk>/", self.decide_view, name="decide")]


@hooks.register("register_admin_viewset")
def register_community_viewset():
    return CommunityViewSet("communities")
