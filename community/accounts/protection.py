"""What every public community form shares: its rate limit (cms.ratelimit, counted just before
acting, answered with 429 and a message saying when to try again) and a honeypot field that bots
fill in and people never see.

Used by the account forms here and by the member and engagement forms (community.members,
community.engagement), so each form declares its limit in one line.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.ratelimit import Limit


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
# Logins are limited for the whole site by the account lock-out (cms.auth), password resets by
# cms.ratelimit.PASSWORD_RESET_LIMIT (shared with the admin's).
SIGNUP_LIMIT = Limit("community-signup", limit=5, window=3600)
DELETE_ACCOUNT_LIMIT = Limit("community-delete-account", limit=5, window=900)
PROFILE_EDIT_LIMIT = Limit("community-profile-edit", limit=30, window=3600)
CONTACT_MEMBER_LIMIT = Limit("community-contact-member", limit=5, window=3600)
ENGAGEMENT_LIMIT = Limit("community-engagement", limit=10, window=3600)
