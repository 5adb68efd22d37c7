"""The calendar of the Panel's communication and the cadence report (admin screens in `news.cadence_views`).

What counts on a day, per channel and language:

* site news: a news item published that day (`first_published_at`) or scheduled to go live that
  day (a revision approved for publication, Wagtail's `Revision.approved_go_live_at`);
* newsletter: an issue sent that day;
* every channel: the planned items (`PlannedItem`) of that day, planned or done. A planned item
  that names a page already counted on its channel is not counted twice.

A target without a language applies to each language separately. Weeks start on Monday (ISO).
Every date comes from the caller's `today` (the views pass `timezone.localdate()`), so the counts
can be tested on fixed dates.
"""

from __future__ import annotations

import calendar
import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale, Revision

from news.models import CadenceTarget, Channel, NewsletterIssue, NewsPage, Period, PlannedItem, PlannedItemStatus

WEEKS_AHEAD = 4
WEEKS_BEHIND = 4

MET = "met"
MISSED = "missed"
GAP = "gap"


@dataclass(frozen=True)
class Entry:
    """One item on the calendar."""

    day: datetime.date
    channel: str
    language: str
    title: str
    state: str  # "planned", "done", "scheduled" or "published"
    page_id: int | None = None
    planned_item_id: int | None = None

    @property
    def channel_label(self) -> str:
        return str(Channel(self.channel).label)


def _local_day(moment: datetime.datetime | None) -> datetime.date:
    """The day of `moment` in the site's time zone (the queries below only read rows that have one)."""
    if moment is None:
        raise ValueError("a dated row was expected")
    return timezone.localtime(moment).date()


def _bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime.combine(start, datetime.time.min, tzinfo=zone),
        datetime.datetime.combine(end, datetime.time.min, tzinfo=zone),
    )


def entries(start: datetime.date, end: datetime.date) -> list[Entry]:
    """Everything planned, scheduled, published or sent from `start` (included) to `end` (excluded).

    Four queries, whatever the number of items."""
    low, high = _bounds(start, end)
    found: list[Entry] = []
    news_type = ContentType.objects.get_for_model(NewsPage)
    scheduled = (
        Revision.objects.filter(content_type=news_type, approved_go_live_at__gte=low, approved_go_live_at__lt=high)
        .order_by("approved_go_live_at")
        .values_list("object_id", "approved_go_live_at", "content")
    )
    pages = []
    for object_id, go_live_at, content in scheduled:
        pages.append((int(object_id), go_live_at, content.get("title", ""), content.get("locale")))
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    for page_id, go_live_at, title, locale_id in pages:
        found.append(
            Entry(_local_day(go_live_at), Channel.SITE_NEWS, locales.get(locale_id, ""), title, "scheduled", page_id)
        )
    published = NewsPage.objects.filter(
        live=True, first_published_at__gte=low, first_published_at__lt=high
    ).values_list("pk", "first_published_at", "title", "locale_id")
    for page_id, first_published_at, title, locale_id in published:
        found.append(
            Entry(
                _local_day(first_published_at),
                Channel.SITE_NEWS,
                locales.get(locale_id, ""),
                title,
                "published",
                page_id,
            )
        )
    issues = NewsletterIssue.objects.filter(sent_at__gte=low, sent_at__lt=high).values_list(
        "sent_at", "subject", "language"
    )
    for sent_at, subject, language in issues:
        found.append(Entry(_local_day(sent_at), Channel.NEWSLETTER, language, subject, "done"))
    counted_pages = {(entry.channel, entry.page_id) for entry in found if entry.page_id}
    planned = PlannedItem.objects.filter(date__gte=start, date__lt=end).values_list(
        "pk", "date", "channel", "locale_id", "title", "page_id", "status"
    )
    for pk, day, channel, locale_id, title, page_id, status in planned:
        if page_id and (channel, page_id) in counted_pages:
            continue
        state = "done" if status == PlannedItemStatus.DONE else "planned"
        found.append(Entry(day, channel, locales.get(locale_id, ""), title, state, page_id, pk))
    found.sort(key=lambda entry: (entry.day, Channel.values.index(entry.channel), entry.language, entry.title))
    return found


# --- Calendar ------------------------------------------------------------------------------------


@dataclass
class Day:
    day: datetime.date
    in_month: bool
    entries: list[Entry] = field(default_factory=list)


def month_grid(year: int, month: int, *, channel: str = "", language: str = "") -> list[list[Day]]:
    """The weeks (Monday first) of a month, each day with its entries (filtered by channel/language)."""
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    start, end = weeks[0][0], weeks[-1][-1] + datetime.timedelta(days=1)
    by_day: dict[datetime.date, list[Entry]] = {}
    for entry in entries(start, end):
        if (channel and entry.channel != channel) or (language and entry.language != language):
            continue
        by_day.setdefault(entry.day, []).append(entry)
    return [[Day(day, day.month == month, by_day.get(day, [])) for day in week] for week in weeks]


# --- Report --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """One week or month of a target."""

    start: datetime.date
    end: datetime.date  # excluded

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day < self.end


def week_start(day: datetime.date) -> datetime.date:
    return day - datetime.timedelta(days=day.weekday())


def _add_months(day: datetime.date, months: int) -> datetime.date:
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def windows(period: str, today: datetime.date) -> list[Window]:
    """The periods a target is judged on: the four weeks before this one and the next four weeks
    (this one included), or the month before this one and the months the next four weeks touch."""
    if period == Period.WEEK:
        monday = week_start(today)
        return [
            Window(monday + datetime.timedelta(weeks=k), monday + datetime.timedelta(weeks=k + 1))
            for k in range(-WEEKS_BEHIND, WEEKS_AHEAD)
        ]
    first = today.replace(day=1)
    last_day = today + datetime.timedelta(weeks=WEEKS_AHEAD, days=-1)
    months = [_add_months(first, -1), first]
    while _add_months(months[-1], 1) <= last_day:
        months.append(_add_months(months[-1], 1))
    return [Window(month, _add_months(month, 1)) for month in months]


@dataclass(frozen=True)
class Cell:
    window: Window
    count: int
    target: int
    status: str  # MET, MISSED (a past period short of the target) or GAP (a coming one short of it)

    @property
    def shortfall(self) -> int:
        return max(0, self.target - self.count)


@dataclass
class Row:
    channel: str
    language: str
    target: CadenceTarget
    cells: list[Cell]

    @property
    def channel_label(self) -> str:
        return str(Channel(self.channel).label)

    @property
    def missed(self) -> int:
        return sum(1 for cell in self.cells if cell.status == MISSED)

    @property
    def gaps(self) -> int:
        return sum(1 for cell in self.cells if cell.status == GAP)


def judge(count: int, target: int, window: Window, today: datetime.date) -> str:
    if count >= target:
        return MET
    return MISSED if window.end <= today else GAP


def report(today: datetime.date) -> dict[str, list[Row]]:
    """Per period kind ("week", "month"), one row per channel and language with a target."""
    targets = list(CadenceTarget.objects.select_related("locale"))
    languages = [code for code, _name in settings.LANGUAGES]
    # A language's own target wins over the target for each language.
    own = {(target.channel, target.locale.language_code) for target in targets if target.locale is not None}
    spans = {period: windows(period, today) for period in Period.values}
    start = min(spans[period][0].start for period in spans)
    end = max(spans[period][-1].end for period in spans)
    counts: Counter[tuple[str, str, datetime.date]] = Counter(
        (entry.channel, entry.language, entry.day) for entry in entries(start, end)
    )
    rows: dict[str, list[Row]] = {period: [] for period in Period.values}
    for target in sorted(targets, key=lambda t: (Channel.values.index(t.channel), t.locale_id is not None)):
        codes = (
            [target.locale.language_code]
            if target.locale is not None
            else [code for code in languages if (target.channel, code) not in own]
        )
        for code in codes:
            cells = []
            for window in spans[target.period]:
                count = sum(
                    number
                    for (channel, language, day), number in counts.items()
                    if channel == target.channel and language == code and window.contains(day)
                )
                cells.append(Cell(window, count, target.count, judge(count, target.count, window, today)))
            rows[target.period].append(Row(target.channel, code, target, cells))
    for period_rows in rows.values():
        period_rows.sort(key=lambda row: (Channel.values.index(row.channel), languages.index(row.language)))
    return rows
