"""Every password check of the site goes through `LockoutBackend`: the admin login and the community
login (which is also Wagtail's privacy wall, WAGTAIL_FRONTEND_LOGIN_URL).

A refused attempt (account locked, or too many attempts from one address) is remembered on the
request; the login forms below then say when to try again, and `LoginRefusedMiddleware` turns the
answer into 429 with Retry-After. Refused or unknown, the password hasher runs once, so the time an
answer takes does not tell whether an account exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.forms import ValidationError
from django.http import HttpRequest, HttpResponse
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.admin.views.account import PasswordResetView as WagtailPasswordResetView

from cms.ratelimit import LOGIN_ADDRESS_LIMIT, LOGIN_LOCKOUT, PASSWORD_RESET_LIMIT, Decision, Limit

if TYPE_CHECKING:
    from cms.models import User


class AuthenticatedRequest(HttpRequest):
    """The request of a view only signed-in accounts reach (`login_required`, the admin's views):
    for the type checker, `request.user` is then a `User`, never `AnonymousUser`."""

    user: User


# Shared page passwords (a page's "Privacy: password" restriction), per client address.
PAGE_PASSWORD_LIMIT = Limit("page-password", limit=10, window=15 * 60)


def lockout_account(username: str) -> str:
    """The lock-out key of a login name: the account's pk when it exists (so the admin login by
    username and the community login by address lock the same account), else the name typed."""
    User = get_user_model()
    pk = User._default_manager.filter(**{User.USERNAME_FIELD: username}).values_list("pk", flat=True).first()
    return f"user:{pk}" if pk is not None else f"name:{username}"


def refusal(request) -> Decision | None:
    return getattr(request, "login_refused", None)


class LockoutBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(get_user_model().USERNAME_FIELD)
        if username is None or password is None:
            return None
        account = lockout_account(username)
        decision = LOGIN_LOCKOUT.begin(account)
        if decision and request is not None:
            decision = LOGIN_ADDRESS_LIMIT.hit(request)
        if not decision:
            if request is not None:
                request.login_refused = decision
            get_user_model()().set_password(password)  # the same time as a checked password
            raise PermissionDenied  # stops django.contrib.auth.authenticate for every backend
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            LOGIN_LOCKOUT.failed(account)
        else:
            LOGIN_LOCKOUT.succeeded(account)
            if request is not None:
                LOGIN_ADDRESS_LIMIT.undo(request)
        return user


class LockoutMessageMixin:
    """For AuthenticationForm subclasses: a refused attempt says when to try again."""

    def get_invalid_login_error(self):
        decision = refusal(self.request)
        if decision is not None:
            return ValidationError(decision.message, code="locked")
        return super().get_invalid_login_error()


class AdminLoginForm(LockoutMessageMixin, WagtailLoginForm):
    """WAGTAILADMIN_USER_LOGIN_FORM."""


class AdminPasswordResetView(WagtailPasswordResetView):
    """Wagtail's admin password reset, limited per address and per e-mail address typed."""

    def post(self, request, *args, **kwargs):
        decision = PASSWORD_RESET_LIMIT.hit(request, account=request.POST.get("email", ""))
        if not decision:
            request.login_refused = decision
            form = self.get_form()
            form.add_error(None, decision.message)
            return self.form_invalid(form)
        return super().post(request, *args, **kwargs)


def authenticate_with_password(request, page_view_restriction_id: int, page_id: int):
    """Wagtail's form for a password-protected page, limited like a login."""
    from wagtail.views import authenticate_with_password as wagtail_view

    if request.method == "POST":
        decision = PAGE_PASSWORD_LIMIT.hit(request)
        if not decision:
            return decision.mark(HttpResponse(decision.message, content_type="text/plain; charset=utf-8"))
    return wagtail_view(request, page_view_restriction_id, page_id)


class LoginRefusedMiddleware:
    """A login or reset answered while refused is a 429 with Retry-After (the page still shows the
    form with its message)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        decision = refusal(request)
        if decision is not None and response.status_code in (200, 400):
            decision.mark(response)
        return response
