"""The editors' side of share kits: the kits as snippets, and the multiplier report."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.roles import EDITORS, MODERATORS
from cms.sharing import services
from cms.sharing.models import Network, ShareKit


def is_editor(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.groups.filter(name__in=[EDITORS, MODERATORS]).exists())
    )


class ShareKitViewSet(SnippetViewSet):
    model = ShareKit
    icon = "mail"
    menu_label = _("Share kits")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["__str__", "key_message", "locale"]
    list_filter = ["locale"]


class LanguageFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages")), *settings.LANGUAGES]


class ShareReportView(WagtailAdminTemplateMixin, TemplateView):
    """Per item and language: relays by network and by partner, and the visits they brought."""

    template_name = "cms/sharing/admin/report.html"
    page_title = _("Share kits: the multiplier")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        form = LanguageFilterForm(self.request.GET or None)
        language = form.cleaned_data.get("language", "") if form.is_valid() else ""
        names = dict(settings.LANGUAGES)
        rows = services.multiplier_report(language)
        return super().get_context_data(
            form=form,
            rows=[
                {
                    "row": row,
                    "language_name": names.get(row.language, row.language),
                    "networks": [
                        (network.label, row.by_network[network.value])
                        for network in Network
                        if network.value in row.by_network
                    ],
                    "partners": sorted(row.by_partner.items()),
                }
                for row in rows
            ],
            **kwargs,
        )
