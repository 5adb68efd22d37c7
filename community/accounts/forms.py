"""The account forms: sign up, log in by e-mail, ask for a password reset, delete the account."""

from __future__ import annotations

from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from cms.auth import refusal
from cms.forms import ProtectedFormMixin
from community.accounts.services import find_by_email, is_unconfirmed


def _password_field(label, autocomplete: str, help_text: str = "") -> forms.CharField:
    # render_value=False (the default): a password is never sent back to the browser on error.
    return forms.CharField(
        label=label,
        strip=False,
        help_text=help_text,
        widget=forms.PasswordInput(attrs={"autocomplete": autocomplete}),
    )


def _email_field() -> forms.EmailField:
    return forms.EmailField(
        label=_("E-mail address"), max_length=254, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )


class SignUpForm(ProtectedFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("As you want it shown publicly."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = _email_field()
    password = _password_field(
        _("Password"),
        "new-password",
        help_text=_("At least 10 characters; not a common password, not only digits, not like your name or address."),
    )
    field_order = ["name", "email", "password", "homepage"]

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            # Checked against an unsaved user so "too similar to your name or address" works.
            candidate = get_user_model()(email=cleaned.get("email", ""), first_name=cleaned.get("name", ""))
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class EmailLoginForm(forms.Form):
    """Log in with an e-mail address (Django's LoginView passes `request`)."""

    email = _email_field()
    password = _password_field(_("Password"), "current-password")

    error_messages = {
        "invalid_login": _("The e-mail address or the password is not right. Please check them and try again."),
        "unconfirmed": _(
            "Your e-mail address is not confirmed yet. We have sent you a new confirmation link: open it, then log in."
        ),
    }

    def __init__(self, request: HttpRequest | None = None, *args, **kwargs) -> None:
        self.request = request
        self.user_cache = None
        self.unconfirmed_user = None
        super().__init__(*args, **kwargs)

    def clean(self):
        email, password = self.cleaned_data.get("email"), self.cleaned_data.get("password")
        if email and password:
            accounts = list(find_by_email(email))
            if not accounts:
                # An unknown address is tried too: the hasher runs and the lock-out counts, so the
                # answer takes as long as for a known address (no enumeration by timing).
                authenticate(self.request, username=f"unknown:{email}", password=password)
                self._refuse_if_locked()
            for account in accounts:
                user = authenticate(self.request, username=account.get_username(), password=password)
                if user is not None:
                    self.user_cache = user
                    break
                self._refuse_if_locked()
                if is_unconfirmed(account) and account.check_password(password):
                    self.unconfirmed_user = account
                    raise forms.ValidationError(self.error_messages["unconfirmed"], code="unconfirmed")
            else:
                raise forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login")
        return self.cleaned_data

    def _refuse_if_locked(self) -> None:
        decision = refusal(self.request)
        if decision is not None:
            raise forms.ValidationError(decision.message, code="locked")

    def get_user(self):
        return self.user_cache


class PasswordResetRequestForm(forms.Form):
    email = _email_field()


class DeleteAccountForm(forms.Form):
    password = _password_field(
        _("Your password"), "current-password", help_text=_("To be sure it is you who deletes the account.")
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and profile are deleted for good."),
    )

    def __init__(self, user, *args, **kwargs) -> None:
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password
