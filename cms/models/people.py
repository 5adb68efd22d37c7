"""People and themes: shared by reports, practices, events and the member directory."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from cms.translation import synchronised, translated


class Person(TranslatableMixin, index.Indexed, models.Model):
    """An author, editor, reviewer or speaker. The bio is translated; everything else is synchronised."""

    name = models.CharField(_("name"), max_length=200, help_text=_("As the person writes it, e.g. “Amartya Sen”."))
    sort_name = models.CharField(
        _("name for sorting and citations"),
        max_length=200,
        help_text=_("Family name first, e.g. “Sen, Amartya”. Used in citations."),
    )
    slug = models.SlugField(
        _("slug"), max_length=200, allow_unicode=True, help_text=_("Used in the author page address.")
    )
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)
    photo = models.ForeignKey(
        "cms.CustomImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), blank=True, help_text=_("Two or three sentences."))
    website = models.URLField(_("website"), blank=True)
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True, help_text=_("e.g. 0000-0002-1825-0097"))

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("sort_name"), FieldPanel("slug")], heading=_("Name")),
        FieldPanel("affiliation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        MultiFieldPanel([FieldPanel("website"), FieldPanel("orcid")], heading=_("Links")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("affiliation")]
    # A person's name is the same in every language; what they do is described in each.
    override_translatable_fields = translated("affiliation", "bio") + synchronised(
        "name", "sort_name", "slug", "photo", "website", "orcid"
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["sort_name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    @property
    def family_name(self) -> str:
        return self.sort_name.split(",")[0].strip()

    @property
    def given_names(self) -> str:
        parts = self.sort_name.split(",", 1)
        return parts[1].strip() if len(parts) > 1 else ""


class Theme(TranslatableMixin, models.Model):
    """A theme of the Panel's work (inequality, work, cities, democracy…), used to file and filter content."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, help_text=_("Stable across languages; used in filter URLs."))
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    override_translatable_fields = translated("name", "description") + synchronised("slug")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name
