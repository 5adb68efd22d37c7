from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from cms.locales import active_locale
from cms.models import Person
from reports.models import ChapterPage, PolicyBriefPage, ReportPage


def author(request: HttpRequest, slug: str) -> HttpResponse:
    """An author's page: who they are and what they wrote, in the visitor's language where possible."""
    active = active_locale()
    candidates = list(Person.objects.filter(slug=slug).select_related("photo", "locale"))
    if not candidates:
        raise Http404
    person = next((p for p in candidates if p.locale_id == active.pk), None) or next(
        (p for p in candidates if p.locale.language_code == "en"), candidates[0]
    )
    by_person = Q(contributors__person__translation_key=person.translation_key)
    pages = {
        "reports": ReportPage.objects.live().public().filter(by_person, locale=active).defer_streamfields().distinct(),
        "chapters": ChapterPage.objects.live()
        .public()
        .filter(by_person, locale=active)
        .defer_streamfields()
        .distinct(),
        "briefs": PolicyBriefPage.objects.live()
        .public()
        .filter(by_person, locale=active)
        .defer_streamfields()
        .distinct(),
    }
    context = {"person": person, "person_elsewhere": person.locale_id != active.pk, **pages}
    return TemplateResponse(request, "reports/author.html", context)
