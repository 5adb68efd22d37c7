"""What every public community form shares: a rate limit with a message saying when to try again,
and a honeypot field that bots fill in and people never see.

Used by the account forms here and by the member and engagement forms (community.members,
community.engagement), so each form declares its limit in one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from django import forms
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cms import ratelimit


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` counted actions per client in a window of `window` seconds."""

    scope: str
    limit: int
    window: int

    def exceeded(self, request: HttpRequest) -> bool:
        return ratelimit.is_limited(request, self.scope, self.limit)

    def hit(self, request: HttpRequest) -> None:
        ratelimit.record(request, self.scope, window=self.window)

    @property
    def message(self) -> str:
        """Windows are fixed, so the whole window is the longest a visitor may have to wait."""
        minutes = max(1, round(self.window / 60))
        if minutes >= 120:
            hours = round(minutes / 60)
            return ngettext(
                "You have tried this too many times. Please try again in %(count)d hour.",
                "You have tried this too many times. Please try again in %(count)d hours.",
                hours,
            ) % {"count": hours}
        return ngettext(
            "You have tried this too many times. Please try again in %(count)d minute.",
            "You have tried this too many times. Please try again in %(count)d minutes.",
            minutes,
        ) % {"count": minutes}


class HoneypotMixin(forms.Form):
    """Adds `homepage`, a field hidden from people (CSS and aria-hidden) that bots fill in.

    A form with it filled in is treated as sent (same response) but nothing is done, so the bot
    learns nothing. Templates render it through `community/accounts/includes/field.html`.
    """

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("homepage"))


# The limits of the community's own forms, in one place so they can be read and tuned together.
SIGNUP_LIMIT = RateLimit("community-signup", limit=5, window=3600)
LOGIN_LIMIT = RateLimit("community-login-failure", limit=10, window=900)
PASSWORD_RESET_LIMIT = RateLimit("community-password-reset", limit=5, window=3600)
DELETE_ACCOUNT_LIMIT = RateLimit("community-delete-account-failure", limit=5, window=900)
PROFILE_EDIT_LIMIT = RateLimit("community-profile-edit", limit=30, window=3600)
CONTACT_MEMBER_LIMIT = RateLimit("community-contact-member", limit=5, window=3600)
ENGAGEMENT_LIMIT = RateLimit("community-engagement", limit=10, window=3600)


def refill(form_class: type[forms.Form], data, **kwargs) -> forms.Form:
    """An unbound form showing what the visitor typed (never passwords, never the honeypot).

    Used when the rate limit stops a submission: the values are kept, but the form is not
    validated (validating a login form would try the password).
    """
    form = form_class(**kwargs)
    initial = {}
    for name, field in form.fields.items():
        if name == "homepage" or isinstance(field.widget, forms.PasswordInput) or isinstance(field, forms.FileField):
            continue
        if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            initial[name] = data.getlist(name)
        elif name in data:
            initial[name] = data.get(name)
    form.initial.update(initial)
    return form
