"""'I want to adapt this' / 'I can help': the form on a practice page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cms.forms import ProtectedFormMixin
from community.models import EngagementKind


class EngagementForm(ProtectedFormMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("What do you want to tell the people behind this practice?"), widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Say who you are, where you work and what you have in mind. The practice's contact and the Panel's "
            "editors receive it by e-mail with your e-mail address, so they can answer you."
        ),
    )
    field_order = ["kind", "message", "homepage"]

    def __init__(self, *args, available_kinds: list[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        kinds = available_kinds if available_kinds is not None else list(EngagementKind.values)
        self.fields["kind"].choices = [(value, label) for value, label in EngagementKind.choices if value in kinds]
        if len(kinds) == 1:
            self.fields["kind"].initial = kinds[0]
