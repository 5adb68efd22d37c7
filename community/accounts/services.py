"""Signing up, confirming an address, resetting a password and deleting an account.

Choices made here:
* An account is **inactive until its e-mail address is confirmed**: it cannot log in, so it cannot
  take part. An inactive account that has never logged in counts as "unconfirmed".
* No account enumeration: signing up with an address that already has an account, or asking a
  reset for an unknown address, gives the visitor the same answer as the normal case; the owner
  of an existing account is told by e-mail instead (or, if unconfirmed, gets a new link).
* Every e-mail goes through cms.notifications, in the recipient's language, with links in
  that language.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode

from cms import links
from cms.models import User
from cms.notifications import notify
from community.accounts.tokens import confirmation_tokens
from community.models import MemberProfile


def absolute_url(request: HttpRequest, viewname: str, language: str | None = None, **kwargs: Any) -> str:
    """An absolute link to a named route, with the language prefix of `language` (the recipient's)."""
    with translation.override(language or translation.get_language()):
        path = reverse(viewname, kwargs=kwargs or None)
    return links.absolute_url(path)


def language_of(user: User) -> str:
    return user.preferred_language or translation.get_language()


def find_by_email(email: str) -> QuerySet[User]:
    """Accounts with this address (case-insensitive); addresses are not unique for staff accounts."""
    return User.objects.filter(email__iexact=email.strip()).order_by("pk")


def is_unconfirmed(user: User) -> bool:
    return not user.is_active and user.last_login is None


def _new_username() -> str:
    """Participants log in with their e-mail address; the username is an internal, unguessable handle."""
    while True:
        username = f"member-{secrets.token_hex(5)}"
        if not User.objects.filter(username=username).exists():
            return username


def uid_of(user: User) -> str:
    return urlsafe_base64_encode(force_bytes(user.pk))


def user_from_uid(uidb64: str) -> User | None:
    try:
        pk = urlsafe_base64_decode(uidb64).decode()
        return User.objects.get(pk=pk)
    except (TypeError, ValueError, OverflowError, User.DoesNotExist):
        return None


def send_confirmation(request: HttpRequest, user: User) -> None:
    language = language_of(user)
    url = absolute_url(
        request,
        "community:confirm_email",
        language,
        uidb64=uid_of(user),
        token=confirmation_tokens.make_token(user),
    )
    context = {"name": _display_name(user), "confirm_url": url}
    notify("community/email/accounts/confirm_email", [user.email], context, language=language)


def _display_name(user: User) -> str:
    profile = MemberProfile.objects.filter(user=user).only("name").first()
    return (profile.name if profile else "") or user.get_full_name()


@transaction.atomic
def sign_up(request: HttpRequest, *, name: str, email: str, password: str) -> None:
    """Create an inactive account with a draft profile and send the confirmation link.

    If the address already has an account nothing is created: its owner gets a new confirmation
    link (account not confirmed yet) or a note that someone tried to sign up with their address.
    """
    existing = find_by_email(email).first()
    if existing is None:
        user = User(
            username=_new_username(),
            email=email.strip(),
            first_name=name[:150],
            is_active=False,
            preferred_language=translation.get_language() or "",
        )
        user.set_password(password)
        user.save()
        MemberProfile.objects.create(user=user, name=name)
        send_confirmation(request, user)
        return
    # The slow part of a new account (hashing its password) runs for a taken address too, so the
    # time of the answer does not tell whether the address has an account.
    make_password(password)
    if is_unconfirmed(existing):
        send_confirmation(request, existing)
    else:
        language = language_of(existing)
        context = {
            "name": _display_name(existing),
            "login_url": absolute_url(request, "community:login", language),
            "reset_url": absolute_url(request, "community:password_reset", language),
        }
        notify("community/email/accounts/already_registered", [existing.email], context, language=language)


def pending_confirmation(uidb64: str, token: str) -> User | None:
    """The account a genuine, unused confirmation link is for, or None; activates nothing (a visit
    alone, by a mail scanner for instance, must not confirm an address)."""
    user = user_from_uid(uidb64)
    if user is None or user.is_active or not confirmation_tokens.check_token(user, token):
        return None
    return user


def confirm_email(uidb64: str, token: str) -> User | None:
    """Activate the account if the link is genuine and unused; return it, or None."""
    user = pending_confirmation(uidb64, token)
    if user is None:
        return None
    user.is_active = True
    user.save(update_fields=["is_active"])
    return user


def send_password_reset(request: HttpRequest, email: str) -> None:
    """A reset link to every active account with this address; a new confirmation link to an
    unconfirmed one (it cannot log in yet, so a reset would not help). Unknown address: nothing."""
    for user in find_by_email(email):
        if is_unconfirmed(user):
            send_confirmation(request, user)
        elif user.is_active and user.has_usable_password():
            language = language_of(user)
            url = absolute_url(
                request,
                "community:password_reset_confirm",
                language,
                uidb64=uid_of(user),
                token=default_token_generator.make_token(user),
            )
            context = {"name": _display_name(user), "reset_url": url}
            notify("community/email/accounts/password_reset", [user.email], context, language=language)


@transaction.atomic
def delete_account(user: User) -> None:
    """Delete the account and its profile. Comments, proposals, supports and engagements stay, with
    their author set to NULL (shown as "former member"); the profile photo file is removed too."""
    profile = MemberProfile.objects.filter(user=user).first()
    if profile is not None and profile.photo:
        photo = profile.photo
        transaction.on_commit(lambda: photo.storage.delete(photo.name))
    user.delete()
