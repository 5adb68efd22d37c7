"""The routes of `ForumEditionPage`: the programme as iCalendar files, and registration."""

from __future__ import annotations

from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from cms import ratelimit
from cms.public_forms import protected_form_response, renderer
from events.forum.forms import ForumRegistrationForm
from events.forum.ics import calendar_response, edition_calendar
from events.forum.services import AlreadyRegisteredError, register_participant
from events.models.forum import ForumEditionPage, ForumRegistration

# Registration attempts per client address (duplicates included).
REGISTRATION_LIMIT = ratelimit.Limit("forum-registration", limit=5, window=3600)
THANKS_SALT = "events.forum.registration-thanks"
THANKS_TOKEN_MAX_AGE = 24 * 3600  # how long the link to one's confirmation page works


def programme_ics(request: HttpRequest, edition: ForumEditionPage) -> HttpResponse:
    calendar = edition_calendar(edition, edition.sessions(), request)
    return calendar_response(calendar, f"ipsp-forum-{edition.slug}.ics")


def session_ics(request: HttpRequest, edition: ForumEditionPage, block_id: str) -> HttpResponse:
    session = next((s for s in edition.sessions() if s.id and s.id == block_id), None)
    if session is None:
        raise Http404
    calendar = edition_calendar(edition, [session], request)
    return calendar_response(calendar, f"ipsp-forum-{edition.slug}-{block_id[:8]}.ics")


def register(request: HttpRequest, edition: ForumEditionPage) -> HttpResponse:
    if not edition.takes_registrations:
        context = {**edition.get_context_base(request), "form": None}
        return TemplateResponse(
            request, "events/forum/register.html", context, status=403 if request.method == "POST" else 200
        )

    def save(form) -> str | None:
        try:
            registration = register_participant(edition, form.cleaned_data, edition.locale.language_code)
        except AlreadyRegisteredError:
            form.add_error("email", form.already_registered_error())
            return None
        token = signing.dumps(registration.pk, salt=THANKS_SALT)
        return f"{thanks}?r={token}"

    thanks = edition.url + edition.reverse_subpage("register_thanks")
    context = lambda: {**edition.get_context_base(request), "places_left": edition.places_left()}  # noqa: E731
    return protected_form_response(
        request,
        ForumRegistrationForm(request.POST or None, edition=edition),
        limit=REGISTRATION_LIMIT,
        render=renderer(request, "events/forum/register.html", context),
        save=save,
        done_url=thanks,
        # Every checked attempt counts, a duplicate address too: the form cannot be used to test
        # which addresses are registered faster than this.
        counts=lambda form: form.has_error("email", "already_registered"),
    )


def register_thanks(request: HttpRequest, edition: ForumEditionPage) -> HttpResponse:
    registration = None
    try:
        pk = signing.loads(request.GET.get("r", ""), salt=THANKS_SALT, max_age=THANKS_TOKEN_MAX_AGE)
    except signing.BadSignature:
        pk = None
    if pk is not None:
        registration = ForumRegistration.objects.filter(pk=pk, translation_key=edition.translation_key).first()
    context = {**edition.get_context_base(request), "registration": registration}
    return TemplateResponse(request, "events/forum/register_thanks.html", context)
