"""Admin screens for World Social Progress Day (endorsements). Imported by events/wagtail_hooks.py.

**Endorsements** (`/admin/endorsements/`) lists every endorsement of every declaration, confirmed
or not, with filters (declaration, confirmed, language, region, country), a search by name,
organisation or e-mail, a detail view and a CSV/Excel export. It is read-only for everybody,
superusers included: endorsements are what visitors confirmed, so nobody edits them in the admin
(`events.admin_records`).
Who sees it: users with the "Can view endorsement" permission (Editors and Moderators, granted by
the migration `events/0003_day_endorsement_view_permission`; more groups in Settings → Groups).
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn

from cms import geography
from events.admin_records import ReadOnlyRecordViewSet, country_filter, language_filter
from events.models.day import Endorsement, SocialProgressDayPage


def _declarations() -> list[tuple[str, str]]:
    """One choice per declaration (all its languages): the title in the default language."""
    pages = (
        SocialProgressDayPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("-start_date")
        .values_list("translation_key", "title")
    )
    return [(str(key), title) for key, title in pages]


def _regions() -> list[tuple[str, str]]:
    language = get_language() or settings.LANGUAGE_CODE
    return [(code, geography.region_name(code, language)) for code in geography.REGIONS]


class EndorsementFilterSet(WagtailFilterSet):
    declaration = django_filters.ChoiceFilter(
        label=_("Declaration"), field_name="translation_key", choices=_declarations, empty_label=_("All")
    )
    confirmed = django_filters.BooleanFilter(
        label=_("Confirmed"), field_name="confirmed_at", lookup_expr="isnull", exclude=True
    )
    language = language_filter()
    region = django_filters.ChoiceFilter(
        label=_("Region"), field_name="country__region", choices=_regions, empty_label=_("All")
    )
    country = country_filter()

    class Meta:
        model = Endorsement
        fields = []


class EndorsementViewSet(ReadOnlyRecordViewSet):
    model = Endorsement
    list_related = ("country", "day")
    icon = "openquote"
    menu_label = _("Endorsements")
    menu_order = 290
    list_display = [
        Column("name", label=_("Name"), sort_key="name"),
        Column("organisation", label=_("Organisation"), sort_key="organisation"),
        Column("country", label=_("Country")),
        Column("email", label=_("E-mail")),
        Column("day", label=_("Declaration")),
        Column("language", label=_("Language"), sort_key="language"),
        DateColumn("confirmed_at", label=_("Confirmed"), sort_key="confirmed_at"),
        DateColumn("created_at", label=_("Received"), sort_key="created_at"),
    ]
    list_export = ["name", "organisation", "country", "email", "day", "language", "confirmed_at", "created_at"]
    export_filename = "endorsements"
    filterset_class = EndorsementFilterSet
    inspect_view_fields = ["name", "organisation", "country", "email", "day", "language", "confirmed_at", "created_at"]


@hooks.register("register_admin_viewset")
def register_endorsement_viewset():
    return EndorsementViewSet("endorsements")
