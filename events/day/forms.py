"""The public form to endorse a World Social Progress Day declaration, in the visitor's language."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cms import geography
from cms.forms import ProtectedFormMixin
from cms.models import Country


class EndorsementForm(ProtectedFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("If you endorse on behalf of an organisation: its name is listed instead of yours."),
    )
    country = forms.ChoiceField(label=_("Country"))
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm your endorsement. Your address is never published."),
    )
    consent = forms.BooleanField(
        label=_(
            "I endorse this declaration, and agree that my organisation's name (or mine, without an "
            "organisation) and my country are published with it."
        )
    )

    def __init__(self, *args, language: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country")), *geography.country_choices(language)]
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["country"].widget.attrs["autocomplete"] = "country"
        self.fields["email"].widget.attrs["autocomplete"] = "email"

    def clean_country(self) -> str:
        code = self.cleaned_data["country"]
        if not Country.objects.filter(code=code).exists():
            raise forms.ValidationError(_("Choose a country from the list."))
        return code
