"""What practice pages show of the "adapted elsewhere" reports: the approved ones, and the form to
send one for members. Shown in the community panel (community/engagement/practice_panel.html)."""

from __future__ import annotations

from django.utils.translation import get_language
from wagtail import hooks

from cms import geography
from community.adaptations import services
from community.adaptations.forms import AdaptationForm


@hooks.register("practice_page_context")
def practice_adaptations(page, request, context: dict) -> dict:
    """One query, whatever the number of reports."""
    language = get_language()
    return {
        "adaptations": [
            {"adaptation": item, "country": geography.country_name(item.country, language)}
            for item in services.visible_for(page)
        ],
        "adaptation_form": AdaptationForm(language=language) if request.user.is_authenticated else None,
    }
