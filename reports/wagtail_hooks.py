"""Admin of the reports app: which practices put each recommendation into practice
("Recommendations in practice", /admin/recommendation-practices/), and what practice pages show of it.

Who: Editors and Moderators (the model's permissions, granted by the migration that adds it).
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import AdminPageChooser

from cms.blocks import localized_pages
from reports.blocks import recommendation_anchor
from reports.models import RecommendationPractice
from reports.models.mixins import PAGE_FIELDS


class RecommendationPracticeForm(WagtailAdminModelForm):
    class Meta:
        model = RecommendationPractice
        fields = ["publication", "identifier", "practice"]
        widgets = {
            "publication": AdminPageChooser(target_models=["reports.ReportPage", "reports.PolicyBriefPage"]),
            "practice": AdminPageChooser(target_models=["practices.PracticePage"]),
            "identifier": forms.TextInput(attrs={"dir": "ltr"}),
        }


class RecommendationPracticeViewSet(ModelViewSet):
    model = RecommendationPractice
    form_fields = ["publication", "identifier", "practice"]
    icon = "tick-inverse"
    menu_label = _("Recommendations in practice")
    menu_name = "recommendation-practices"
    menu_order = 320
    add_to_admin_menu = True
    copy_view_enabled = False
    list_display = ["identifier", "publication", "practice"]
    search_fields = ["identifier"]
    search_backend_name = None

    def get_form_class(self, for_update=False):
        return RecommendationPracticeForm


@hooks.register("register_admin_viewset")
def register_recommendation_practice_viewset():
    return RecommendationPracticeViewSet("recommendation-practices")


@hooks.register("practice_page_content")
def implemented_recommendations(page, shared: dict) -> dict:
    """The recommendations this practice puts into practice, linked in the visitor's language (two
    queries when there are some, one when there are none)."""
    links = list(
        RecommendationPractice.objects.filter(practice__translation_key=page.translation_key)
        .select_related("publication")
        .only(*(f"publication__{name}" for name in PAGE_FIELDS), "identifier")
        .order_by("publication__title", "identifier")
    )
    publications = localized_pages([link.publication for link in links])
    return {
        "implemented_recommendations": [
            {
                "publication": publication,
                "identifier": link.identifier,
                "anchor": recommendation_anchor(link.identifier),
            }
            for link, publication in zip(links, publications, strict=True)
            if publication.live
        ]
    }
