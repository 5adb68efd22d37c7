"""What practice pages show of the "adapted elsewhere" reports: the approved ones, and the form to
send one for members. Shown in the community panel (community/engagement/practice_panel.html)."""

from __future__ import annotations

from django.utils.translation import get_language
from wagtail import hooks

from cms import geography
from community.adaptations import services
from community.adaptations.forms import AdaptationForm


@hooks.register("practice_page_content")
def practice_adaptations(page, shared: dict) -> dict:
    """One query, whatever the number of reports (kept with the page's shared context)."""
    language = get_language()
    return {
        "adaptations": [
            {"adaptation": item, "country": geography.country_name(item.country, language)}
            for item in services.visible_for(page)
        ]
    }


@hooks.register("practice_page_context")
def adaptation_form(page, request, context: dict) -> dict:
    return {"adaptation_form": AdaptationForm(language=get_language()) if request.user.is_authenticated else None}
