"""The admin's two-factor pages: set-up (first time) and verification (each new session)."""

from __future__ import annotations

from urllib.parse import urlencode

import django_otp
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from cms.two_factor import services
from cms.two_factor.forms import CodeForm

# Shown in the page's message area, as the admin's login shows a wrong password.
WRONG_CODE = _("That code is not right. Check your device's clock and enter the newest code.")


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


def _passed(request, device) -> None:
    """Mark this session verified, under a new session key (as a sign-in does)."""
    services.ATTEMPTS.undo(request)
    request.session.cycle_key()
    django_otp.login(request, device)


def _refused(request, template: str, context: dict):
    """The limiter's answer: 429 saying when to try again; the typed code stays in the form."""
    decision = services.ATTEMPTS.hit(request)
    if decision:
        return None
    form = CodeForm(initial={"code": request.POST.get("code", "")})
    return decision.mark(render(request, template, {**context, "form": form, "error": decision.message}))


@never_cache
def set_up(request):
    if services.has_device(request.user):
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': _next(request)})}")
    device = services.pending_device(request.user)
    context = {"next": _next(request), "secret": services.secret(device), "uri": device.config_url}
    context["qr_code"] = services.qr_svg(device)
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if refused := _refused(request, "cms/two_factor/set_up.html", context):
            return refused
        codes = services.confirm(device, form.cleaned_data["code"]) if form.is_valid() else None
        if codes:
            _passed(request, device)
            return render(request, "cms/two_factor/recovery_codes.html", {"codes": codes, "next": context["next"]})
        context["error"] = WRONG_CODE
    return render(request, "cms/two_factor/set_up.html", {**context, "form": form})


@never_cache
def verify(request):
    if not services.has_device(request.user):
        return redirect(f"{reverse('two_factor_set_up')}?{urlencode({'next': _next(request)})}")
    context = {"next": _next(request)}
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        if refused := _refused(request, "cms/two_factor/verify.html", context):
            return refused
        device = services.verify(request.user, form.cleaned_data["code"]) if form.is_valid() else None
        if device is not None:
            _passed(request, device)
            return redirect(context["next"])
        context["error"] = WRONG_CODE
    return render(request, "cms/two_factor/verify.html", {**context, "form": form})
