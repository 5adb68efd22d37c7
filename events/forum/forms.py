"""The public registration form of a Forum edition, in the visitor's language."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cms import geography
from cms.forms import ProtectedFormMixin
from cms.models import Country
from events.forum.services import is_registered, normalise_email
from events.models.forum import ForumEditionPage


class ForumRegistrationForm(ProtectedFormMixin, forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send your confirmation there, and never publish it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = forms.ChoiceField(label=_("Country"), help_text=_("Where you live or work."))
    consent = forms.BooleanField(
        label=_("The Panel may keep these details to organise the Forum and write to me about this edition.")
    )

    def __init__(self, *args, edition: ForumEditionPage, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["country"].choices = [
            ("", _("Choose a country")),
            *geography.country_choices(edition.locale.language_code),
        ]

    @staticmethod
    def already_registered_error() -> forms.ValidationError:
        return forms.ValidationError(
            _("This address is already registered for this edition."), code="already_registered"
        )

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"])
        if is_registered(self.edition, email):
            raise self.already_registered_error()
        return email

    def clean_country(self) -> Country:
        country = Country.objects.filter(code=self.cleaned_data["country"]).first()
        if country is None:
            raise forms.ValidationError(_("Choose a country from the list."), code="invalid_choice")
        return country
