"""Forms for topic proposals: the public "Propose a topic" form and the moderators' state change."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.forms import ProtectedFormMixin
from cms.models import Theme
from community.models import ProposalState, TopicProposal
from community.models.topics import ProposalKind
from community.topics.listing import language_label


class ProposalForm(ProtectedFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Proposed topic"),
        max_length=200,
        help_text=_("A short title, as it could appear on the cover of a report or brief."),
    )
    kind = forms.ChoiceField(
        label=_("Proposed for"), choices=ProposalKind.choices, widget=forms.RadioSelect, initial=ProposalKind.REPORT
    )
    description = forms.CharField(
        label=_("Why this topic, and what should it cover?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text, up to 5,000 characters. Say who is affected and what the Panel could add."),
    )
    themes = forms.MultipleChoiceField(label=_("Themes"), widget=forms.CheckboxSelectMultiple)
    language = forms.ChoiceField(
        label=_("Language of your proposal"),
        help_text=_("Proposals are listed in every language, labelled with the language they are written in."),
    )
    field_order = ["title", "kind", "description", "themes", "language", "homepage"]

    def __init__(self, *args, locale: Locale, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.locale = locale
        self.fields["themes"].choices = list(
            Theme.objects.filter(locale=locale).order_by("name").values_list("slug", "name")
        )
        self.fields["language"].choices = [(code, language_label(code)) for code, _name in settings.LANGUAGES]
        self.fields["language"].initial = locale.language_code

    @classmethod
    def for_proposal(cls, proposal: TopicProposal, *args, locale: Locale, **kwargs) -> ProposalForm:
        initial = {
            "title": proposal.title,
            "kind": proposal.kind,
            "description": proposal.description,
            "language": proposal.language,
            "themes": [theme.slug for theme in proposal.themes.all()],
        }
        return cls(*args, locale=locale, initial=initial, **kwargs)

    def proposal_data(self) -> dict:
        """What the services take: the cleaned fields, with the themes of the page's language."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "kind": data["kind"],
            "description": data["description"],
            "language": data["language"],
            "themes": list(Theme.objects.filter(locale=self.locale, slug__in=data["themes"])),
        }


class ChangeStateForm(forms.Form):
    to_state = forms.ChoiceField(label=_("New state"), widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Public reason"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=3000,
        help_text=_(
            "Shown on the proposal's public page, in its history, and e-mailed to the proposer and the supporters."
        ),
    )

    def __init__(self, *args, current_state: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_state"].choices = [
            (value, label) for value, label in ProposalState.choices if value != current_state
        ]
