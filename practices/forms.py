"""The public "Share a practice" form, in the visitor's language."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms import geography
from cms.forms import ProtectedFormMixin
from cms.models import Theme
from practices.models import ActorType, Scale


class PracticeSubmissionForm(ProtectedFormMixin, forms.Form):
    title = forms.CharField(label=_("Name of the practice"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=1500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One paragraph: what it is, where, since when."),
    )
    approach = forms.CharField(
        label=_("How does it work?"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    results = forms.CharField(
        label=_("What has it achieved, and how do you know?"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    organisation = forms.CharField(label=_("Lead organisation"), max_length=255)
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        help_text=_("Where it takes place. Hold Ctrl (or ⌘) to choose several."),
        # A filter box, checkboxes and removable chips in place of the long list (multiselect.js).
        widget=forms.SelectMultiple(
            attrs={
                "size": 8,
                "data-multiselect": "",
                "data-multiselect-selected": _("Selected: %(count)s"),
                "data-multiselect-matching": _("Matching: %(count)s"),
                "data-multiselect-remove": _("Remove"),
                "data-multiselect-chosen": _("Chosen countries"),
                "data-multiselect-help": _(
                    "Where it takes place. Type a few letters to find a country; you can choose several."
                ),
            }
        ),
    )
    themes = forms.MultipleChoiceField(label=_("Themes"), widget=forms.CheckboxSelectMultiple)
    scale = forms.ChoiceField(label=_("Scale"), choices=Scale.choices)
    actor_type = forms.ChoiceField(label=_("Who runs it?"), choices=ActorType.choices)
    start_year = forms.IntegerField(label=_("Start year"), required=False, min_value=1800)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail address"), help_text=_("We send you a confirmation and never publish your address.")
    )
    consent = forms.BooleanField(
        label=_("The information is accurate to the best of my knowledge, and the Panel may contact me about it.")
    )

    def __init__(self, *args, locale: Locale, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        language = locale.language_code
        self.fields["countries"].choices = geography.country_choices(language)
        self.fields["themes"].choices = list(Theme.objects.filter(locale=locale).values_list("slug", "name"))
        self.fields["start_year"].widget.attrs["max"] = datetime.date.today().year

    def clean_start_year(self) -> int | None:
        year = self.cleaned_data.get("start_year")
        if year and year > datetime.date.today().year:
            raise forms.ValidationError(_("The start year cannot be in the future."))
        return year
