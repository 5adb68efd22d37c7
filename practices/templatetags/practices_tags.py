from django import template
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from cms import geography

register = template.Library()


@register.filter
def practice_countries(practice) -> list[tuple[str, str]]:
    """(code, name in the current language) of a listed practice's countries (`country_codes`, given
    by `practices.browsing.PracticeBrowser`)."""
    language = get_language() or "en"
    return [(code, geography.country_name(code, language)) for code in practice.country_codes]


# One option of the listing's filters (`practices.browsing.Facet`), indented as in
# practice_index_page.html. Built here rather than by a template loop: a listing shows some 200
# options, and the template engine's cost per variable made them a quarter of the page's rendering.
FACET_OPTION = (
    "<li>\n"
    '                  <input type="checkbox" id="facet-{name}-{value}" name="{name}" value="{value}"{checked}>\n'
    '                  <label for="facet-{name}-{value}">{label} <span class="facet__count">({count})</span></label>\n'
    "                </li>"
)


@register.simple_tag
def facet_options(facet) -> SafeString:
    """The checkboxes of one facet's options, each with its label (marked with its language when it
    is not the reader's) and its count."""
    return format_html_join(
        "",
        FACET_OPTION,
        (
            {
                "name": facet.name,
                "value": option.value,
                "checked": mark_safe(" checked") if option.selected else "",
                "label": (
                    format_html('<span lang="{}" dir="{}">{}</span>', option.lang, option.dir, option.label)
                    if option.lang
                    else option.label
                ),
                "count": localize(option.count),
            }
            for option in facet.options
        ),
    )
