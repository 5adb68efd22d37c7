"""Records visitors create (Forum registrations, Day endorsements) are read, never edited, in the admin.

`ReadOnlyRecordViewSet` is the one admin screen for such records: a list with filters and a search,
a detail view, and the CSV/Excel export (`?export=csv`, `?export=xlsx`, neutralised against
spreadsheet formulas by `cms.csv_export`). The export is the list's own view, so the server checks
the same "view" permission for both; nobody may add, change or delete a record, superusers included
(`ReadOnlyPermissionPolicy`).
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms import geography
from cms.csv_export import FormulaSafeExportMixin


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Django's "view" permission, and nothing else, for anybody."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


def _countries() -> list[tuple[str, str]]:
    return geography.country_choices(get_language() or settings.LANGUAGE_CODE)


def language_filter() -> django_filters.ChoiceFilter:
    """The filter by the language the visitor wrote in, for a record's filter set."""
    return django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All"))


def country_filter() -> django_filters.ChoiceFilter:
    """The filter by country, its names in the admin's language (CLDR, no query)."""
    return django_filters.ChoiceFilter(
        label=_("Country"), field_name="country_id", choices=_countries, empty_label=_("All")
    )


class RecordIndexView(FormulaSafeExportMixin, IndexView):
    """The list and its export, newest first, with the relations its columns show joined."""

    default_ordering = "-created_at"
    list_related: tuple[str, ...] = ()

    def get_base_queryset(self):
        return super().get_base_queryset().select_related(*self.list_related)


class ReadOnlyRecordViewSet(ModelViewSet):
    """A subclass names the model, its columns (`list_display`, `list_export`, `inspect_view_fields`),
    its filters and `list_related`, the relations to join (a country's name comes from CLDR, the
    page's title from the join: no query per row)."""

    index_view_class = RecordIndexView
    list_related: tuple[str, ...] = ()
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    search_fields = ["name", "organisation", "email"]
    search_backend_name = None  # plain database lookups: these records are not in the search index
    # Never shown (nobody may add or change a record), but ModelViewSet builds its forms anyway.
    form_fields = ["name", "organisation", "country"]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(list_related=self.list_related, **kwargs)

    def register_permissions(self):
        # Before Wagtail registers its fallback policy, which would let editors add, change and delete.
        register_permission_policy(self.model, ReadOnlyPermissionPolicy(self.model), exact_class=True)
        super().register_permissions()
