"""The moderation screen of a member profile: approve it, or reject it with a reason the member reads.

Reached from the "Community → Members" listing (community.members.admin); allowed to users with
the `community.moderate_memberprofile` permission (the Moderators and Editors groups).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from community.members import listing, services
from community.members.services import Decision
from community.models import MemberProfile

MODERATE_PERMISSION = "community.moderate_memberprofile"


def may_moderate(user) -> bool:
    return user.is_active and user.has_perm(MODERATE_PERMISSION)


class ModerationForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(Decision.APPROVE, _("Approve: the profile is public")), (Decision.REJECT, _("Reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason, sent to the member"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required to reject: say what to change so the profile can be approved."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Decision.REJECT and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the member a reason when you reject a profile."))
        return cleaned


class ModerateProfileView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "community/members/admin/moderate.html"
    header_icon = "group"
    index_url_name = ""  # set by the viewset

    def dispatch(self, request, *args, **kwargs):
        if not may_moderate(request.user):
            raise PermissionDenied
        self.profile = get_object_or_404(
            listing.with_card_relations(MemberProfile.objects.select_related("user")), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _gettext("Moderate the profile of %(name)s") % {"name": self.profile.name}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse(self.index_url_name), "label": _gettext("Members")},
            {"url": "", "label": self.profile.name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = get_language()
        [profile] = listing.describe([self.profile], language, services.theme_names(language))
        context.update(profile=profile, form=kwargs.get("form") or ModerationForm())
        return context

    def post(self, request, *args, **kwargs):
        form = ModerationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        decision = form.cleaned_data["decision"]
        services.moderate_profile(
            request, self.profile, moderator=request.user, decision=decision, reason=form.cleaned_data["reason"]
        )
        if decision == Decision.APPROVE:
            messages.success(request, _gettext("%(name)s's profile is public.") % {"name": self.profile.name})
        else:
            messages.success(request, _gettext("%(name)s's profile is rejected.") % {"name": self.profile.name})
        return redirect(self.index_url_name)
