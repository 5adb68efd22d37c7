"""What every public form shares: the form renderer (one set of field and form templates) and a
honeypot that bots fill in and people never see.

`ProtectedFormMixin` adds the `homepage` field; the response flow around it (rate limit, spam,
valid, invalid) is `cms.public_forms.protected_form_response`, so a form declares its protection in
its class line and its view in a few lines. The field renders through the shared field template
(`cms/forms/honeypot.html`): off screen, hidden from assistive technology, skipped by the keyboard.
"""

from __future__ import annotations

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "homepage"


class FormRenderer(TemplatesSetting):
    """The site's form renderer (`FORM_RENDERER`): `{{ form }}` and `{{ field.as_field_group }}` render
    the shared templates, so every public form has the same accessible markup (labels, help and
    errors tied to the input, a single checkbox before its label)."""

    form_template_name = "cms/forms/form.html"
    field_template_name = "cms/forms/field.html"


class ProtectedFormMixin(forms.Form):
    """Adds the honeypot `homepage`. A form with it filled in is answered as if it were sent (same
    response) but nothing is done, so the bot learns nothing."""

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        template_name="cms/forms/honeypot.html",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Last, whatever the form declares: bots meet it after the real fields, people never do.
        self.fields[HONEYPOT_FIELD] = self.fields.pop(HONEYPOT_FIELD)

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))
