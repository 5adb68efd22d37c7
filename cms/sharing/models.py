"""Share kits and the multiplier: what editors give members and partners to relay, and what it brings.

A share kit is shown at `<page url>share/` for every page type that takes `cms.sharing.mixins.ShareKitMixin`.
Its texts come from a `ShareKit` (a snippet editors write and translators translate); where the
editors wrote nothing, from the page's summary (`cms.sharing.texts`).

Every link handed out is one of our own short links (`ShareLink`, `/s/<code>/`), tagged with the
network and the member or partner organisation it was made for: following it counts a `ShareVisit`
and lands on the page with UTM parameters. A member or a partner's administrator relaying a kit
records a `Relay`. Relays and the visits they brought are the multiplier editors read in the
"Share kits" report.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin

from cms.sharing import texts
from cms.translation import translated


class Network(models.TextChoices):
    X = "x", "X"
    BLUESKY = "bluesky", "Bluesky"
    LINKEDIN = "linkedin", "LinkedIn"
    WHATSAPP = "whatsapp", "WhatsApp"
    EMAIL = "email", _("E-mail")


class ShareKit(TranslatableMixin, models.Model):
    """The texts editors write for relaying one page; translators translate them with the page."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="share_kits",
        help_text=_("The report, chapter, brief, practice, news item or Day this kit is for."),
    )
    key_message = models.TextField(
        _("key message"),
        max_length=300,
        blank=True,
        help_text=_("The one thing a reader should remember. Empty: the page's summary."),
    )
    x_text = models.TextField(
        _("text for X"),
        blank=True,
        help_text=_("At most 256 characters (the link takes the rest of X's 280). Empty: the key message."),
    )
    bluesky_text = models.TextField(
        _("text for Bluesky"),
        blank=True,
        help_text=_("At most 260 characters (the link takes the rest of Bluesky's 300). Empty: the key message."),
    )
    linkedin_text = models.TextField(
        _("text for LinkedIn"), blank=True, max_length=2800, help_text=_("A short paragraph or two.")
    )
    whatsapp_text = models.TextField(
        _("text for WhatsApp"), blank=True, max_length=700, help_text=_("One or two friendly sentences.")
    )
    email_subject = models.CharField(_("e-mail subject"), max_length=120, blank=True)
    email_body = models.TextField(_("e-mail text"), blank=True, max_length=2000)

    panels = [
        FieldPanel("page"),
        FieldPanel("key_message"),
        MultiFieldPanel(
            [
                FieldPanel("x_text"),
                FieldPanel("bluesky_text"),
                FieldPanel("linkedin_text"),
                FieldPanel("whatsapp_text"),
                FieldPanel("email_subject"),
                FieldPanel("email_body"),
            ],
            heading=_("Ready-to-post texts"),
        ),
    ]
    # The page is translated too: a translated kit points to the page in its own language.
    override_translatable_fields = translated(
        "page", "key_message", "x_text", "bluesky_text", "linkedin_text", "whatsapp_text", "email_subject", "email_body"
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("share kit")
        verbose_name_plural = _("share kits")
        constraints = [models.UniqueConstraint(fields=["page"], name="one_share_kit_per_page")]

    def __str__(self) -> str:
        return str(self.page.title) if self.page_id else str(_("share kit"))

    def clean(self):
        errors = {}
        for network, field in texts.EDITOR_FIELDS.items():
            value = getattr(self, field)
            if value and not texts.fits(network, value):
                errors[field] = _("Too long for %(network)s once the link is added: %(length)s of %(limit)s.") % {
                    "network": Network(network).label,
                    "length": texts.network_length(network, texts.with_link(value, texts.LINK_PLACEHOLDER)),
                    "limit": texts.LIMITS[network],
                }
        if errors:
            raise ValidationError(errors)


class ShareLink(models.Model):
    """One of our short links, `/s/<code>/`: a page, a network, and whom it was made for."""

    code = models.CharField(max_length=16, unique=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10, db_index=True)
    network = models.CharField(max_length=10, choices=Network.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="share_links"
    )
    partner = models.ForeignKey(
        "community.Partner", null=True, blank=True, on_delete=models.CASCADE, related_name="share_links"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page", "network", "user", "partner"], name="one_share_link_per_owner", nulls_distinct=False
            )
        ]

    def __str__(self) -> str:
        return self.code


class Relay(models.Model):
    """A member (for themselves, or for the partner organisation they administer) relayed a share kit."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10, db_index=True)
    network = models.CharField(max_length=10, choices=Network.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="relays")
    partner = models.ForeignKey(
        "community.Partner", null=True, blank=True, on_delete=models.CASCADE, related_name="relays"
    )
    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="relays")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.page_id} {self.language} {self.network}"


class ShareVisit(models.Model):
    """A reader followed a short link (one count per client, link and hour; known bots are not counted)."""

    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="visits")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.link_id} {self.created_at:%Y-%m-%d %H:%M}"
