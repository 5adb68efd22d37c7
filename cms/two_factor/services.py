"""Two-factor authentication: who needs it, setting it up, checking codes, resetting it."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django_otp import devices_for_user, match_token
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

from cms import roles, staff
from cms.ratelimit import Limit

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from cms.models import User

ENABLED = "cms.two_factor_enabled"
RECOVERY_CODE_USED = "cms.recovery_code_used"
RESET = "cms.two_factor_reset"

RECOVERY_CODES = 10
STAFF_GROUPS = (roles.MODERATORS, roles.EDITORS, roles.EXPERT_REVIEWERS, roles.JURY)
# Codes tried at set-up and at verification, per client address and per account.
ATTEMPTS = Limit("two-factor", limit=5, window=15 * 60)


def required(user: User | AnonymousUser) -> bool:
    """Staff (the staff groups, every translators group, superusers, anyone else with admin access)."""
    if not getattr(settings, "STAFF_TWO_FACTOR_REQUIRED", True) or not user.is_authenticated:
        return False
    if user.is_superuser or staff.is_staff(user):
        return True
    return user.groups.filter(Q(name__in=STAFF_GROUPS) | Q(name__startswith=roles.translators_group_name(""))).exists()


def has_device(user: User) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


def pending_device(user: User) -> TOTPDevice:
    """The device being set up: the same secret until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)


def secret(device: TOTPDevice) -> str:
    """The key as authenticator apps take it when typed: base32, in groups of four."""
    key = base64.b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// URI as an inline SVG QR code (no image request, nothing outside the page)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return str(image.to_string(encoding="unicode"))


def _clean(token: str) -> str:
    return "".join(token.split()).lower()


@transaction.atomic
def confirm(device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm a pending device with a code from the app; returns the new recovery codes, or None."""
    if not device.verify_token(_clean(token)):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=device.user).delete()
    recovery = StaticDevice.objects.create(user=device.user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    log(device.user, ENABLED, user=device.user)
    return codes


def verify(user: User, token: str) -> Device | None:
    """The device that accepts this TOTP or recovery code (a recovery code is used up), or None."""
    device = match_token(user, _clean(token))
    if isinstance(device, StaticDevice):
        log(device.user, RECOVERY_CODE_USED, user=device.user, data={"remaining": device.token_set.count()})
    return device


@transaction.atomic
def reset(user: User, by: User | None = None) -> int:
    """Remove every device of `user` (they set up again at their next sign-in); logged."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    log(user, RESET, user=by, data={"devices": len(devices)})
    return len(devices)
