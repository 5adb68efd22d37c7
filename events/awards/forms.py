"""Forms of the World Social Progress Awards: the public nomination form, and the jury's scoring and
conflict-of-interest forms in the admin."""

from __future__ import annotations

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.forms import ProtectedFormMixin
from cms.models.reviews import approved_review_exists
from events.models.awards import Nomination

MAX_LINKS = 10
SCORE_CHOICES = [(str(score), str(score)) for score in range(1, 6)]


def reviewed_practices(locale: Locale) -> QuerySet:
    """Live, public, expert-reviewed practices of one language, by title (what a nominator may pick)."""
    practice_page = apps.get_model("practices", "PracticePage")
    return (
        practice_page.objects.live()
        .public()
        .filter(locale=locale)
        .filter(approved_review_exists())
        .order_by("title")
        .only("id", "title", "translation_key", "locale_id", "url_path", "path", "depth", "live")
    )


class PracticeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.title


class NominationForm(ProtectedFormMixin, forms.Form):
    nominee_type = forms.ChoiceField(
        label=_("Who or what do you nominate?"), choices=Nomination.NomineeType.choices, widget=forms.RadioSelect
    )
    category = forms.ChoiceField(label=_("Category"), widget=forms.RadioSelect)
    nominee_name = forms.CharField(
        label=_("Name of the nominee"),
        max_length=200,
        help_text=_("The practice, organisation or person, as they name themselves."),
    )
    practice = PracticeChoiceField(
        label=_("Practice on this site (optional)"),
        queryset=None,
        required=False,
        empty_label=_("None: it is not on this site"),
        help_text=_("If you nominate a practice already published in our repository, choose it here."),
    )
    justification = forms.CharField(
        label=_("Why does the nominee deserve the award?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Up to 4,000 characters. Refer to the published criteria: what changed, for whom, how you know."),
    )
    links = forms.CharField(
        label=_("Links (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "ltr"}),
        help_text=_("Web addresses where the jury can learn more: one per line, up to 10."),
    )
    nominator_name = forms.CharField(label=_("Your name"), max_length=200)
    nominator_email = forms.EmailField(
        label=_("Your e-mail address"), help_text=_("We send you a confirmation and never publish your address.")
    )
    consent = forms.BooleanField(
        label=_("The information is accurate to the best of my knowledge, and the Panel may contact me about it.")
    )

    def __init__(self, *args, categories: list[tuple[str, str, str]], locale: Locale, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [(slug, name) for slug, name, _description in categories]
        self.category_descriptions = [description for _slug, _name, description in categories]
        self.fields["practice"].queryset = reviewed_practices(locale)

    def category_options(self) -> list[tuple]:
        """Each category's radio button with the category's description, for the template."""
        return list(zip(self["category"], self.category_descriptions, strict=False))

    def clean_links(self) -> str:
        lines = [line.strip() for line in self.cleaned_data.get("links", "").splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise ValidationError(_("Give at most %(count)s links."), params={"count": MAX_LINKS}, code="too_many")
        validate = URLValidator(schemes=["http", "https"])
        invalid = []
        for line in lines:
            try:
                validate(line)
            except ValidationError:
                invalid.append(line)
        if invalid:
            raise ValidationError(
                _("Not a web address (starting with https:// or http://): %(lines)s"),
                params={"lines": ", ".join(invalid)},
                code="invalid_link",
            )
        return "\n".join(lines)

    def clean(self) -> dict:
        data = super().clean()
        practice, nominee_type = data.get("practice"), data.get("nominee_type")
        if practice is not None and nominee_type and nominee_type != Nomination.NomineeType.PRACTICE:
            self.add_error("practice", _("Choose a practice only when you nominate a practice."))
        return data


class ScoreForm(forms.Form):
    """One score from 1 to 5 for each published criterion of the edition."""

    def __init__(self, *args, criteria: list[tuple[str, str, str]], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for slug, name, description in criteria:
            self.fields[f"criterion_{slug}"] = forms.TypedChoiceField(
                label=name,
                help_text=description,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
            )
        self.criteria = criteria

    def scores(self) -> dict[str, int]:
        return {slug: self.cleaned_data[f"criterion_{slug}"] for slug, _name, _description in self.criteria}


class ConflictForm(forms.Form):
    explanation = forms.CharField(
        label=_("Explanation (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by the editors only. Once declared, you cannot score this nomination."),
    )
