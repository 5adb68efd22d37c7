"""The routes of `PartnerIndexPage` and `PartnerPage`.

Reading is open to everyone; declaring an affiliation needs an account; the administrators' page
and its actions need to administer *this* organisation (`services.can_administer`), checked on
every request: anyone else gets 403, whatever organisation they administer elsewhere.
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cms import geography, maps
from cms.models import Theme
from cms.ratelimit import Limit
from cms.sharing import services as sharing
from community.communities.views import _login, _person
from community.models import Affiliation, AffiliationStatus, PartnerIndexPage, PartnerPage, PartnerType
from community.partners import services
from community.partners.forms import ProfileForm

DECLARATIONS = Limit("partner-affiliate", limit=10, window=3600)
FACETS = ("type", "region", "theme")


def _themes(locale) -> dict[str, str]:
    return dict(Theme.objects.filter(locale=locale).values_list("slug", "name"))


def _filter(pages: QuerySet, selected: dict, *, skip: str = "") -> QuerySet:
    if selected["type"] and skip != "type":
        pages = pages.filter(partner__kind=selected["type"])
    if selected["region"] and skip != "region":
        pages = pages.filter(countries__region=selected["region"])
    if selected["theme"] and skip != "theme":
        pages = pages.filter(themes__slug=selected["theme"])
    if selected["country"] and skip != "country":  # from the map and the table of where partners are
        pages = pages.filter(countries__code=selected["country"])
    return pages


def _facets(request: HttpRequest, pages: QuerySet, selected: dict, themes: dict[str, str], language: str) -> list:
    """Each facet's values with how many partners have them under the other facets' choices
    (three aggregates, whatever the number of partners); values no partner has are left out."""

    def counts(skip: str, field: str) -> dict:
        ids = _filter(pages, selected, skip=skip).values("pk")
        rows = PartnerPage.objects.filter(pk__in=ids).values_list(field).annotate(n=Count("pk", distinct=True))
        return dict(rows.order_by())

    def values(name: str, choices, found: dict) -> list[dict]:
        items = []
        for value, label in choices:
            current = selected[name] == value
            if not found.get(value) and not current:
                continue
            query = request.GET.copy()
            if current:
                query.pop(name, None)
            else:
                query[name] = value
            url = f"?{query.urlencode()}"
            items.append({"label": label, "count": found.get(value, 0), "current": current, "url": url})
        return items

    regions = [(code, geography.region_name(code, language)) for code in geography.REGIONS]
    theme_choices = sorted(themes.items(), key=lambda item: item[1])
    return [
        {
            "name": "type",
            "label": _("Type"),
            "values": values("type", PartnerType.choices, counts("type", "partner__kind")),
        },
        {
            "name": "region",
            "label": _("World region"),
            "values": values("region", regions, counts("region", "countries__region")),
        },
        {
            "name": "theme",
            "label": _("Theme"),
            "values": values("theme", theme_choices, counts("theme", "themes__slug")),
        },
    ]


def index(request: HttpRequest, page: PartnerIndexPage) -> HttpResponse:
    language = page.locale.language_code
    themes = _themes(page.locale)
    kinds = set(PartnerType.values)
    country = request.GET.get("country", "").upper()
    selected = {
        "type": request.GET.get("type", "") if request.GET.get("type") in kinds else "",
        "region": request.GET.get("region", "") if request.GET.get("region") in geography.REGIONS else "",
        "theme": request.GET.get("theme", "") if request.GET.get("theme") in themes else "",
        "country": country if country in geography.COUNTRY_SUBREGION else "",
    }
    pages = PartnerPage.objects.child_of(page).live().public()
    results = (
        PartnerPage.objects.filter(pk__in=_filter(pages, selected).values("pk"))
        .select_related("partner", "logo")
        .prefetch_related("countries")
        .annotate(member_count=Count("partner__affiliations", filter=Q(partner__affiliations__status="confirmed")))
        .order_by("title")
    )
    results = list(results)
    for item in results:
        item.places = [geography.country_name(country.code, language) for country in item.countries.all()]
    where = services.where(pages, language)
    context = {
        **page.get_context(request),
        "results": results,
        "facets": _facets(request, pages, selected, themes, language),
        "selected": selected,
        "filter_count": sum(1 for value in selected.values() if value),
        "country_name": geography.country_name(selected["country"], language) if selected["country"] else "",
        "where": where,
        "map": _map(page, where, language),
    }
    return TemplateResponse(request, page.get_template(request), context)


def _map(page: PartnerIndexPage, where: list[dict], language: str) -> maps.WorldMap:
    """Where partners are, drawn from the counts of the table (no query of its own)."""
    counts = {code: count for region in where for code, _name, count in region["countries"]}
    return maps.world_map(
        counts,
        url=lambda code: f"{page.url}?{urlencode({'country': code})}",
        label=lambda name, count: (
            ngettext("%(country)s: %(count)s partner", "%(country)s: %(count)s partners", count)
            % {"country": name, "count": count}
        ),
        title=_("World map of the countries where partner organisations work"),
        caption=_("The darker a country, the more partner organisations work there. Choose a country to list them."),
        count_heading=_("Partners"),
        language=language,
        element_id="partners-map",
    )


# --- A partner


def _practices(page: PartnerPage) -> list:
    """The chosen practices, in this page's language where translated (a fallback counts)."""
    from django.apps import apps

    model = apps.get_model("practices", "PracticePage")
    keys = page.practices.values_list("translation_key", flat=True)  # a subquery; a list in previews
    return list(model.objects.live().public().filter(locale=page.locale, translation_key__in=keys).defer_streamfields())


def _render(request: HttpRequest, page: PartnerPage) -> HttpResponse:
    partner = page.partner
    user = request.user
    language = page.locale.language_code
    slugs = page.themes.values("slug")
    confirmed = (
        Affiliation.objects.filter(partner=partner, status=AffiliationStatus.CONFIRMED)
        .select_related("user__member_profile")
        .order_by("-is_administrator", "confirmed_at", "pk")
    )
    people = [_person(affiliation) for affiliation in confirmed]
    context = {
        **page.get_context(request),
        "partner": partner,
        "kind": partner.get_kind_display(),
        "countries": sorted(geography.country_name(country.code, language) for country in page.countries.all()),
        "themes": list(Theme.objects.filter(locale=page.locale, slug__in=slugs).order_by("name")),
        "practices": _practices(page),
        "relayed": sharing.relayed_by(partner),
        "members": [person for person in people if person["name"]],
        "unlisted": sum(1 for person in people if not person["name"]),
        "affiliation": services.affiliation_of(user, partner),
        "can_administer": services.can_administer(user, partner),
    }
    return TemplateResponse(request, "community/partner_page.html", context)


def partner(request: HttpRequest, page: PartnerPage) -> HttpResponse:
    return _render(request, page)


@require_POST
def affiliate(request: HttpRequest, page: PartnerPage) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request, page.url)
    decision = DECLARATIONS.hit(request)
    if not decision:
        messages.error(request, _("You have declared many affiliations in a short time. Please try later."))
        return redirect(page.url)
    try:
        services.declare(page.partner, request.user)
    except services.AffiliationRefused as refusal:
        messages.info(request, str(refusal))
    else:
        messages.success(request, _("Thank you: the organisation’s administrators will confirm your affiliation."))
    return redirect(page.url)


@require_POST
def withdraw(request: HttpRequest, page: PartnerPage) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request, page.url)
    try:
        if services.withdraw(page.partner, request.user):
            messages.success(request, _("Your affiliation is withdrawn."))
    except services.AffiliationRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(page.url)


# --- The administrators' page


def manage(request: HttpRequest, page: PartnerPage) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request, page.route_url("manage"))
    partner = page.partner
    services.require_administrator(request.user, partner)
    form = ProfileForm(request.POST or None, initial={"introduction": page.introduction, "website": partner.website})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            services.edit_profile(page, by=request.user, **form.cleaned_data)
            messages.success(request, _("The profile is saved and published."))
            return redirect(page.route_url("manage"))
        status = 400
    affiliations = list(
        Affiliation.objects.filter(partner=partner).select_related("user__member_profile").order_by("status", "pk")
    )
    people = []
    for affiliation in affiliations:
        person = _person(affiliation)
        person["name"] = person["name"] or affiliation.user.get_full_name() or affiliation.user.username
        people.append(person)
    context = {**page.get_context(request), "partner": partner, "form": form, "people": people}
    return TemplateResponse(request, "community/partners/manage.html", context, status=status)


@require_POST
def affiliation_action(request: HttpRequest, page: PartnerPage, affiliation_id: int) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request, page.route_url("manage"))
    action = request.POST.get("action")
    try:
        if action == "confirm":
            services.confirm(page.partner, by=request.user, affiliation_id=affiliation_id)
            messages.success(request, _("The affiliation is confirmed."))
        elif action == "decline":
            services.decline(page.partner, by=request.user, affiliation_id=affiliation_id)
            messages.success(request, _("The affiliation is declined."))
        else:
            services.require_administrator(request.user, page.partner)
            return HttpResponse(status=400)
    except services.AffiliationRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(page.route_url("manage"))
