"""Staff accounts: sessions that expire after inactivity, and an audit trail in Wagtail's log.

* `StaffSessionTimeoutMiddleware`: a staff session (anyone who may use the admin) ends after
  `STAFF_SESSION_IDLE_SECONDS` without a request (two hours by default); each request moves the
  deadline (at most once a minute: moving it means writing the session, three queries, so the
  requests of the same minute leave it where it is). Participants of the community keep Django's
  usual session length.
* Every sign-in, failed sign-in, change of a user's groups or permissions, and change of a group's
  permissions is written to Wagtail's audit log (Reports > Site history, and the user's history),
  with the custom actions registered in `cms.wagtail_hooks`.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import m2m_changed
from django.dispatch import receiver
from wagtail.log_actions import log

from cms.clients import client_address

logger = logging.getLogger(__name__)

SIGN_IN = "cms.sign_in"
SIGN_IN_FAILED = "cms.sign_in_failed"
GROUPS_CHANGED = "cms.groups_changed"
PERMISSIONS_CHANGED = "cms.permissions_changed"
SLID_AT = "_ipsp_staff_expiry_moved_at"  # session key: when the idle deadline last moved (epoch seconds)
SLIDE_EVERY = 60  # seconds


def is_staff(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin"))


class StaffSessionTimeoutMiddleware:
    """After AuthenticationMiddleware: a staff session's expiry slides with each request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and is_staff(user):
            now = int(time.time())
            if now - request.session.get(SLID_AT, 0) >= SLIDE_EVERY:
                request.session.set_expiry(getattr(settings, "STAFF_SESSION_IDLE_SECONDS", 2 * 3600))
                request.session[SLID_AT] = now
        return self.get_response(request)


def _address(request) -> str:
    return client_address(request) if request is not None else ""


@receiver(user_logged_in)
def log_sign_in(sender, request, user, **kwargs):
    log(user, SIGN_IN, user=user, data={"address": _address(request)})


@receiver(user_login_failed)
def log_failed_sign_in(sender, credentials, request=None, **kwargs):
    User = get_user_model()
    username = credentials.get(User.USERNAME_FIELD) or credentials.get("username") or ""
    account = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first() if username else None
    refused = getattr(request, "login_refused", None) is not None
    logger.warning("Failed sign-in for %r from %s%s", username, _address(request), " (locked)" if refused else "")
    if account is not None:
        log(account, SIGN_IN_FAILED, user=None, data={"address": _address(request), "locked": refused})


def _names(model, pk_set) -> list[str]:
    return sorted(str(item) for item in model._default_manager.filter(pk__in=pk_set or ()))


@receiver(m2m_changed, sender=get_user_model().groups.through)
def log_group_membership(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    change = action.removeprefix("post_")
    if reverse:  # group.user_set.add(...): one entry per user
        for user in get_user_model()._default_manager.filter(pk__in=pk_set or ()):
            log(user, GROUPS_CHANGED, data={"change": change, "groups": [str(instance)]})
    else:
        log(instance, GROUPS_CHANGED, data={"change": change, "groups": _names(model, pk_set)})


@receiver(m2m_changed, sender=get_user_model().user_permissions.through)
@receiver(m2m_changed, sender=Group.permissions.through)
def log_permissions(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear") or reverse:
        return
    log(
        instance,
        PERMISSIONS_CHANGED,
        data={"change": action.removeprefix("post_"), "permissions": _names(model, pk_set)},
    )
