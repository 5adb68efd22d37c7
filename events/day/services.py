"""World Social Progress Day's rules: endorsements (recorded unconfirmed, confirmed by e-mail, counted
in every language of the declaration), their counts and lists, and the press room's scheduled
declarations."""

from __future__ import annotations

import datetime
import uuid
import zoneinfo
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import formats, timezone
from wagtail.models import Revision

from cms import geography
from cms.links import absolute_url
from cms.notifications import deliver, may_send_confirmation
from cms.tasks import retrying_task
from events.models.common import utc_offset
from events.models.day import Endorsement, SocialProgressDayPage

# --- Times in a zone, for readers ----------------------------------------------------------------


@dataclass
class ZonedTime:
    """One instant as shown to a reader: in a named time zone, formatted in the active language."""

    value: datetime.datetime
    zone_name: str

    @property
    def local(self) -> datetime.datetime:
        return timezone.localtime(self.value, zoneinfo.ZoneInfo(self.zone_name))

    @property
    def formatted(self) -> str:
        return formats.date_format(self.local, "DATETIME_FORMAT")

    @property
    def offset(self) -> str:
        return utc_offset(self.local)

    @property
    def is_utc(self) -> bool:
        return self.local.utcoffset() == datetime.timedelta(0) and self.zone_name in ("UTC", "Etc/UTC")

    @property
    def iso(self) -> str:
        return self.value.astimezone(datetime.UTC).isoformat()


# --- Endorsement counts ----------------------------------------------------------------------------


@dataclass
class EndorsementCounts:
    """Confirmed endorsements of one declaration (all languages), by country and by UN M49 region,
    with names from CLDR in the reader's language."""

    total: int = 0
    countries: list[dict] = field(default_factory=list)
    regions: list[dict] = field(default_factory=list)


def endorsement_counts(translation_key: uuid.UUID | str, language: str) -> EndorsementCounts:
    """One query, whatever the number of endorsements or countries."""
    rows = (
        Endorsement.objects.filter(translation_key=translation_key, confirmed_at__isnull=False)
        .values("country_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    by_country: dict[str, int] = {row["country_id"]: row["count"] for row in rows}
    by_region: dict[str, int] = {}
    for code, count in by_country.items():
        region = geography.region_of(code)
        if region:
            by_region[region] = by_region.get(region, 0) + count

    def ranked(items: list[dict]) -> list[dict]:
        return sorted(items, key=lambda item: (-item["count"], item["name"].casefold()))

    return EndorsementCounts(
        total=sum(by_country.values()),
        countries=ranked(
            [
                {"code": code, "name": geography.country_name(code, language), "count": count}
                for code, count in by_country.items()
            ]
        ),
        regions=ranked(
            [
                {"code": code, "name": geography.region_name(code, language), "count": count}
                for code, count in by_region.items()
            ]
        ),
    )


def endorsers(translation_key: uuid.UUID | str, language: str, limit: int | None = None) -> list[dict[str, str]]:
    """Confirmed endorsers, latest first, as (organisation or name, country name) pairs; one query."""
    queryset = (
        Endorsement.objects.filter(translation_key=translation_key, confirmed_at__isnull=False)
        .order_by("-confirmed_at", "-pk")
        .only("name", "organisation", "country_id", "confirmed_at")
    )
    if limit is not None:
        queryset = queryset[:limit]
    return [
        {"name": item.organisation or item.name, "country": geography.country_name(item.country_id, language)}
        for item in queryset
    ]


# --- The press room ------------------------------------------------------------------------------


@dataclass
class ScheduledDeclaration:
    """A Day page as its scheduled revision will publish it, and when."""

    day: SocialProgressDayPage
    revision: Revision
    go_live_at: datetime.datetime

    @property
    def local_time(self) -> ZonedTime:
        return ZonedTime(self.go_live_at, self.day.time_zone)

    @property
    def utc_time(self) -> ZonedTime:
        return ZonedTime(self.go_live_at, "UTC")


def scheduled_declarations(locale_id: int) -> list[ScheduledDeclaration]:
    """Every Day page of a language with a revision approved to go live in the future (embargoed),
    as that revision has it: two queries."""
    now = timezone.now()
    day_ids = SocialProgressDayPage.objects.filter(locale_id=locale_id).values_list("pk", flat=True)
    revisions = (
        Revision.objects.page_revisions()
        .filter(object_id__in=[str(pk) for pk in day_ids], approved_go_live_at__gt=now)
        .order_by("approved_go_live_at", "-pk")
    )
    latest: dict[str, Revision] = {}
    for revision in revisions:
        latest.setdefault(revision.object_id, revision)
    return [
        ScheduledDeclaration(day=revision.as_object(), revision=revision, go_live_at=revision.approved_go_live_at)
        for revision in latest.values()
    ]


# --- Endorsements --------------------------------------------------------------------------------


def endorse(day: SocialProgressDayPage, data: dict, language: str) -> Endorsement:
    """Record an endorsement of `day`'s declaration (all its languages), unconfirmed, and e-mail the
    confirmation link. An address that already endorsed it gets the link again (or, once confirmed,
    a note that there is nothing to do); what the visitor sees never tells the cases apart."""
    email = data["email"].strip().lower()
    details = {
        "day": day,
        "name": data["name"].strip(),
        "organisation": (data.get("organisation") or "").strip(),
        "country_id": data["country"],
        "language": language,
    }
    with transaction.atomic():
        endorsement = (
            Endorsement.objects.select_for_update().filter(translation_key=day.translation_key, email=email).first()
        )
        if endorsement is None:
            try:
                with transaction.atomic():
                    endorsement = Endorsement.objects.create(
                        translation_key=day.translation_key, email=email, **details
                    )
            except IntegrityError:  # the same address, at the same moment, from another request
                endorsement = Endorsement.objects.get(translation_key=day.translation_key, email=email)
        elif not endorsement.is_confirmed:
            # Still unconfirmed: the latest details are what the owner of the address confirms.
            for name, value in details.items():
                setattr(endorsement, name, value)
            endorsement.save(update_fields=["day", "name", "organisation", "country", "language"])
        if may_send_confirmation(email, f"declaration|{day.translation_key}"):
            endorsement_id, reply_language = endorsement.pk, language
            transaction.on_commit(lambda: send_endorsement_confirmation.enqueue(endorsement_id, reply_language))
    return endorsement


def confirm_endorsement(endorsement: Endorsement) -> None:
    """Count the endorsement from now on (confirming twice changes nothing)."""
    Endorsement.objects.filter(pk=endorsement.pk, confirmed_at__isnull=True).update(confirmed_at=timezone.now())


@retrying_task()
def send_endorsement_confirmation(endorsement_id: int, language: str) -> None:
    """The confirmation link, or, for an address already confirmed, a note that nothing is needed."""
    endorsement = Endorsement.objects.select_related("day").get(pk=endorsement_id)
    day = endorsement.day.specific
    _site_id, _root, page_path = day.get_url_parts()
    context = {
        "endorsement": endorsement,
        "day": day,
        "already_confirmed": endorsement.is_confirmed,
        "confirm_url": absolute_url(page_path + day.reverse_subpage("endorse_confirm", args=[endorsement.token])),
        "page_url": absolute_url(page_path),
    }
    deliver("events/day/email/endorsement_confirmation", [endorsement.email], context, language)
