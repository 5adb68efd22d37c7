"""The routes of `SocialProgressDayPage` (the declaration, its PDF, endorsements) and of
`PressRoomPage` (embargoed declarations)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.http import content_disposition_header

from cms import geography, ratelimit
from cms.public_forms import protected_form_response, renderer
from events.day import services
from events.day.declaration_pdf import cached_declaration_pdf, pdf_filename, render_declaration_pdf
from events.day.forms import EndorsementForm
from events.models.day import Endorsement, PressRoomPage, SocialProgressDayPage

ENDORSEMENT_LIMIT = ratelimit.Limit("day-endorsement", limit=5, window=3600)  # valid forms per client address
LATEST_ENDORSERS = 30  # listed on the Day page; `endorsements/` lists them all
ENDORSERS_PER_PAGE = 100


def _language(day: SocialProgressDayPage) -> str:
    return translation.get_language() or day.language_code


def day_context(request: HttpRequest, day: SocialProgressDayPage) -> dict:
    """What the Day page shows beside its fields: the asks, the counts, the latest endorsers, the form."""
    language = _language(day)
    return {
        "addressee_sections": day.addressee_sections(),
        "counts": services.endorsement_counts(day.translation_key, language),
        "latest_endorsers": services.endorsers(day.translation_key, language, LATEST_ENDORSERS),
        "form": EndorsementForm(language=language),
    }


def declaration_pdf(request: HttpRequest, day: SocialProgressDayPage) -> HttpResponse:
    if not day.live:  # Wagtail already refuses to route to a page that is not live; never rely on it alone
        raise Http404
    response = HttpResponse(cached_declaration_pdf(day), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(True, pdf_filename(day))
    return response


def endorse(request: HttpRequest, day: SocialProgressDayPage) -> HttpResponse:
    # The same answer whether the address was new, waiting for confirmation or confirmed.
    return protected_form_response(
        request,
        EndorsementForm(request.POST or None, language=_language(day)),
        limit=ENDORSEMENT_LIMIT,
        render=renderer(request, "events/day/endorse.html", {"page": day, "self": day}),
        save=lambda form: services.endorse(day, form.cleaned_data, day.language_code),
        done_url=day.sub_url("endorse_thanks"),
    )


def endorse_thanks(request: HttpRequest, day: SocialProgressDayPage) -> HttpResponse:
    return TemplateResponse(request, "events/day/endorse_thanks.html", {"page": day, "self": day})


def endorse_confirm(request: HttpRequest, day: SocialProgressDayPage, token: str) -> HttpResponse:
    endorsement = get_object_or_404(Endorsement, token=token, translation_key=day.translation_key)
    if request.method == "POST":
        services.confirm_endorsement(endorsement)
        # Post/redirect/get: reloading the page does not post again.
        return redirect(day.sub_url("endorse_confirm", token))
    language = _language(day)
    context = {
        "page": day,
        "self": day,
        "endorsement": endorsement,
        "listed_as": endorsement.organisation or endorsement.name,
        "country_name": geography.country_name(endorsement.country_id, language),
        "token": token,
    }
    return TemplateResponse(request, "events/day/endorse_confirm.html", context)


def endorsements(request: HttpRequest, day: SocialProgressDayPage) -> HttpResponse:
    language = _language(day)
    queryset = (
        Endorsement.objects.filter(translation_key=day.translation_key, confirmed_at__isnull=False)
        .order_by("-confirmed_at", "-pk")
        .only("name", "organisation", "country_id", "confirmed_at")
    )
    page_of_endorsements = Paginator(queryset, ENDORSERS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": day,
        "self": day,
        "counts": services.endorsement_counts(day.translation_key, language),
        "endorsers": [
            {"name": item.organisation or item.name, "country": geography.country_name(item.country_id, language)}
            for item in page_of_endorsements
        ],
        "page_of_endorsements": page_of_endorsements,
    }
    return TemplateResponse(request, "events/day/endorsements.html", context)


def press_room_context(request: HttpRequest, press_room: PressRoomPage) -> dict:
    return {"scheduled": services.scheduled_declarations(press_room.locale_id)}


def embargoed_declaration_pdf(request: HttpRequest, press_room: PressRoomPage, day_id: int) -> HttpResponse:
    """The embargoed declaration as a PDF, from its scheduled revision, marked as embargoed."""
    scheduled = next(
        (item for item in services.scheduled_declarations(press_room.locale_id) if item.day.pk == day_id), None
    )
    if scheduled is None:
        raise Http404
    response = HttpResponse(
        render_declaration_pdf(scheduled.day, embargo=scheduled.go_live_at), content_type="application/pdf"
    )
    response["Content-Disposition"] = content_disposition_header(True, pdf_filename(scheduled.day, embargoed=True))
    return response
