"""Account pages on the public site, in the visitor's language (/<lang>/account/...).

Every form is rate limited (community.accounts.protection, cms.ratelimit): a limited submission
answers 429 with Retry-After and a message saying when to try again, the typed values kept; an
invalid one answers 400. Logins go through the site's account lock-out (cms.auth).
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse, reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from cms.public_forms import protected_form_response, renderer
from cms.ratelimit import PASSWORD_RESET_LIMIT, refill
from community.accounts import services
from community.accounts.forms import DeleteAccountForm, EmailLoginForm, PasswordResetRequestForm, SignUpForm
from community.accounts.protection import DELETE_ACCOUNT_LIMIT, SIGNUP_LIMIT
from community.models import Comment, Engagement, MemberProfile, TopicProposal, TopicSupport

TEMPLATES = "community/accounts/"


def _render(request: HttpRequest, name: str, context: dict, status: int = 200) -> TemplateResponse:
    return TemplateResponse(request, TEMPLATES + name, context, status=status)


@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("community:account")

    def save(form: SignUpForm) -> None:
        data = form.cleaned_data
        services.sign_up(request, name=data["name"], email=data["email"], password=data["password"])

    # The same answer whether the address was new, unconfirmed or taken: no enumeration.
    return protected_form_response(
        request,
        SignUpForm(request.POST or None),
        limit=SIGNUP_LIMIT,
        render=renderer(request, TEMPLATES + "signup.html", {}),
        save=save,
        done_url=reverse("community:signup_done"),
    )


def signup_done(request: HttpRequest) -> HttpResponse:
    return _render(request, "signup_done.html", {})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm_email(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The link in the mail shows a button; only its POST activates the account (mail scanners
    open links, they do not press buttons), like the newsletter's confirmation."""
    if request.method == "POST":
        user = services.confirm_email(uidb64, token)
    else:
        user = services.pending_confirmation(uidb64, token)
    if user is None:
        return _render(request, "confirm_invalid.html", {}, 400)
    if request.method == "GET":
        return _render(request, "confirm_email.html", {"email": user.email, "uidb64": uidb64, "token": token})
    messages.success(request, _("Thank you: your e-mail address is confirmed. You can now log in."))
    return redirect("community:login")


class LoginView(auth_views.LoginView):
    """The site's login, by e-mail; also Wagtail's privacy wall (WAGTAIL_FRONTEND_LOGIN_URL), so a
    journalist sent here from the press room goes back there (`next`) once logged in."""

    template_name = TEMPLATES + "login.html"
    authentication_form = EmailLoginForm
    redirect_authenticated_user = True

    def dispatch(self, request, *args, **kwargs):
        # A logged-in member sent here by a page they may not read (the press room) would be sent
        # straight back, and back here again: they see the form, to log in with another account.
        self.without_access = request.user.is_authenticated and bool(self.get_redirect_url())
        if self.without_access:
            self.redirect_authenticated_user = False
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "without_access": self.without_access}

    def form_invalid(self, form):
        # A refused attempt (account locked) becomes 429 with Retry-After in cms.auth's middleware.
        if form.unconfirmed_user is not None:
            services.send_confirmation(self.request, form.unconfirmed_user)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class LogoutView(auth_views.LogoutView):
    """POST only (Django's default): a link or an image cannot log anybody out."""

    def get_default_redirect_url(self):
        return f"/{get_language()}/"


@login_required
def account(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "profile": MemberProfile.objects.filter(user=user).first(),
        "comment_count": Comment.objects.filter(author=user).count(),
        "proposal_count": TopicProposal.objects.filter(proposer=user).count(),
        "support_count": TopicSupport.objects.filter(user=user).count(),
        "engagement_count": Engagement.objects.filter(user=user).count(),
    }
    return _render(request, "account.html", context)


@require_http_methods(["GET", "POST"])
def password_reset(request: HttpRequest) -> HttpResponse:
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            decision = PASSWORD_RESET_LIMIT.hit(request, account=form.cleaned_data["email"])
            if not decision:
                context = {"form": form, "rate_limited": decision.message}
                return decision.mark(_render(request, "password_reset.html", context))
            services.send_password_reset(request, form.cleaned_data["email"])
            # The same answer for a known and an unknown address.
            return redirect("community:password_reset_done")
        return _render(request, "password_reset.html", {"form": form}, 400)
    return _render(request, "password_reset.html", {"form": form})


def password_reset_done(request: HttpRequest) -> HttpResponse:
    return _render(request, "password_reset_done.html", {})


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = TEMPLATES + "password_reset_confirm.html"
    success_url = reverse_lazy("community:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = TEMPLATES + "password_reset_complete.html"


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    user = request.user
    if request.method == "POST":
        # Counted before the password is checked, so it cannot be guessed here faster than this.
        decision = DELETE_ACCOUNT_LIMIT.hit(request)
        if not decision:
            form = refill(DeleteAccountForm, request.POST, user=user)
            context = {"form": form, "rate_limited": decision.message}
            return decision.mark(_render(request, "delete_account.html", context))
    form = DeleteAccountForm(user, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            logout(request)
            services.delete_account(user)
            return redirect("community:delete_account_done")
        return _render(request, "delete_account.html", {"form": form}, 400)
    return _render(request, "delete_account.html", {"form": form})


def delete_account_done(request: HttpRequest) -> HttpResponse:
    return _render(request, "delete_account_done.html", {})
