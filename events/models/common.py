"""What every event page shares: when it happens, where, and how listings show it."""

from __future__ import annotations

import datetime
import zoneinfo

from django.db import models
from django.utils.translation import gettext_lazy as _

CONTINENTS = [
    ("africa", _("Africa")),
    ("asia", _("Asia")),
    ("europe", _("Europe")),
    ("north-america", _("North America")),
    ("south-america", _("South America")),
    ("oceania", _("Oceania")),
]
TIME_ZONES = sorted(zoneinfo.available_timezones() - {"Factory", "localtime"})


def utc_offset(value: datetime.datetime) -> str:
    """ "UTC+06:00", "UTC-04:00", "UTC+05:30": the offset of an aware datetime, as readers see it."""
    offset = value.utcoffset() or datetime.timedelta(0)
    sign = "-" if offset < datetime.timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class EventType(models.TextChoices):
    FORUM = "forum", _("World Social Progress Forum")
    AWARDS = "awards", _("World Social Progress Awards")
    DAY = "day", _("World Social Progress Day")


class EventMixin(models.Model):
    """Dates (and, where there is a venue, a place and its time zone) of one event."""

    event_type: str = ""
    start_date = models.DateField(_("start date"), db_index=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    continent = models.CharField(_("continent"), max_length=20, choices=CONTINENTS, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=[(name, name) for name in TIME_ZONES],
        default="UTC",
        help_text=_("The venue's time zone: programme times are entered and shown in it."),
    )

    class Meta:
        abstract = True

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def event_type_label(self) -> str:
        return str(EventType(self.event_type).label)

    @property
    def year(self) -> int:
        return self.start_date.year
