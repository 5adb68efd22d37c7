from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from cms.models import BasePage, ExpertReviewedTreeMixin
from cms.translation import translated


class PracticeIndexPage(ExpertReviewedTreeMixin, BasePage):
    """The repository of inspiring practices. Everything under it goes through expert review."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice index page")
