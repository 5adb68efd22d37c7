from django import template

register = template.Library()


@register.simple_tag
def generated_cover(page, language=""):
    """The generated cover of a report or brief (`CoverMixin.generated_cover`), for `reports/includes/cover.html`."""
    return page.generated_cover(language)
