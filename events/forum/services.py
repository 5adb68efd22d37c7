"""The Forum's registration rules: one registration per address and edition (all its languages), a
place while there is one, else the waiting list, and the confirmation in the person's language."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail.models import Page

from cms.links import page_url
from cms.notifications import deliver
from cms.tasks import retrying_task
from events.models.forum import ForumEditionPage, ForumRegistration


class AlreadyRegisteredError(Exception):
    """This e-mail address is already registered (or waiting) for this edition."""


def normalise_email(address: str) -> str:
    # One registration per mailbox: "Ana@Example.org" and "ana@example.org" are the same person.
    return address.strip().lower()


def is_registered(edition: ForumEditionPage, email: str) -> bool:
    return (
        ForumRegistration.objects.filter(translation_key=edition.translation_key, email=normalise_email(email))
        .exclude(status=ForumRegistration.Status.CANCELLED)
        .exists()
    )


@transaction.atomic
def register_participant(edition: ForumEditionPage, data: dict, language: str) -> ForumRegistration:
    """Register someone for `edition` (any of its languages): a place while there is one, else the waiting list.

    The edition's pages are locked for the count (PostgreSQL), so two people never take the last place.
    Raises AlreadyRegisteredError for an address already registered or waiting for this edition.
    """
    list(Page.objects.select_for_update().filter(translation_key=edition.translation_key).values_list("pk"))
    email = normalise_email(data["email"])
    existing = ForumRegistration.objects.filter(translation_key=edition.translation_key, email=email).first()
    if existing is not None and existing.status != ForumRegistration.Status.CANCELLED:
        raise AlreadyRegisteredError(email)
    full = edition.capacity is not None and edition.registered_count() >= edition.capacity
    status = ForumRegistration.Status.WAITING if full else ForumRegistration.Status.REGISTERED
    registration = existing or ForumRegistration(translation_key=edition.translation_key, email=email)
    registration.edition = edition
    registration.name = data["name"]
    registration.organisation = data.get("organisation") or ""
    registration.country = data["country"]
    registration.language = language
    registration.status = status
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError as error:  # the same address, at the same moment, in another language
        raise AlreadyRegisteredError(email) from error
    transaction.on_commit(lambda: send_registration_confirmation.enqueue(registration.pk))
    return registration


@retrying_task()
def send_registration_confirmation(registration_id: int) -> None:
    """The confirmation (a place, or a position on the waiting list) in the language the person registered in."""
    registration = ForumRegistration.objects.select_related("edition").get(pk=registration_id)
    edition = registration.edition
    with translation.override(registration.language):
        url = page_url(edition)
        context = {
            "registration": registration,
            "edition": edition,
            "position": registration.waiting_position(),
            "edition_url": url,
            "calendar_url": f"{url}{edition.reverse_subpage('ics')}" if url else "",
        }
    deliver("events/forum/email/registration", [registration.email], context, registration.language)
