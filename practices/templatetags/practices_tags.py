from django import template
from django.utils.translation import get_language

from cms import geography

register = template.Library()


@register.filter
def practice_countries(practice) -> list[tuple[str, str]]:
    """(code, name in the current language) of a practice's countries; uses the prefetched countries."""
    language = get_language() or "en"
    return [(country.code, geography.country_name(country.code, language)) for country in practice.countries.all()]
