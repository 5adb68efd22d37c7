"""Demo seeder for events: Forum editions with programmes, Award editions with nominations, jury
scores and results, World Social Progress Days (one published, one embargoed) and the press room."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.html import escape
from wagtail.models import Locale, PageViewRestriction

from cms.demo import SeedContext, TranslationCatalogue, load, publish, translate_missing
from cms.models import Country, Person
from cms.roles import ACCREDITED_JOURNALISTS, JURY
from events.models import (
    AwardEditionPage,
    AwardResult,
    AwardsIndexPage,
    EventsIndexPage,
    ForumEditionPage,
    ForumIndexPage,
    JuryScore,
    Nomination,
    PressRoomPage,
    SocialProgressDayPage,
)
from home.models import HomePage
from practices.models import PracticePage

order = 50
catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")
content = load(__file__)


def _date(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)


def _child(parent, model, data: dict, context: SeedContext, **fields):
    page = model.objects.child_of(parent).filter(slug=data["slug"]).first()
    if page is None:
        page = model(title=data["title"], slug=data["slug"], locale=parent.locale, **fields)
        parent.add_child(instance=page)
        publish(page, context.admin)
        context.created += 1
    return page


def _programme(edition: dict, speakers: list[Person]) -> list:
    start = _date(edition["start_date"])
    days = {}
    for offset, key, begins, ends, room, form, languages, interpretation, count in content["programme"]:
        days.setdefault(offset, []).append(
            {
                "title": content["session_titles"][key],
                "start": datetime.time.fromisoformat(begins),
                "end": datetime.time.fromisoformat(ends),
                "room": room,
                "format": form,
                "languages": languages,
                "interpretation": interpretation,
                "speakers": speakers[offset : offset + count],
                "description": "",
            }
        )
    return [
        ("day", {"date": start + datetime.timedelta(days=offset), "title": "", "sessions": sessions})
        for offset, sessions in sorted(days.items())
    ]


def seed_forum(events: EventsIndexPage, context: SeedContext) -> dict[str, ForumEditionPage]:
    forum_index = _child(
        events, ForumIndexPage, content["forum_index"], context, introduction=content["forum_index"]["introduction"]
    )
    speakers = list(Person.objects.filter(locale=events.locale).order_by("sort_name")[:4])
    editions = {}
    for data in content["forums"]:
        editions[data["slug"]] = _child(
            forum_index,
            ForumEditionPage,
            data,
            context,
            theme=data["theme"],
            host_city=data["host_city"],
            country=Country.objects.get(code=data["country"]),
            continent=data["continent"],
            time_zone=data["time_zone"],
            venue=data["venue"],
            start_date=_date(data["start_date"]),
            end_date=_date(data["end_date"]),
            introduction=f"<p>{escape(data['theme'])}: {escape(content['forum_index']['introduction'])}</p>",
            programme=_programme(data, speakers),
            registration_mode=data["registration_mode"],
            capacity=data["capacity"],
        )
    return {"index": forum_index, **editions}


def seed_awards(events: EventsIndexPage, forums: dict, context: SeedContext) -> dict[str, AwardEditionPage]:
    awards_index = _child(
        events, AwardsIndexPage, content["awards_index"], context, introduction=content["awards_index"]["introduction"]
    )
    jurors = list(get_user_model().objects.filter(groups__name=JURY).order_by("username"))
    jury = list(Person.objects.filter(locale=events.locale).order_by("sort_name")[:3])
    editions = {}
    for data in content["awards"]:
        edition = AwardEditionPage.objects.child_of(awards_index).filter(slug=data["slug"]).first()
        if edition is None:
            edition = AwardEditionPage(
                title=data["title"],
                slug=data["slug"],
                locale=events.locale,
                introduction=f"<p>{escape(data['introduction'])}</p>",
                eligibility=f"<p>{escape(content['eligibility'])}</p>",
                categories=[
                    ("category", {"slug": s, "name": n, "description": d}) for s, n, d in content["award_categories"]
                ],
                criteria=[
                    ("criterion", {"slug": s, "name": n, "description": d}) for s, n, d in content["award_criteria"]
                ],
                nominations_open=_date(data["nominations_open"]),
                nominations_close=_date(data["nominations_close"]),
                start_date=_date(data["start_date"]),
                forum_edition=forums.get(data["forum"]),
                continent=forums[data["forum"]].continent if data["forum"] in forums else "",
                time_zone=forums[data["forum"]].time_zone if data["forum"] in forums else "UTC",
            )
            edition.jury = jury
            edition.jurors = jurors
            awards_index.add_child(instance=edition)
            publish(edition, context.admin)
            context.created += 1
        editions[data["slug"]] = edition
    _seed_2026_results(editions["2026"], jurors, context)
    return {"index": awards_index, **editions}


def _seed_2026_results(edition: AwardEditionPage, jurors: list, context: SeedContext) -> None:
    if edition.nominations.exists():
        return
    practices = {page.slug: page for page in PracticePage.objects.filter(locale=edition.locale)}
    nominated = [
        ("practice", "barefoot-college", "winner", [5, 4, 5]),
        ("practice", "housing-first-finland", "finalist", [4, 4, 5]),
        ("practice", "kudumbashree", "finalist", [4, 5, 3]),
    ]
    for number, (category, slug, status, base_scores) in enumerate(nominated):
        practice = practices.get(slug)
        if practice is None:
            continue
        nomination = Nomination.objects.create(
            edition=edition,
            translation_key=edition.translation_key,
            category=category,
            nominee_type=Nomination.NomineeType.PRACTICE,
            nominee_name=practice.title,
            practice=practice,
            justification="Documented results, and adapted in several places.",
            nominator_name="Demo nominator",
            nominator_email="nominator@demo.ipsp.org",
            language="en",
        )
        for offset, juror in enumerate(jurors):
            for (criterion, _name, _description), score in zip(content["award_criteria"], base_scores, strict=True):
                JuryScore.objects.create(
                    nomination=nomination, juror=juror, criterion=criterion, score=max(1, score - offset)
                )
        edition.results.add(AwardResult(nomination=nomination, status=status, sort_order=number))
    publish(edition, context.admin)


def seed_days(events: EventsIndexPage, context: SeedContext) -> dict[str, SocialProgressDayPage]:
    days = {}
    for data in content["days"]:
        day = SocialProgressDayPage.objects.child_of(events).filter(slug=data["slug"]).first()
        if day is None:
            day = SocialProgressDayPage(
                title=data["title"],
                slug=data["slug"],
                locale=events.locale,
                start_date=_date(data["start_date"]),
                theme=data["theme"],
                declaration_title=data["declaration_title"],
                declaration="".join(f"<p>{escape(text)}</p>" for text in data["declaration"]),
                addressees=[
                    ("addressees", {"addressee": addressee, "asks": asks}) for addressee, asks in data["asks"].items()
                ],
                live=data["embargo"] is None,
            )
            if data["embargo"]:
                day.go_live_at = datetime.datetime.fromisoformat(data["embargo"])
            events.add_child(instance=day)
            # An embargoed declaration is published with a go-live date: Wagtail schedules it.
            publish(day, context.admin)
            context.created += 1
        days[data["slug"]] = day
    return days


def seed_press_room(events: EventsIndexPage, context: SeedContext) -> PressRoomPage:
    room = _child(
        events, PressRoomPage, content["press_room"], context, introduction=content["press_room"]["introduction"]
    )
    if not PageViewRestriction.objects.filter(page=room).exists():
        restriction = PageViewRestriction.objects.create(page=room, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.set(Group.objects.filter(name=ACCREDITED_JOURNALISTS))
    return room


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        context.log("No English home page; skipping events.")
        return
    events = _child(
        home,
        EventsIndexPage,
        content["index"],
        context,
        introduction=content["index"]["introduction"],
        show_in_menus=True,
    )
    forums = seed_forum(events, context)
    awards = seed_awards(events, forums, context)
    days = seed_days(events, context)
    room = seed_press_room(events, context)
    to_translate = [
        events,
        forums["index"],
        forums["2027-dhaka"],
        awards["index"],
        awards["2027"],
        days["day-2026"],
        room,
    ]
    translate_missing(to_translate, context, catalogue)
