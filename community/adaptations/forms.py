""" "I adapted this practice": the form on a practice page, and the moderators' decision."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cms import geography
from cms.forms import ProtectedFormMixin


class AdaptationForm(ProtectedFormMixin, forms.Form):
    # Shown on the practice page beside the engagement form: its own prefix keeps the ids apart.
    prefix = "adaptation"

    organisation = forms.CharField(
        label=_("Who adapted it"), max_length=200, help_text=_("Your organisation, or your own name.")
    )
    country = forms.ChoiceField(label=_("Where"), help_text=_("The country where you adapted it."))
    what_changed = forms.CharField(
        label=_("What changed"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "What you did differently from the original, and what it changed for the people concerned. "
            "Published on this page once a moderator has read it."
        ),
    )
    field_order = ["organisation", "country", "what_changed", "homepage"]

    def __init__(self, *args, language: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        country = self.fields["country"]
        assert isinstance(country, forms.ChoiceField)  # noqa: S101 - declared above; tells the type checker
        country.choices = [("", _("Choose a country")), *geography.country_choices(language)]


class AdaptationDecisionForm(forms.Form):
    action = forms.ChoiceField(label=_("Decision"), choices=[("approve", _("Approve")), ("hide", _("Hide"))])
