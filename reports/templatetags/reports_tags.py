from django import template
from django.utils.translation import gettext as _

from reports import covers

register = template.Library()


@register.simple_tag
def generated_cover(page, language=""):
    """The generated cover of a report or brief (`reports.covers`), for `reports/includes/cover.html`."""
    from reports.models import ReportPage

    if isinstance(page, ReportPage):
        return covers.cover(page, theme=page.theme, kind=_("Report"), year=page.edition_year, language=language)
    return covers.cover(
        page, theme=page.theme, kind=_("Policy brief"), year=page.publication_date.year, language=language
    )
