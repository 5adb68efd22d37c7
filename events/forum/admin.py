"""Admin screens for the Forum (registrations). Imported by events/wagtail_hooks.py.

**Forum registrations** (`/admin/forum-registrations/`) lists the registrations of every edition,
in every language, with filters (edition, status, language, country), a search by name,
organisation or e-mail, a detail view and a CSV/Excel export. Each edition in the filter shows its
places taken, its capacity and its waiting list. The screen is read-only for everybody,
superusers included: a registration is what a participant sent (`events.admin_records`). Who sees it: users with the
"Can view forum registration" permission (Editors and Moderators, granted by the migration
`events/0004_forum_registration_view_permission`; more groups in Settings → Groups).
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.db.models import Count, Q
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn

from events.admin_records import ReadOnlyRecordViewSet, country_filter, language_filter
from events.models.forum import ForumEditionPage, ForumRegistration


def edition_choices() -> list[tuple[str, str]]:
    """One choice per edition (all its languages): its title in the default language, and its places."""
    editions = (
        ForumEditionPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("-start_date")
        .values_list("translation_key", "title", "capacity")
    )
    counts = {
        row["translation_key"]: row
        for row in ForumRegistration.objects.values("translation_key").annotate(
            registered=Count("pk", filter=Q(status=ForumRegistration.Status.REGISTERED)),
            waiting=Count("pk", filter=Q(status=ForumRegistration.Status.WAITING)),
        )
    }
    choices = []
    for key, title, capacity in editions:
        row = counts.get(key, {"registered": 0, "waiting": 0})
        if capacity is None:
            places = _gettext("%(registered)d registered, %(waiting)d waiting") % row
        else:
            places = _gettext("%(registered)d of %(capacity)d places, %(waiting)d waiting") % {
                **row,
                "capacity": capacity,
            }
        choices.append((str(key), f"{title} ({places})"))
    return choices


class ForumRegistrationFilterSet(WagtailFilterSet):
    edition = django_filters.ChoiceFilter(
        label=_("Edition"), field_name="translation_key", choices=edition_choices, empty_label=_("All")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ForumRegistration.Status.choices, empty_label=_("All")
    )
    language = language_filter()
    country = country_filter()

    class Meta:
        model = ForumRegistration
        fields = []


class ForumRegistrationViewSet(ReadOnlyRecordViewSet):
    model = ForumRegistration
    list_related = ("country", "edition")
    icon = "group"
    menu_label = _("Forum registrations")
    menu_order = 280
    list_display = [
        Column("name", label=_("Name"), sort_key="name"),
        Column("email", label=_("E-mail"), sort_key="email"),
        Column("organisation", label=_("Organisation"), sort_key="organisation"),
        Column("country", label=_("Country")),
        Column("edition", label=_("Edition")),
        Column("language", label=_("Language"), sort_key="language"),
        Column("get_status_display", label=_("Status"), sort_key="status"),
        DateColumn("created_at", label=_("Registered"), sort_key="created_at"),
    ]
    list_export = ["name", "email", "organisation", "country", "edition", "language", "status", "created_at"]
    export_filename = "forum-registrations"
    filterset_class = ForumRegistrationFilterSet
    inspect_view_fields = ["name", "email", "organisation", "country", "edition", "language", "status", "created_at"]


@hooks.register("register_admin_viewset")
def register_forum_registration_viewset():
    return ForumRegistrationViewSet("forum-registrations")
