"""The one form of a partner's administrators: their organisation's public profile."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class ProfileForm(forms.Form):
    introduction = forms.CharField(
        label=_("Profile"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Two or three sentences in this page’s language, up to 600 characters."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
