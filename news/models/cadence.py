"""Channel cadence: what the Panel plans to publish, per channel and language, and how often it means to.

Pages already carry their own schedule (Wagtail's scheduled publishing: a revision approved to go
live at `Revision.approved_go_live_at`); `PlannedItem` holds what is not a page yet (a social
post, a press syndication, a partner relay) and `CadenceTarget` says how many items a channel
should carry per week or month. The calendar and the report are built in `news.cadence`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel


class Channel(models.TextChoices):
    SITE_NEWS = "site_news", _("Site news")
    NEWSLETTER = "newsletter", pgettext_lazy("channel", "Newsletter")
    SOCIAL = "social", _("Social networks")
    PRESS = "press", _("Syndicated press")
    PARTNERS = "partners", _("Partner relays")


class Period(models.TextChoices):
    WEEK = "week", _("per week")
    MONTH = "month", _("per month")


class PlannedItemStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("planned item status", "Planned")
    DONE = "done", pgettext_lazy("planned item status", "Done")


class PlannedItem(models.Model):
    """One planned communication on one channel, in one language, on one day."""

    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, db_index=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("language")
    )
    date = models.DateField(_("date"), db_index=True, help_text=_("The day it goes out."))
    title = models.CharField(_("title"), max_length=255, help_text=_("What goes out, in a few words."))
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("page"),
        help_text=_("Optional: the page it announces or relays."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PlannedItemStatus.choices, default=PlannedItemStatus.PLANNED
    )

    panels = [
        FieldPanel("channel"),
        FieldPanel("locale"),
        FieldPanel("date"),
        FieldPanel("title"),
        FieldPanel("page"),
        FieldPanel("status"),
    ]

    class Meta:
        verbose_name = _("planned item")
        verbose_name_plural = _("planned items")
        ordering = ["date", "channel", "pk"]

    def __str__(self) -> str:
        return self.title


class CadenceTarget(models.Model):
    """How many items a channel should carry per week or per month, in one language or in each."""

    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("language"),
        help_text=_("Leave empty for the same target in each language."),
    )
    count = models.PositiveSmallIntegerField(_("items"), default=1)
    period = models.CharField(_("period"), max_length=10, choices=Period.choices, default=Period.WEEK)

    panels = [FieldPanel("channel"), FieldPanel("locale"), FieldPanel("count"), FieldPanel("period")]

    class Meta:
        verbose_name = _("cadence target")
        verbose_name_plural = _("cadence targets")
        ordering = ["channel", "locale__language_code"]
        constraints = [
            models.UniqueConstraint(fields=["channel", "locale"], name="one_cadence_target_per_channel_locale"),
            models.UniqueConstraint(
                fields=["channel"], condition=models.Q(locale=None), name="one_cadence_target_per_channel_all"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()}: {self.count} {self.get_period_display()}"
