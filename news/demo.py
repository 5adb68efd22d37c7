"""Demo seeder for the news stream: the index in every language, six items, three of them translated;
and the communication plan: cadence targets and eight weeks of planned items around the seeding day
(four past, done; four coming, planned), every target met but one (Spanish social posts, last week)."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from cms.demo import SeedContext, TranslationCatalogue, ensure_index, load, publish, translate_missing
from cms.models import Country, Theme
from home.models import HomePage
from news.models import CadenceTarget, NewsIndexPage, NewsPage, PlannedItem, PlannedItemStatus
from practices.models import PracticePage

order = 40
catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")
content = load(__file__)


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        context.log("No English home page; skipping news.")
        return
    index = ensure_index(home, NewsIndexPage, content["index"], context, show_in_menus=True)
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=english)}
    practices = {page.slug: page for page in PracticePage.objects.filter(locale=english)}
    to_translate = [index]
    for data in content["news"]:
        item = NewsPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if item is None:
            item = NewsPage(
                title=data["title"],
                slug=data["slug"],
                kind=data["kind"],
                date=datetime.date.fromisoformat(data["date"]),
                summary=data["summary"],
                body=[("paragraph", f"<p>{escape(text)}</p>") for text in data["body"]],
                related=[("page", practices[slug]) for slug in data["related"] if slug in practices],
                locale=english,
            )
            item.themes = [themes[slug] for slug in data["themes"] if slug in themes]
            item.countries = list(Country.objects.filter(code__in=data["countries"]))
            index.add_child(instance=item)
            publish(item, context.admin)
            context.created += 1
        if data["translated"]:
            to_translate.append(item)
    translate_missing(to_translate, context, catalogue)
    seed_cadence(context)


# Weekday of each weekly item (Monday is 0): two social posts, one digest, one partner relay, two stories.
WEEKDAYS = {"site_news": (0, 2), "social": (1, 3), "newsletter": (4,), "partners": (2,)}
WEEKS = range(-4, 4)
# The deliberate miss: no Thursday post in Spanish last week.
MISSED = ("social", "es", -1, 3)


def seed_cadence(context: SeedContext) -> None:
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for channel, code, count, period in content["cadence_targets"]:
        locale = locales.get(code) if code else None
        if code and locale is None:
            continue
        _target, created = CadenceTarget.objects.get_or_create(
            channel=channel, locale=locale, defaults={"count": count, "period": period}
        )
        context.created += int(created)
    if PlannedItem.objects.exists():
        return  # planned once, around the first seeding day; editors keep the plan from there
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    items = []

    def add(channel: str, code: str, day: datetime.date) -> None:
        title = content["cadence_titles"][channel].get(code)
        if title and code in locales:
            status = PlannedItemStatus.DONE if day < today else PlannedItemStatus.PLANNED
            items.append(PlannedItem(channel=channel, locale=locales[code], date=day, title=title, status=status))

    for channel, weekdays in WEEKDAYS.items():
        for code in content["cadence_titles"][channel]:
            for week in WEEKS:
                for weekday in weekdays:
                    if (channel, code, week, weekday) != MISSED:
                        add(channel, code, monday + datetime.timedelta(weeks=week, days=weekday))
    first = today.replace(day=1)
    for months in (-1, 0, 1):  # one press piece on the 10th of last, this and next month
        index = first.year * 12 + first.month - 1 + months
        for code in content["cadence_titles"]["press"]:
            add("press", code, datetime.date(index // 12, index % 12 + 1, 10))
    PlannedItem.objects.bulk_create(items)
    context.created += len(items)
