"""Admin for partner organisations (registered through community.wagtail_hooks).

**Partner organisations** (`/admin/partners/`) lists the organisations (type, website) behind the
partner pages; **Affiliations** (`/admin/partner-affiliations/`) lists who declared an affiliation,
where editors appoint an organisation's first administrator (a confirmed affiliation marked
"administrator"). From then on, the organisation's administrators confirm affiliations and edit
their own public profile on the site (the "Manage this organisation" link of its page), nothing
else: that is an account relation, not Wagtail editor rights.

Who: users with the model permissions on partners and affiliations (superusers by default).
"""

from __future__ import annotations

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from community.models import Affiliation, AffiliationStatus, Partner, PartnerType


class PartnerFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=PartnerType.choices, empty_label=_("All"))

    class Meta:
        model = Partner
        fields = []


class PartnerViewSet(ModelViewSet):
    model = Partner
    icon = "site"
    menu_label = _("Partner organisations")
    copy_view_enabled = False
    list_display = ["name", Column("get_kind_display", label=_("Type"), sort_key="kind"), "website"]
    filterset_class = PartnerFilterSet
    search_fields = ["name"]
    search_backend_name = None
    form_fields = ["name", "kind", "website"]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "website":
            kwargs["assume_scheme"] = "https"  # as the public profile form does
        return super().formfield_for_dbfield(db_field, **kwargs)


class AffiliationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=AffiliationStatus.choices, empty_label=_("All"))

    class Meta:
        model = Affiliation
        fields = []


class AffiliationViewSet(ModelViewSet):
    model = Affiliation
    icon = "user"
    menu_label = _("Affiliations")
    copy_view_enabled = False
    list_display = [
        "partner",
        "user",
        Column("get_status_display", label=_("Status"), sort_key="status"),
        "is_administrator",
    ]
    filterset_class = AffiliationFilterSet
    search_fields = ["partner__name", "user__email"]
    search_backend_name = None
    form_fields = ["partner", "user", "status", "is_administrator"]

    def get_queryset(self, request):
        return Affiliation.objects.select_related("partner", "user")


class PartnersGroup(ViewSetGroup):
    items = (PartnerViewSet("partners"), AffiliationViewSet("partner-affiliations"))
    menu_icon = "site"
    menu_label = _("Partners")
    menu_order = 330


@hooks.register("register_admin_viewset")
def register_partner_viewsets():
    return PartnersGroup()
