"""Wagtail admin for members (registered through community.wagtail_hooks).

**Community → Members** (`/admin/community-members/`) lists every profile with filters (status,
role, world region, changed since review) and a search by name or organisation.

* Moderators and editors (permission `community.moderate_memberprofile`, granted by migration
  `community/0002_members`) approve or reject a profile on its moderation screen; the member is
  told by e-mail. "Changed since review" marks public profiles edited since their approval.
* Editors (`change_memberprofile`) link a member to practices and report chapters and mark them
  as a recognized voice on themes. Everything else on a profile is the member's to write.
* Nobody adds a profile here: members create their own on the site.

The "Community" menu is a group other community areas can add to: register a hook named
`COMMUNITY_MENU_HOOK` that returns a `wagtail.admin.menu.MenuItem`.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import path, reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms import geography
from cms.models import Theme

# The practice page's community panel (recognized voices, engagement) is a Wagtail hook; it is
# registered here because community.wagtail_hooks imports this module.
from community.engagement import hooks as engagement_hooks  # noqa: F401
from community.members.admin_views import ModerateProfileView, may_moderate
from community.models import MemberProfile, MemberRole, ProfileStatus

COMMUNITY_MENU_HOOK = "register_community_menu_item"


class MemberProfilePermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds a profile in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        return super().users_with_any_permission(actions) if actions else get_user_model().objects.none()

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(MemberProfile, MemberProfilePermissionPolicy(MemberProfile), exact_class=True)


def _region_choices():
    return [(code, geography.region_name(code, get_language() or "en")) for code in geography.REGIONS]


class MemberProfileFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProfileStatus.choices, empty_label=_("All"))
    changed_since_review = django_filters.BooleanFilter(label=_("Changed since review"))
    role = django_filters.ChoiceFilter(label=_("Role"), choices=MemberRole.choices, empty_label=_("All"))
    region = django_filters.ChoiceFilter(label=_("World region"), choices=_region_choices, empty_label=_("All"))

    class Meta:
        model = MemberProfile
        fields = []


class MemberProfileAdminForm(WagtailAdminModelForm):
    """Themes are chosen among the default language's rows: one per theme, matched by slug everywhere."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("name")
        if "recognized_themes" in self.fields:
            self.fields["recognized_themes"].queryset = themes


class MemberProfileIndexView(IndexView):
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("user")

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if may_moderate(self.request.user):
            buttons.append(
                ListingButton(
                    _("Approve or reject"),
                    url=reverse("community-members:moderate", args=[instance.pk]),
                    icon_name="tick",
                    priority=5,
                )
            )
        return buttons


def _region_label(profile: MemberProfile) -> str:
    return geography.region_name(profile.region, get_language() or "en") if profile.region else ""


class MemberProfileViewSet(ModelViewSet):
    model = MemberProfile
    icon = "group"
    menu_label = _("Members")
    index_view_class = MemberProfileIndexView
    # What editors set; the member's own fields are shown read-only in the summary panel.
    edit_handler = ObjectList(
        [
            HelpPanel(template="community/members/admin/profile_summary_panel.html", heading=_("Profile")),
            FieldPanel("recognized_themes", widget=forms.CheckboxSelectMultiple),
            FieldPanel("practices"),
            FieldPanel("chapters"),
        ],
        base_form_class=MemberProfileAdminForm,
    )
    list_display = [
        "name",  # Wagtail makes it the title column, with the row's buttons
        Column("get_status_display", label=_("Status"), sort_key="status"),
        BooleanColumn("changed_since_review", label=_("Changed since review"), sort_key="changed_since_review"),
        Column("get_role_display", label=_("Role"), sort_key="role"),
        Column("organisation", label=_("Organisation"), sort_key="organisation"),
        Column("region", label=_("World region"), accessor=_region_label, sort_key="region"),
        BooleanColumn("user.is_active", label=_("Account active")),
        DateColumn("created_at", label=_("Created"), sort_key="created_at"),
    ]
    filterset_class = MemberProfileFilterSet
    search_fields = ["name", "organisation"]
    search_backend_name = None  # plain database lookups: the admin also finds pending profiles
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "status",
        "moderation_reason",
        "changed_since_review",
        "role",
        "organisation",
        "country",
        "region",
        "themes",
        "bio",
        "links",
        "accepts_messages",
        "recognized_themes",
        "practices",
        "chapters",
        "moderated_by",
        "moderated_at",
        "created_at",
        "updated_at",
    ]

    def get_urlpatterns(self):
        moderate = ModerateProfileView.as_view(index_url_name=self.get_url_name("index"))
        return [*super().get_urlpatterns(), path("moderate/<int:pk>/", moderate, name="moderate")]


class ProfilesAwaitingModerationPanel(Component):
    """On a moderator's dashboard: profiles to approve, and public ones edited since their review."""

    order = 60
    template_name = "community/members/admin/awaiting_panel.html"

    def get_context_data(self, parent_context=None):
        index_url = reverse("community-members:index")
        return {
            "pending": MemberProfile.objects.filter(status=ProfileStatus.PENDING).count(),
            "changed": MemberProfile.objects.filter(status=ProfileStatus.APPROVED, changed_since_review=True).count(),
            "pending_url": f"{index_url}?status={ProfileStatus.PENDING}",
            "changed_url": f"{index_url}?status={ProfileStatus.APPROVED}&changed_since_review=true",
        }


@hooks.register("construct_homepage_panels")
def add_profiles_awaiting_moderation_panel(request, panels):
    if may_moderate(request.user):
        panels.append(ProfilesAwaitingModerationPanel())


class CommunityViewSetGroup(ViewSetGroup):
    menu_label = pgettext_lazy("admin menu", "Community")
    menu_icon = "group"
    menu_order = 250
    submenu_hook = COMMUNITY_MENU_HOOK
    items = [MemberProfileViewSet("community-members")]


@hooks.register("register_admin_viewset")
def register_community_viewsets():
    return CommunityViewSetGroup()
