"""Send staff who have not passed the second factor in this session to set-up or verification."""

from __future__ import annotations

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from cms.two_factor import services


class TwoFactorMiddleware:
    """After AuthenticationMiddleware and django_otp's OTPMiddleware (which sets `is_verified`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._must_verify(request):
            name = "two_factor_verify" if services.has_device(request.user) else "two_factor_set_up"
            return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _must_verify(request) -> bool:
        path = request.path_info
        if not path.startswith(reverse("wagtailadmin_home")):
            return False
        # The 2FA pages themselves, signing in and out, and what those pages load (the admin's icons
        # and JavaScript translations).
        open_paths = (
            "two_factor_set_up",
            "two_factor_verify",
            "wagtailadmin_login",
            "wagtailadmin_logout",
            "wagtailadmin_sprite",
        )
        if path in {reverse(name) for name in open_paths} or path.startswith(reverse("wagtailadmin_home") + "jsi18n"):
            return False
        user = getattr(request, "user", None)
        return user is not None and services.required(user) and not user.is_verified()
