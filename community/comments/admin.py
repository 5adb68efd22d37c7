"""The moderation queue in the Wagtail admin ("Comment moderation", /admin/comment-moderation/).

Comments on consultations and on topic proposals, pending and flagged ones first; filters by
status, consultation, flags, kind of page and language. Opening a comment shows it in its thread
with its flags and the decision form: approve, hide (with a reason sent to the author) or
restore. Each consultation's responses download as CSV from the queue (filter by consultation)
or from the page explorer.

Who: users with community.moderate_comment (Moderators and Editors, granted by the migration
community/0003_consultations). Staff without it get 403; participants have no admin access at
all (the admin sends them to its login). Nobody adds, edits or deletes comments here.
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Case, IntegerField, Value, When
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.defaults import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from community.comments import export, services
from community.comments.forms import ModerationForm
from community.models import Comment, CommentStatus, ConsultationPage


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Moderators view and decide; nobody adds, changes or deletes comments in the admin."""

    actions = {"view", "moderate"}

    def user_has_permission(self, user, action):
        return action in self.actions and user.is_active and user.has_perm(services.MODERATE_PERMISSION)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if not self.actions & set(actions):
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames(["moderate_comment"])

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(Comment, CommentPermissionPolicy(Comment), exact_class=True)


class ModeratorsOnlyMixin:
    """403 for staff without the permission (Wagtail's own check would redirect to the dashboard)."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(services.MODERATE_PERMISSION):
            return permission_denied(request, exception=None)
        return super().dispatch(request, *args, **kwargs)


def consultation_choices() -> list[tuple[str, str]]:
    """One choice per consultation (all its languages), titled in the default language when it has one."""
    choices: dict[str, str] = {}
    pages = ConsultationPage.objects.order_by("-first_published_at").values_list(
        "translation_key", "title", "locale__language_code"
    )
    for key, title, language in pages:
        if str(key) not in choices or language == settings.LANGUAGE_CODE:
            choices[str(key)] = title
    return list(choices.items())


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=CommentStatus.choices, empty_label=_("All"))
    flagged = django_filters.BooleanFilter(label=_("Flagged"), method="filter_flagged")
    consultation = django_filters.ChoiceFilter(
        label=_("Consultation"),
        field_name="consultation__translation_key",
        choices=consultation_choices,
        empty_label=_("All"),
    )
    on = django_filters.ChoiceFilter(
        label=_("On"),
        choices=[("consultation", _("Consultations")), ("proposal", _("Topic proposals"))],
        method="filter_on",
        empty_label=_("All"),
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All"))

    class Meta:
        model = Comment
        fields = []

    def filter_flagged(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(flag_count__gt=0) if value else queryset.filter(flag_count=0)

    def filter_on(self, queryset, name, value):
        return queryset.filter(**{f"{value}__isnull": False}) if value else queryset


def target_display(comment: Comment) -> str:
    if comment.community_id:
        return _gettext("Community: %(name)s") % {"name": comment.community.name}
    if comment.consultation_id:
        title = comment.consultation.title
        return f"{title} › {comment.section.heading}" if comment.section_id else title
    return _gettext("Proposal: %(title)s") % {"title": comment.proposal.title} if comment.proposal_id else ""


class CommentQueueView(ModeratorsOnlyMixin, IndexView):
    page_title = _("Comment moderation")
    # Needing attention first: pending, then published but flagged; newest first within each.
    default_ordering = ("attention", "-created_at")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("consultation", "section", "proposal", "community", "author__member_profile")
            .annotate(
                attention=Case(
                    When(status=CommentStatus.PENDING, then=Value(0)),
                    When(status=CommentStatus.APPROVED, flag_count__gt=0, then=Value(1)),
                    default=Value(2),
                    output_field=IntegerField(),
                )
            )
        )

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        key = self.request.GET.get("consultation", "")
        if key and key in dict(consultation_choices()):
            url = reverse(CommentModerationViewSet.export_url_name, args=[key])
            buttons.append(HeaderButton(_("Download responses (CSV)"), url=url, icon_name="download"))
        return buttons


class CommentModerationView(ModeratorsOnlyMixin, InspectView):
    """One comment in its thread, its flags, and the decision."""

    template_name = "community/comments/admin/moderate.html"
    page_title = _("Moderate a comment")

    def get_object(self, queryset=None):
        queryset = Comment.objects.select_related(
            "consultation", "section", "proposal", "parent", "author__member_profile", "moderated_by"
        )
        return get_object_or_404(queryset, pk=self.pk)

    def get_page_subtitle(self):
        return str(self.object)

    def get_context_data(self, form: ModerationForm | None = None, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        context.update(
            comment=comment,
            target=target_display(comment),
            flags=comment.flags.select_related("user").order_by("created_at"),
            replies=comment.replies.select_related("author__member_profile").order_by("created_at"),
            form=form or ModerationForm(),
            can_approve=comment.status == CommentStatus.PENDING
            or (comment.status == CommentStatus.APPROVED and comment.flag_count > 0),
            can_hide=comment.status != CommentStatus.HIDDEN,
            can_restore=comment.status == CommentStatus.HIDDEN,
            index_url=reverse(self.index_url_name),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = ModerationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        action = form.cleaned_data["action"]
        services.moderate(
            comment=self.object, moderator=request.user, action=action, reason=form.cleaned_data["reason"]
        )
        done = {
            "approve": _gettext("The comment is published."),
            "hide": _gettext("The comment is hidden; its author has been told why."),
            "restore": _gettext("The comment is restored."),
        }
        messages.success(request, done[action])
        return redirect(self.index_url_name)


class ResponsesExportView(ModeratorsOnlyMixin, View):
    """Every comment of one consultation, all languages and statuses, as CSV for Excel."""

    def get(self, request: HttpRequest, key) -> HttpResponse:
        consultation = ConsultationPage.objects.filter(translation_key=key).order_by("id").first()
        if consultation is None:
            raise Http404
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="responses-{consultation.slug}.csv"'
        export.write_responses(response, key)
        return response


class CommentModerationViewSet(ModelViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comment moderation")
    menu_name = "comment-moderation"
    menu_order = 290
    add_to_admin_menu = True
    index_view_class = CommentQueueView
    inspect_view_class = CommentModerationView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "__str__",  # the title column: links to the moderation view
        Column("target", label=_("On"), accessor=target_display),
        Column("author_display", label=_("Author")),
        Column("language", label=_("Language"), sort_key="language"),
        Column("get_status_display", label=_("Status"), sort_key="status"),
        Column("flag_count", label=_("Flags"), sort_key="flag_count"),
        DateColumn("created_at", label=_("Posted"), sort_key="created_at"),
    ]
    filterset_class = CommentFilterSet
    search_fields = ["body"]
    search_backend_name = None  # plain database lookups: comments are not in the search index
    form_fields = ["body"]  # never shown: nobody may change a comment here
    export_url_name = "comment-moderation:export"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("export/<uuid:key>/", ResponsesExportView.as_view(), name="export"),
        ]
