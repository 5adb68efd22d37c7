"""The network of networks: partner organisations and the members affiliated with them.

A `Partner` holds what does not depend on the language (its type, website, the members who
declared an affiliation and its administrators); each language has a `PartnerPage` for it
(translatable profile and logo alt text) under the `PartnerIndexPage`. A partner's staff are the
affiliated members it made administrators: they confirm affiliations and edit their own
organisation's public profile on the site, nothing else. Rules live in `community.partners.services`.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db import models
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from cms.models import BasePage
from cms.translation import synchronised, translated


class PartnerType(models.TextChoices):
    NETWORK = "network", _("Network")
    ASSOCIATION = "association", _("Association")
    UNIVERSITY = "university", _("University")
    NGO = "ngo", _("NGO")
    PUBLIC_BODY = "public_body", _("Public body")
    COMPANY = "company", _("Company")


class Partner(models.Model):
    """A partner organisation, whatever the language: its type, website and people."""

    name = models.CharField(_("name"), max_length=200, help_text=_("Each page has its own title."))
    kind = models.CharField(_("type"), max_length=12, choices=PartnerType.choices, db_index=True)
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def page_in(self, language: str):
        """The live page of this partner in `language` (a fallback alias counts), else in English, else any."""
        pages = {page.locale.language_code: page for page in self.pages.live().public().select_related("locale")}
        return pages.get(language) or pages.get(settings.LANGUAGE_CODE) or next(iter(pages.values()), None)


class AffiliationStatus(models.TextChoices):
    PENDING = "pending", _("Declared, awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")


class Affiliation(models.Model):
    """A member's declared tie to a partner; a declined or withdrawn affiliation's row is deleted."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="affiliations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="affiliations")
    status = models.CharField(
        _("status"), max_length=10, choices=AffiliationStatus.choices, default=AffiliationStatus.PENDING, db_index=True
    )
    is_administrator = models.BooleanField(
        _("administrator of the organisation"),
        default=False,
        help_text=_("Confirms affiliations and edits this organisation's public profile, nothing else."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("affiliation")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["partner", "user"], name="one_affiliation_per_partner")]

    def __str__(self) -> str:
        return f"{self.partner_id}: {self.user_id}"


class PartnerIndexPage(RoutablePageMixin, BasePage):
    """The directory of partner organisations in one language, with facets and where they are."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.PartnerPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partners index page")

    @path("", name="index")
    @method_decorator(never_cache)
    def index_view(self, request):
        from community.partners import views

        return views.index(request, self)


class PartnerPage(RoutablePageMixin, BasePage):
    """One partner organisation's profile in one language.

    Type, website, members and administrators belong to the shared `Partner`; countries, themes,
    logo and practices are the same in every language and follow the source on every sync.
    """

    partner = models.ForeignKey(
        Partner,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=_("Type, website, members and administrators are shared by every language version."),
    )
    introduction = models.TextField(_("profile"), max_length=600, help_text=_("Two or three sentences."))
    countries = ParentalManyToManyField(
        "cms.Country", blank=True, related_name="partner_pages", verbose_name=_("countries")
    )
    themes = ParentalManyToManyField("cms.Theme", blank=True, related_name="partner_pages", verbose_name=_("themes"))
    logo = models.ForeignKey(
        "cms.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("logo")
    )
    logo_alt = models.CharField(
        _("logo alt text"), max_length=200, blank=True, help_text=_("What the logo says, for screen readers.")
    )
    practices = ParentalManyToManyField(
        "practices.PracticePage",
        blank=True,
        related_name="partner_pages",
        verbose_name=_("practices it leads or supports"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("partner"),
        FieldPanel("introduction"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt")], heading=_("Logo")),
        FieldPanel("countries"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("practices"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("introduction", "logo_alt"),
        *synchronised("partner", "countries", "themes", "logo", "practices"),
    ]
    parent_page_types = ["community.PartnerIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("partner page")

    def route_url(self, name: str, *args) -> str:
        return self.url + self.reverse_subpage(name, args=args or None)

    @path("", name="home")
    @method_decorator(never_cache)
    def home_view(self, request):
        from community.partners import views

        return views.partner(request, self)

    @path("affiliate/", name="affiliate")
    def affiliate_view(self, request):
        from community.partners import views

        return views.affiliate(request, self)

    @path("withdraw/", name="withdraw")
    def withdraw_view(self, request):
        from community.partners import views

        return views.withdraw(request, self)

    @path("manage/", name="manage")
    @method_decorator(never_cache)
    def manage_view(self, request):
        from community.partners import views

        return views.manage(request, self)

    @path("manage/affiliations/<int:affiliation_id>/", name="affiliation_action")
    def affiliation_action_view(self, request, affiliation_id: int):
        from community.partners import views

        return views.affiliation_action(request, self, affiliation_id)
