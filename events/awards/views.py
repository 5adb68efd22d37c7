"""The routes of `AwardEditionPage`: the edition with its jury and results, and the nomination form."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

from cms import ratelimit
from cms.blocks import localized_pages
from cms.public_forms import protected_form_response, renderer
from events.awards.forms import NominationForm
from events.awards.services import create_nomination, localized_people, published_results
from events.models.awards import AwardEditionPage

NOMINATION_LIMIT = ratelimit.Limit("award-nomination", limit=5, window=3600)


def edition_context(request: HttpRequest, edition: AwardEditionPage) -> dict:
    """What the edition page shows beside its fields: the Forum of the ceremony, the jury, the results."""
    forum = localized_pages(list(Page.objects.filter(pk=edition.forum_edition_id).only("translation_key")))
    forum_page = forum[0] if forum and forum[0].live else None
    return {
        "forum_page": forum_page,
        "forum_url": forum_page.get_url(request) if forum_page else "",
        "jury_members": localized_people(list(edition.jury.all())),
        "result_categories": published_results(edition),
        "nominations_state": edition.nominations_state,
    }


def nominate(request: HttpRequest, edition: AwardEditionPage) -> HttpResponse:
    context = edition.get_context_base(request)
    if context["nominations_state"] != "open":
        status = 403 if request.method == "POST" else 200
        return TemplateResponse(request, "events/awards/nominate.html", context, status=status)
    return protected_form_response(
        request,
        NominationForm(request.POST or None, categories=edition.category_list(), locale=edition.locale),
        limit=NOMINATION_LIMIT,
        render=renderer(request, "events/awards/nominate.html", context),
        save=lambda form: create_nomination(edition, form.cleaned_data),
        done_url=edition.url + edition.reverse_subpage("nominate_thanks"),
    )


def nominate_thanks(request: HttpRequest, edition: AwardEditionPage) -> HttpResponse:
    return TemplateResponse(request, "events/awards/nominate_thanks.html", edition.get_context_base(request))
