"""POST target of the engagement form on practice pages (/<lang>/connect/<practice id>/).

The form is shown on the practice page itself (community.engagement.hooks); this view receives it,
and shows it again on its own page when something must be corrected (works without JavaScript).
"""

from __future__ import annotations

import contextlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.public_forms import protected_form_response, renderer
from community.accounts.protection import ENGAGEMENT_LIMIT
from community.engagement import services
from community.engagement.forms import EngagementForm


@login_required
@require_http_methods(["GET", "POST"])
def engage(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice = services.reviewed_practice(practice_id)
    back = practice.get_url(request) + "#connect"
    kinds = services.available_kinds(practice, request.user)
    if not kinds:
        return redirect(back)
    thanks = _("Thank you: your message is on its way to the people behind this practice.")

    def save(form: EngagementForm) -> None:
        data = form.cleaned_data
        with contextlib.suppress(services.AlreadyEngaged):  # sent twice: the first one counts, same answer
            services.engage(request, practice, user=request.user, kind=data["kind"], message=data["message"])
        messages.success(request, thanks)

    def spam(form: EngagementForm) -> None:
        messages.success(request, thanks)

    form = EngagementForm(request.POST or None, available_kinds=kinds)
    return protected_form_response(
        request,
        form,
        limit=ENGAGEMENT_LIMIT,
        render=renderer(request, "community/engagement/engage.html", {"practice": practice}),
        save=save,
        spam=spam,
        done_url=back,
    )
