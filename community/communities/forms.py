"""Forms of communities of practice: proposing one (public, protected) and the coordinators' rules."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms import geography
from cms.forms import ProtectedFormMixin
from cms.models import Theme
from community.models import MembershipMode, ModerationMode, Sector


class JoinForm(forms.Form):
    """Joining (or asking to join): the sector a member counts in for the community's composition,
    suggested from their profile's role."""

    sector = forms.ChoiceField(
        label=_("Your sector"),
        required=False,
        choices=[("", _("Not stated")), *Sector.choices],
        help_text=_("Counted, without your name, in the community’s composition by sector."),
    )


class ProposeCommunityForm(ProtectedFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Name of the community"),
        max_length=150,
        help_text=_("For example “Housing in South Asian cities”."),
    )
    description = forms.CharField(
        label=_("What would it do, and for whom?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Plain text, up to 3,000 characters."),
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    region = forms.ChoiceField(label=_("World region"), required=False)
    membership = forms.ChoiceField(
        label=_("Membership"), choices=MembershipMode.choices, widget=forms.RadioSelect, initial=MembershipMode.OPEN
    )
    language = forms.ChoiceField(label=_("Language of your proposal"))
    field_order = ["name", "description", "theme", "region", "membership", "language", "homepage"]

    def __init__(self, *args, locale: Locale, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        language = locale.language_code
        themes = Theme.objects.filter(locale=locale).order_by("name").values_list("slug", "name")
        self.fields["theme"].choices = [("", _("Any theme")), *themes]
        regions = [(code, geography.region_name(code, language)) for code in geography.REGIONS]
        self.fields["region"].choices = [("", _("The whole world")), *regions]
        self.fields["language"].choices = [
            (code, get_language_info(code)["name_translated"]) for code, _name in settings.LANGUAGES
        ]
        self.fields["language"].initial = language

    def clean(self):
        data = super().clean()
        if not data.get("theme") and not data.get("region"):
            raise forms.ValidationError(_("Choose a theme, a world region, or both."), code="scope")
        return data

    def proposal_data(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "description": data["description"],
            "language": data["language"],
            "theme_slug": data["theme"],
            "region": data["region"],
            "membership": data["membership"],
        }


class RulesForm(forms.Form):
    membership = forms.ChoiceField(label=_("Membership"), choices=MembershipMode.choices, widget=forms.RadioSelect)
    moderation = forms.ChoiceField(
        label=_("Discussion moderation"), choices=ModerationMode.choices, widget=forms.RadioSelect
    )
