"""Forms of the member directory: a member's own profile, the directory filters, "Contact this member"."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from cms import geography
from cms.forms import ProtectedFormMixin
from community.members.languages import language_choices
from community.members.photos import check_photo
from community.models import MemberProfile, MemberRole

MAX_LINKS = 5
_url_validator = URLValidator(schemes=["http", "https"])


def _all(label) -> list[tuple[str, str]]:
    return [("", label)]


class ProfileForm(forms.ModelForm):
    """What a member says about themselves. Practices, chapters and recognition are set by editors."""

    photo = forms.ImageField(
        label=_("Photo"),
        required=False,
        help_text=_("Optional. A JPEG, PNG or WebP image of at most 2 MB and 4000 × 4000 pixels."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False, help_text=_("Where you work."))
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        required=False,
        help_text=_("Hold Ctrl (or ⌘) to choose several."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes of expertise"), required=False, widget=forms.CheckboxSelectMultiple
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        help_text=_("Up to five web addresses (your website, publications, organisation), one per line."),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language of our e-mails to you"), choices=settings.LANGUAGES, required=False
    )

    class Meta:
        model = MemberProfile
        # The photo is declared above and saved by community.members.services (re-encoded).
        fields = ["name", "role", "organisation", "bio", "accepts_messages"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "bio": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {"bio": _("A few sentences about your work; plain text, up to 1,200 characters.")}

    field_order = [
        "name",
        "photo",
        "role",
        "organisation",
        "country",
        "languages",
        "themes",
        "bio",
        "links",
        "accepts_messages",
        "preferred_language",
    ]

    def __init__(self, *args, language: str, theme_choices: list[tuple[str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = _all(_("Choose a country")) + geography.country_choices(language)
        self.fields["languages"].choices = language_choices(language)
        self.fields["themes"].choices = theme_choices
        profile = self.instance
        if profile.pk and not self.is_bound:
            self.initial.update(
                {
                    "photo": profile.photo or None,
                    "country": profile.country_id or "",
                    "languages": [row.code for row in profile.languages.all()],
                    "themes": list(profile.themes.values_list("slug", flat=True)),
                    "links": "\n".join(profile.links or []),
                    "preferred_language": profile.user.preferred_language,
                }
            )

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "content_type"):  # a new upload, not the file already stored
            check_photo(photo)
        return photo

    def clean_links(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data.get("links", "").splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise ValidationError(_("Please give at most five links."), code="too_many")
        for line in lines:
            try:
                _url_validator(line)
            except ValidationError:
                raise ValidationError(
                    _("“%(link)s” is not a web address starting with https:// or http://."),
                    code="invalid_link",
                    params={"link": line[:80]},
                ) from None
            if len(line) > 500:
                raise ValidationError(_("Each link can have at most 500 characters."), code="too_long")
        return lines


class DirectoryFilterForm(forms.Form):
    """GET filters of the directory. Invalid values are ignored rather than reported."""

    theme = forms.ChoiceField(label=_("Theme"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    role = forms.ChoiceField(label=_("Role"), required=False)

    def __init__(self, data, *, language: str, theme_choices, country_codes, language_codes) -> None:
        super().__init__(data)
        every = _all(_("All"))
        self.fields["theme"].choices = every + list(theme_choices)
        self.fields["region"].choices = every + [
            (code, geography.region_name(code, language)) for code in geography.REGIONS
        ]
        countries = [(code, geography.country_name(code, language)) for code in country_codes]
        self.fields["country"].choices = every + sorted(countries, key=lambda choice: choice[1].casefold())
        spoken = dict(language_choices(language))
        names = [(code, spoken.get(code, code)) for code in language_codes]
        self.fields["language"].choices = every + sorted(names, key=lambda choice: choice[1].casefold())
        self.fields["role"].choices = every + list(MemberRole.choices)

    def filters(self) -> dict[str, str]:
        """The valid, non-empty filters."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class ContactMemberForm(ProtectedFormMixin, forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150)
    body = forms.CharField(
        label=_("Message"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "We send your message by e-mail from the site, with your e-mail address as the reply address "
            "(Reply-To), so the member sees it and can answer you directly. Their address is never shown to you."
        ),
    )
    field_order = ["subject", "body", "homepage"]

    def clean_subject(self) -> str:
        # The subject becomes an e-mail subject line: no line breaks.
        return " ".join(self.cleaned_data["subject"].split())
