"""Admin for topic proposals (registered through community.wagtail_hooks).

**Topic proposals** (`/admin/topic-proposals/`) lists every proposal with filters (state, kind,
language, region of the proposer, theme), a search by title and an export. From a row or from a
proposal's detail view, "Change state" moves it to another state with a public reason: the
change is kept in the proposal's public history and e-mailed to the proposer and the supporters.

"Link the result" (the edit view) sets the one thing staff write on a proposal: the chapter or
policy brief a selected proposal became; both pages then link to each other.

Who: users with the "Can change the state of topic proposals" permission (Moderators and
Editors, granted by the migration `community/0004_topics`). Nobody adds a proposal or changes
what its proposer wrote here (participants write them); moderators may delete an abusive one.
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminPageChooser, Button
from wagtail.admin.widgets.button import MenuItem
from wagtail.models import Locale
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms import geography
from cms.csv_export import FormulaSafeExportMixin
from cms.models import Theme
from community.models import ProposalState, TopicProposal, TopicStateChange
from community.models.topics import ProposalKind
from community.topics import hooks as topic_hooks  # noqa: F401 (registers the publication hook)
from community.topics import services
from community.topics.forms import ChangeStateForm
from community.topics.listing import decorate, proposals_queryset


class TopicModerationPolicy(ModelPermissionPolicy):
    """One permission, `community.moderate_topicproposal`, opens the listing, state changes and deletion.

    Subclasses name another single permission (`CODENAME`) and the actions it opens (`ACTIONS`)."""

    CODENAME = "moderate_topicproposal"
    ACTIONS = frozenset({"view", "moderate", "delete"})

    def _get_permission_codename(self, action):
        return self.CODENAME

    def user_has_permission(self, user, action):
        return action in self.ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not self.ACTIONS & set(actions):
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])  # every action is the one permission

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class TopicProposalPolicy(TopicModerationPolicy):
    """On proposals, "change" is linking the result (the only field the edit view shows)."""

    ACTIONS = frozenset({"view", "moderate", "delete", "change"})


register_permission_policy(TopicProposal, TopicProposalPolicy(TopicProposal), exact_class=True)


class TopicResultForm(WagtailAdminModelForm):
    class Meta:
        model = TopicProposal
        fields = ["became"]
        widgets = {"became": AdminPageChooser(target_models=["reports.ChapterPage", "reports.PolicyBriefPage"])}


def _language() -> str:
    return get_language() or settings.LANGUAGE_CODE


def _region_of_proposer(proposal: TopicProposal) -> str:
    return geography.region_name(proposal.proposer_region, _language()) if proposal.proposer_region else "-"


def _regions() -> list[tuple[str, str]]:
    return [(code, geography.region_name(code, _language())) for code in geography.REGIONS]


def _themes() -> list[tuple[str, str]]:
    return list(
        Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("name").values_list("slug", "name")
    )


class TopicProposalFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=_("State"), choices=ProposalState.choices, empty_label=_("All"))
    kind = django_filters.ChoiceFilter(label=_("Proposed for"), choices=ProposalKind.choices, empty_label=_("All"))
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All"))
    proposer_region = django_filters.ChoiceFilter(
        label=_("Region of the proposer"), choices=_regions, empty_label=_("All")
    )
    theme = django_filters.ChoiceFilter(
        label=_("Theme"), field_name="themes__slug", choices=_themes, empty_label=_("All"), distinct=True
    )

    class Meta:
        model = TopicProposal
        fields = []


class TopicProposalIndexView(FormulaSafeExportMixin, IndexView):
    default_ordering = "-created_at"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("proposer")

    def get_list_more_buttons(self, instance):
        return [
            MenuItem(
                _("Change state"),
                url=reverse("topic-proposals:change_state", args=[instance.pk]),
                icon_name="edit",
                priority=5,
            ),
            *super().get_list_more_buttons(instance),
        ]


class TopicProposalInspectView(InspectView):
    template_name = "community/topics/admin/inspect.html"

    @cached_property
    def header_more_buttons(self):
        change = Button(
            _("Change state"), url=reverse("topic-proposals:change_state", args=[self.object.pk]), icon_name="edit"
        )
        return [change, *super().header_more_buttons]

    def get_proposer_region_display_value(self):
        return _region_of_proposer(self.object)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "history": _history(self.object)}


def _history(proposal: TopicProposal):
    return TopicStateChange.objects.filter(proposal=proposal).select_related("changed_by").order_by("changed_at", "pk")


class ChangeStateView(PermissionCheckedMixin, WagtailAdminTemplateMixin, FormView):
    """Move one proposal to another state, with the public reason the form requires."""

    model = TopicProposal
    permission_required = "moderate"
    form_class = ChangeStateForm
    template_name = "community/topics/admin/change_state.html"
    page_title = _("Change state")
    header_icon = "list-ul"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = get_object_or_404(proposals_queryset(), pk=kwargs["pk"])

    def get_page_subtitle(self):
        return self.object.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("topic-proposals:index"), "label": TopicProposal._meta.verbose_name_plural.capitalize()},
            {"url": reverse("topic-proposals:inspect", args=[self.object.pk]), "label": self.object.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "current_state": self.object.state}

    def get_context_data(self, **kwargs):
        locale = Locale.objects.filter(language_code=_language()).first() or Locale.get_default()
        decorate([self.object], locale)
        return {
            **super().get_context_data(**kwargs),
            "proposal": self.object,
            "history": _history(self.object),
            "action_url": self.request.get_full_path(),
            "submit_button_label": _("Change state"),
        }

    def form_valid(self, form):
        services.change_state(
            self.object,
            to_state=form.cleaned_data["to_state"],
            reason=form.cleaned_data["reason"],
            by=self.request.user,
        )
        messages.success(
            self.request,
            _gettext("“%(title)s” is now “%(state)s”. The proposer and the supporters are notified.")
            % {"title": self.object.title, "state": ProposalState(form.cleaned_data["to_state"]).label},
        )
        return redirect("topic-proposals:index")


class TopicProposalViewSet(ModelViewSet):
    model = TopicProposal
    index_view_class = TopicProposalIndexView
    inspect_view_class = TopicProposalInspectView
    icon = "list-ul"
    menu_label = _("Topic proposals")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "title",
        Column("get_state_display", label=_("State"), sort_key="state"),
        Column("get_kind_display", label=_("Proposed for"), sort_key="kind"),
        Column("get_language_display", label=_("Language"), sort_key="language"),
        Column("proposer_region", label=_("Region"), sort_key="proposer_region", accessor=_region_of_proposer),
        Column("support_count", label=_("Supports"), sort_key="support_count"),
        DateColumn("created_at", label=_("Proposed"), sort_key="created_at"),
        DateColumn("state_changed_at", label=_("State changed"), sort_key="state_changed_at"),
    ]
    list_export = [
        "title",
        "kind",
        "language",
        "state",
        "state_reason",
        "proposer_region",
        "support_count",
        "created_at",
    ]
    export_filename = "topic-proposals"
    filterset_class = TopicProposalFilterSet
    search_fields = ["title", "description"]
    search_backend_name = None  # plain database lookups: proposals are not in the search index
    form_fields = ["became"]  # the edit view only links the result; nobody adds a proposal here
    inspect_view_fields = [
        "title",
        "kind",
        "description",
        "themes",
        "language",
        "proposer",
        "proposer_region",
        "state",
        "state_reason",
        "support_count",
        "created_at",
        "state_changed_at",
        "became",
    ]

    def get_form_class(self, for_update=False):
        return TopicResultForm

    @property
    def change_state_view(self):
        return self.construct_view(ChangeStateView)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("state/<int:pk>/", self.change_state_view, name="change_state")]


@hooks.register("register_admin_viewset")
def register_topic_proposal_viewset():
    return TopicProposalViewSet("topic-proposals")
