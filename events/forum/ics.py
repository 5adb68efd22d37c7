"""iCalendar files of a Forum edition's programme: the whole programme, or one session.

Each VEVENT's UID is built from the session's StreamField block id, the edition's translation key
and the language, so that re-downloading after an edit updates the event in a calendar instead of
adding a second one, and the English and Arabic files of the same session stay distinct events.
Times carry the venue's TZID, with a VTIMEZONE built from the IANA zone by icalendar.
"""

from __future__ import annotations

import datetime

import icalendar
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from cms import links
from events.models.forum import ForumEditionPage, ProgrammeSession

PRODID = "-//International Panel on Social Progress//World Social Progress Forum//EN"
UID_DOMAIN = "ipsp.org"


def session_uid(edition: ForumEditionPage, session: ProgrammeSession, number: int) -> str:
    block = session.id or f"{session.date.isoformat()}-{number}"  # legacy items without an id
    return f"{block}-{edition.translation_key}-{edition.locale.language_code}@{UID_DOMAIN}"


def _location(edition: ForumEditionPage, session: ProgrammeSession) -> str:
    parts = [session.room, edition.venue, edition.host_city, edition.country_name]
    return ", ".join(part for part in parts if part)


def _description(session: ProgrammeSession, url: str) -> str:
    lines = [session.description] if session.description else []
    if session.format_label:
        lines.append(f"{_('Format')}: {session.format_label}")
    if session.speakers:
        lines.append(f"{_('Speakers')}: {', '.join(person.name for person in session.speakers)}")
    if session.languages:
        lines.append(f"{_('Spoken in')}: {', '.join(name for _code, name in session.languages)}")
    if session.interpretation:
        lines.append(f"{_('Interpretation into')}: {', '.join(name for _code, name in session.interpretation)}")
    lines.append(url)
    return "\n".join(lines)


def edition_calendar(
    edition: ForumEditionPage, sessions: list[ProgrammeSession], request: HttpRequest | None = None
) -> icalendar.Calendar:
    language = edition.locale.language_code
    page_url = links.page_url(edition, request)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", edition.title, parameters={"LANGUAGE": language})
    calendar.add("x-wr-timezone", edition.time_zone)
    # The file's own date, stable between downloads so identical programmes give identical files.
    stamp = (edition.last_published_at or timezone.now()).astimezone(datetime.UTC)
    for number, session in enumerate(sessions):
        url = f"{page_url}#{session.anchor}" if session.anchor else page_url
        event = icalendar.Event()
        event.add("uid", session_uid(edition, session, number))
        event.add("dtstamp", stamp)
        event.add("dtstart", session.start)
        event.add("dtend", session.end)
        event.add("summary", session.title, parameters={"LANGUAGE": language})
        event.add("location", _location(edition, session), parameters={"LANGUAGE": language})
        event.add("description", _description(session, url), parameters={"LANGUAGE": language})
        event.add("url", url)
        calendar.add_component(event)
    # One VTIMEZONE for the venue, its rules over the event's years: enough for every calendar client.
    first = datetime.date(edition.start_date.year, 1, 1)
    last = datetime.date(max([edition.last_date, *(s.end.date() for s in sessions)]).year + 1, 1, 1)
    calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def calendar_response(calendar: icalendar.Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
