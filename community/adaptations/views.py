"""POST target of the "I adapted this practice" form on practice pages (/<lang>/connect/<practice id>/adapted/).

The form is shown on the practice page (community.engagement.hooks); this view receives it, and
shows it again on its own page when something must be corrected (works without JavaScript).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.auth import AuthenticatedRequest
from cms.public_forms import protected_form_response, renderer
from community.accounts.protection import ADAPTATION_LIMIT
from community.adaptations import services
from community.adaptations.forms import AdaptationForm
from community.engagement.services import reviewed_practice


@login_required
@require_http_methods(["GET", "POST"])
def adapted(request: AuthenticatedRequest, practice_id: int) -> HttpResponse:
    practice = reviewed_practice(practice_id)
    language = get_language()
    thanks = _("Thank you: your report appears on the practice's page once a moderator has read it.")

    def save(form: AdaptationForm) -> None:
        data = form.cleaned_data
        services.report(
            practice,
            user=request.user,
            organisation=data["organisation"],
            country=data["country"],
            what_changed=data["what_changed"],
            language=language,
        )
        messages.success(request, thanks)

    def spam(form: AdaptationForm) -> None:
        messages.success(request, thanks)

    return protected_form_response(
        request,
        AdaptationForm(request.POST or None, language=language),
        limit=ADAPTATION_LIMIT,
        render=renderer(request, "community/adaptations/adapted.html", {"practice": practice}),
        save=save,
        spam=spam,
        done_url=practice.get_url(request) + "#adapted-elsewhere",
    )
