"""The World Social Progress Forum: one edition a year, on a different continent each time.

An edition page shows its programme day by day, each session in the venue's time zone with the
offset named; offers the programme and each session as iCalendar files (`ics/`,
`sessions/<block id>/ics/`); and takes registrations (`register/`) against a capacity shared by
every language of the edition, further registrations joining a waiting list. The routes live in
`events.forum.views`, the registration rules in `events.forum.services`.
"""

from __future__ import annotations

import datetime
import zoneinfo
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale
from wagtail.search import index

from cms import geography, maps
from cms.blocks import RICH_TEXT_FEATURES
from cms.models import BasePage
from cms.translation import synchronised, translated
from events.blocks import LANGUAGE_CHOICES, SESSION_FORMATS, PartnerBlock, ProgrammeDayBlock
from events.models.common import CONTINENTS, EventMixin, EventType, utc_offset

LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)  # each language in its own name (endonym)


# --- The programme, as readers and calendars see it -----------------------------------------------


@dataclass
class ProgrammeSession:
    """One session: its block (id and value) and the day it belongs to, placed in the venue's zone."""

    id: str | None  # the ListBlock item id, stable across edits and translations (None on legacy data)
    date: datetime.date
    value: object  # the SessionBlock's StructValue
    zone_name: str

    @cached_property
    def start(self) -> datetime.datetime:
        return datetime.datetime.combine(self.date, self.value["start"], tzinfo=zoneinfo.ZoneInfo(self.zone_name))

    @cached_property
    def end(self) -> datetime.datetime:
        end = datetime.datetime.combine(self.date, self.value["end"], tzinfo=zoneinfo.ZoneInfo(self.zone_name))
        return end if end > self.start else end + datetime.timedelta(days=1)  # runs past midnight

    @property
    def title(self) -> str:
        return self.value["title"]

    @property
    def room(self) -> str:
        return self.value["room"]

    @property
    def description(self) -> str:
        return self.value["description"]

    @property
    def format_label(self) -> str:
        return str(dict(SESSION_FORMATS).get(self.value["format"], ""))

    @property
    def speakers(self) -> list:
        return [person for person in self.value["speakers"] if person is not None]  # a deleted person is None

    @property
    def languages(self) -> list[tuple[str, str]]:
        return [(code, LANGUAGE_NAMES.get(code, code)) for code in self.value["languages"] or []]

    @property
    def interpretation(self) -> list[tuple[str, str]]:
        return [(code, LANGUAGE_NAMES.get(code, code)) for code in self.value["interpretation"] or []]

    @property
    def offset(self) -> str:
        return utc_offset(self.start)

    # A 24-hour clock ("09:00–10:30"): the usual one in conference programmes, and unambiguous in every language.
    @property
    def start_time(self) -> str:
        return formats.time_format(self.start, "H:i")

    @property
    def end_time(self) -> str:
        return formats.time_format(self.end, "H:i")

    @property
    def time_range(self) -> str:
        return f"{self.start_time}–{self.end_time}"

    @property
    def anchor(self) -> str:
        return f"session-{self.id}" if self.id else ""


@dataclass
class ProgrammeDay:
    id: str
    date: datetime.date
    title: str
    sessions: list[ProgrammeSession] = field(default_factory=list)


# --- Pages -----------------------------------------------------------------------------------------


class ForumIndexPage(RoutablePageMixin, BasePage):
    """The Forum's home: the current or next edition first, then the archive of past editions."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["events.EventsIndexPage"]
    subpage_types = ["events.ForumEditionPage", "home.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forum index page")

    def editions(self) -> list[ForumEditionPage]:
        """Every live, public edition, in this language where translated, else in the default language.

        Past editions are often never translated; the archive still lists them (the template marks
        their language), so that no language's archive is missing years.
        """
        indexes = ForumIndexPage.objects.filter(
            translation_key=self.translation_key, locale_id__in={self.locale_id, Locale.get_default().pk}
        )
        within = models.Q(pk__in=[])
        for forum_index in indexes:
            within |= models.Q(path__startswith=forum_index.path, locale_id=forum_index.locale_id)
        queryset = (
            ForumEditionPage.objects.live()
            .public()
            .filter(within, depth=self.depth + 1)
            .defer_streamfields()
            .select_related("locale")
            .order_by("start_date")
        )
        chosen: dict = {}
        for page in queryset:
            if page.translation_key not in chosen or page.locale_id == self.locale_id:
                chosen[page.translation_key] = page
        return sorted(chosen.values(), key=lambda page: page.start_date)

    @staticmethod
    def split(editions: list[ForumEditionPage]) -> tuple[ForumEditionPage | None, list, list]:
        """(the current or next edition, later upcoming editions, past editions newest first)."""
        upcoming = [page for page in editions if not page.has_ended]
        past = [page for page in editions if page.has_ended]
        return (upcoming[0] if upcoming else None), upcoming[1:], list(reversed(past))

    @staticmethod
    def by_continent(editions: list[ForumEditionPage]) -> list[dict]:
        """Every continent with the editions it hosted or will host, in the order of the rotation:
        continents by their first edition, then those whose turn has not come yet."""
        rows = [{"code": code, "label": label, "editions": []} for code, label in CONTINENTS]
        index = {row["code"]: row for row in rows}
        for page in editions:  # already in date order
            if page.continent in index:
                index[page.continent]["editions"].append(page)
        never = datetime.date.max
        return sorted(rows, key=lambda row: row["editions"][0].start_date if row["editions"] else never)

    def editions_map(self, editions: list[ForumEditionPage], request) -> maps.WorldMap:
        """Every edition on the world map, on its host country: coming editions filled, past ones
        hollow; each a link to the edition (from the committed shapes: no query)."""
        from cms.templatetags.cms_tags import item_language  # the cards' fallback languages: no query of its own

        language = translation.get_language() or "en"
        markers = []
        for edition in editions:
            country = geography.country_name(edition.country_id, language)
            place = gettext("%(city)s, %(country)s") % {"city": edition.host_city, "country": country}
            original = item_language({"request": request}, edition)
            other = original["code"] if original else edition.locale.language_code
            markers.append(
                maps.Marker(
                    code=edition.country_id,
                    url=edition.get_url(request) or "",
                    label=f"{edition.title} · {place}",
                    name=edition.title,
                    place=place,
                    kind="past" if edition.has_ended else "next",
                    lang="" if other == language else other,
                    dir="" if other == language else ("rtl" if other in settings.RTL_LANGUAGES else "ltr"),
                )
            )
        return maps.marker_map(
            markers,
            title=gettext("Map of the Forum’s editions"),
            caption=gettext("Each marker is an edition, in its host country. Choose one to open its page."),
            name_heading=gettext("Edition"),
            place_heading=gettext("Where"),
            legend=[("next", gettext("Current and coming editions")), ("past", gettext("Past editions"))],
            element_id="forum-map",
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = self.editions()
        current, later, past = self.split(editions)
        context.update({"current": current, "later": later, "past": past, "map": self.editions_map(editions, request)})
        return context

    @path("by-continent/", name="by_continent")
    def continents(self, request):
        editions = self.editions()
        context = {
            **super().get_context(request),
            "continents": self.by_continent(editions),
            "hosted": sum(1 for code, _label in CONTINENTS if any(p.continent == code for p in editions)),
        }
        return TemplateResponse(request, "events/forum/by_continent.html", context)


class RegistrationMode(models.TextChoices):
    FORM = "form", _("Registration form on this site")
    EXTERNAL = "external", _("External registration link")
    CLOSED = "closed", _("Registration closed")


class ForumEditionPage(RoutablePageMixin, EventMixin, BasePage):
    """One edition of the Forum: theme, place, programme (times in the venue's zone), partners, registration."""

    event_type = EventType.FORUM

    host_city = models.CharField(_("host city"), max_length=120)
    country = models.ForeignKey("cms.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    theme = models.CharField(_("theme of the year"), max_length=200)
    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    programme = StreamField([("day", ProgrammeDayBlock())], blank=True, verbose_name=_("programme"))
    partners = StreamField([("partner", PartnerBlock())], blank=True, verbose_name=_("partners"))
    practical_information = RichTextField(_("practical information"), features=RICH_TEXT_FEATURES, blank=True)
    registration_mode = models.CharField(
        _("registration"), max_length=20, choices=RegistrationMode.choices, default=RegistrationMode.CLOSED
    )
    registration_url = models.URLField(_("external registration link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Places; further registrations join the waiting list.")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("theme"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("time_zone")]),
                FieldRowPanel([FieldPanel("host_city"), FieldPanel("country"), FieldPanel("continent")]),
                FieldPanel("venue"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("introduction"),
        FieldPanel("programme"),
        FieldPanel("partners"),
        FieldPanel("practical_information"),
        MultiFieldPanel(
            [FieldPanel("registration_mode"), FieldPanel("registration_url"), FieldPanel("capacity")],
            heading=_("Registration"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("theme"),
        index.SearchField("host_city"),
        index.SearchField("introduction"),
        index.SearchField("programme"),
        index.FilterField("start_date"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("theme", "host_city", "venue", "introduction", "programme", "partners", "practical_information"),
        *synchronised("start_date", "end_date", "continent", "time_zone", "country"),
        *synchronised("registration_mode", "registration_url", "capacity"),
    ]
    parent_page_types = ["events.ForumIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("forum edition")

    # --- Facts ---

    @property
    def country_name(self) -> str:
        return geography.country_name(self.country_id, translation.get_language() or "en")

    @property
    def last_date(self) -> datetime.date:
        return self.end_date or self.start_date

    def _today_at_venue(self) -> datetime.date:
        return timezone.now().astimezone(self.zone).date()

    @property
    def has_started(self) -> bool:
        return self.start_date <= self._today_at_venue()

    @property
    def has_ended(self) -> bool:
        return self.last_date < self._today_at_venue()

    @property
    def zone_offset(self) -> str:
        """The venue's UTC offset on the first day (what the programme's times are in)."""
        return utc_offset(datetime.datetime.combine(self.start_date, datetime.time(12), tzinfo=self.zone))

    def programme_days(self) -> list[ProgrammeDay]:
        """The programme's days in order, each with its sessions in order of start time.

        Speakers (SnippetChooserBlock) are fetched for the whole StreamField in one query by
        Wagtail's `bulk_to_python`, however many sessions there are.
        """
        days = []
        for block in self.programme:
            if block.block_type != "day":
                continue
            date = block.value["date"]
            sessions = [
                ProgrammeSession(child.original_id, date, child.value, self.time_zone)
                for child in block.value["sessions"].bound_blocks
            ]
            sessions.sort(key=lambda session: session.start)
            days.append(ProgrammeDay(block.id, date, block.value["title"], sessions))
        days.sort(key=lambda day: day.date)
        return days

    def sessions(self) -> list[ProgrammeSession]:
        return [session for day in self.programme_days() for session in day.sessions]

    # --- Registration ---

    @property
    def takes_registrations(self) -> bool:
        return self.registration_mode == RegistrationMode.FORM and not self.has_ended

    def registered_count(self) -> int:
        """Places taken, in every language of this edition."""
        return ForumRegistration.objects.filter(
            translation_key=self.translation_key, status=ForumRegistration.Status.REGISTERED
        ).count()

    def places_left(self) -> int | None:
        """None when the capacity is unlimited."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.registered_count(), 0)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["days"] = self.programme_days()
        context["places_left"] = self.places_left() if self.takes_registrations else None
        return context

    # --- Routes (events.forum.views) ---

    @path("ics/", name="ics")
    def programme_ics(self, request):
        from events.forum import views

        return views.programme_ics(request, self)

    @path("sessions/<str:block_id>/ics/", name="session_ics")
    def session_ics(self, request, block_id: str):
        from events.forum import views

        return views.session_ics(request, self, block_id)

    @path("register/", name="register")
    def register(self, request):
        from events.forum import views

        return views.register(request, self)

    @path("register/thanks/", name="register_thanks")
    def register_thanks(self, request):
        from events.forum import views

        return views.register_thanks(request, self)

    def get_context_base(self, request) -> dict:
        """The page's context without the programme (sub-views that do not show it)."""
        return super().get_context(request)


# --- Registrations -----------------------------------------------------------------------------------


class ForumRegistration(models.Model):
    """A participant's registration for an edition (all languages of the edition share one count)."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITING = "waiting", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    edition = models.ForeignKey(ForumEditionPage, on_delete=models.CASCADE, related_name="registrations")
    translation_key = models.UUIDField(db_index=True)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.ForeignKey("cms.Country", verbose_name=_("country"), on_delete=models.PROTECT, related_name="+")
    language = models.CharField(_("language"), max_length=10)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)

    class Meta:
        verbose_name = _("forum registration")
        verbose_name_plural = _("forum registrations")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "email"], name="one_registration_per_edition_and_email")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"

    def waiting_position(self) -> int | None:
        """1 for the first on the waiting list; None when not waiting."""
        if self.status != self.Status.WAITING:
            return None
        return ForumRegistration.objects.filter(
            translation_key=self.translation_key, status=self.Status.WAITING, pk__lte=self.pk
        ).count()
