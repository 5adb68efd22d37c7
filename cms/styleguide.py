"""The living style page, `/<lang>/styleguide/`: the design tokens and the shared components, drawn
by the site's own style sheets and templates, for the people who build and edit the site.

Staff only: a reader who is not logged in is sent to the admin's login (and comes back); a logged-in
person without access to the Wagtail admin gets a 403. The page is personal (`never_cache`), and
the page cache never stores it anyway (`cms.page_cache` skips requests with a session).
"""

from __future__ import annotations

from typing import cast

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language_info, gettext, override
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from cms import fonts, tokens
from cms.forms import FormRenderer
from cms.locales import active_locale
from cms.models import Theme

# The type scale's steps (tokens.css), largest first, with the element they are for.
TYPE_STEPS = ["--text-3xl", "--text-2xl", "--text-xl", "--text-lg", "--text-base", "--text-sm", "--text-xs"]
SPACE_STEPS = ["--space-1", "--space-2", "--space-3", "--space-4", "--space-5", "--space-6"]


class SampleForm(forms.Form):
    """A form shown with errors, to see the shared field, help and error templates."""

    name = forms.CharField(label=_("Your name"), help_text=_("As it should appear in public."))
    email = forms.EmailField(label=_("E-mail address"))
    topics = forms.MultipleChoiceField(
        label=_("Themes"),
        choices=[("inequality", "1"), ("work", "2")],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    consent = forms.BooleanField(label=_("I agree to be contacted."))

    default_renderer = FormRenderer


def can_see(user) -> bool:
    return user.is_authenticated and user.is_active and user.has_perm("wagtailadmin.access_admin")


def language_samples() -> list[dict]:
    """The Panel's name and mission in each language of the site, with the script that draws it."""
    samples = []
    for code, name in settings.LANGUAGES:
        with override(code):
            samples.append(
                {
                    "code": code,
                    "name": name,
                    "dir": "rtl" if get_language_info(code)["bidi"] else "ltr",
                    "script": fonts.for_language(code).script,
                    "family": fonts.for_language(code).family,
                    "title": gettext("International Panel on Social Progress"),
                    "text": gettext(
                        "The International Panel on Social Progress brings together researchers and practitioners "
                        "from every region to assess the state of societies and the ways to improve them."
                    ),
                }
            )
    return samples


@never_cache
def styleguide(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    if not can_see(request.user):
        raise PermissionDenied
    themes = _themes()
    form = SampleForm(data={"name": "", "email": "not an address", "topics": ["work"]})
    topics = cast(forms.MultipleChoiceField, form.fields["topics"])
    topics.choices = [(theme.slug, theme.name) for theme in themes[:4]] or [("work", "—")]
    form.is_valid()  # fills form.errors, for the error summary and the fields
    return render(
        request,
        "cms/styleguide.html",
        {
            "pairs": tokens.text_pairs(),
            "colours": tokens.colours(),
            "themes": [{"number": number, "value": value} for number, value in tokens.theme_colours()],
            "panel_themes": [{"theme": theme, "colour": tokens.theme_colour(theme)} for theme in themes],
            "minimum_contrast": tokens.MINIMUM_TEXT_CONTRAST,
            "type_steps": TYPE_STEPS,
            "space_steps": SPACE_STEPS,
            "samples": language_samples(),
            "script_fonts": fonts.SCRIPT_FONTS,
            "form": form,
            "sample_page": Paginator(range(30), 10).page(2),
        },
    )


def _themes() -> list[Theme]:
    return list(Theme.objects.filter(locale=active_locale()).order_by("name"))
