"""Take part: the one door to every way of joining in, linked from the menu and footer of every language."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from cms.models import BasePage
from cms.translation import translated


class TakePartPage(BasePage):
    """Lists the consultations of its language (open ones first) and links to topic proposals,
    sharing a practice, the member directory and signing up. One per language, under the home page."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("A sentence or two inviting readers to take part.")
    )

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("take part page")

    def get_context(self, request, *args, **kwargs):
        from community.take_part import ways_to_take_part

        context = super().get_context(request, *args, **kwargs)
        context.update(ways_to_take_part(self, request))
        return context
