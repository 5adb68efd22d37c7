"""POST target of the engagement form on practice pages (/<lang>/connect/<practice id>/).

The form is shown on the practice page itself (community.engagement.hooks); this view receives it,
and shows it again on its own page when something must be corrected (works without JavaScript).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from community.accounts.protection import ENGAGEMENT_LIMIT
from community.engagement import services
from community.engagement.forms import EngagementForm


def _practice(practice_id: int):
    page = Page.objects.live().public().filter(pk=practice_id).specific().first()
    if page is None or page._meta.label != "practices.PracticePage" or not page.is_reviewed():
        raise Http404
    return page


@login_required
@require_http_methods(["GET", "POST"])
def engage(request: HttpRequest, practice_id: int) -> HttpResponse:
    practice = _practice(practice_id)
    back = practice.get_url(request) + "#connect"
    kinds = services.available_kinds(practice, request.user)
    if not kinds:
        return redirect(back)
    context = {"practice": practice}
    form = EngagementForm(request.POST or None, available_kinds=kinds)
    if request.method == "POST":
        if form.is_valid():
            decision = ENGAGEMENT_LIMIT.hit(request)
            if not decision:
                context.update(form=form, rate_limit_message=decision.message)
                return decision.mark(TemplateResponse(request, "community/engagement/engage.html", context))
            if not form.is_spam:
                data = form.cleaned_data
                try:
                    services.engage(request, practice, user=request.user, kind=data["kind"], message=data["message"])
                except services.AlreadyEngaged:
                    pass  # sent twice: the first one counts, and the answer is the same
            messages.success(request, _("Thank you: your message is on its way to the people behind this practice."))
            return redirect(back)
        context["form"] = form
        return TemplateResponse(request, "community/engagement/engage.html", context, status=400)
    context["form"] = form
    return TemplateResponse(request, "community/engagement/engage.html", context)
