"""Channel cadence: the calendar and the report (news.cadence), on fixed dates far from the demo's."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.users.models import UserProfile

from cms.factories import UserFactory
from cms.roles import EXPERT_REVIEWERS
from news import cadence
from news.models import CadenceTarget, Channel, NewsIndexPage, NewsletterIssue, Period, PlannedItem, PlannedItemStatus

pytestmark = pytest.mark.django_db

# A Wednesday, years after the demo's dates: nothing seeded falls near it.
TODAY = datetime.date(2031, 3, 12)
MONDAY = datetime.date(2031, 3, 10)


def day(offset: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=offset)


@pytest.fixture(autouse=True)
def clean_plan():
    PlannedItem.objects.all().delete()
    CadenceTarget.objects.all().delete()


def plan(locale, when, channel=Channel.SOCIAL, status=PlannedItemStatus.PLANNED, title="A post", page=None):
    return PlannedItem.objects.create(channel=channel, locale=locale, date=when, title=title, status=status, page=page)


def row(rows, channel, language):
    found = [r for r in rows if r.channel == channel and r.language == language]
    assert len(found) == 1
    return found[0]


# --- Windows and counting ------------------------------------------------------------------------


def test_weekly_windows_are_the_four_weeks_before_and_the_four_weeks_from_this_monday():
    windows = cadence.windows(Period.WEEK, TODAY)
    assert [w.start for w in windows] == [MONDAY + datetime.timedelta(weeks=k) for k in range(-4, 4)]
    assert all(w.end - w.start == datetime.timedelta(days=7) for w in windows)


def test_monthly_windows_are_last_month_and_the_months_the_next_four_weeks_touch():
    starts = [w.start for w in cadence.windows(Period.MONTH, TODAY)]
    assert starts == [datetime.date(2031, 2, 1), datetime.date(2031, 3, 1), datetime.date(2031, 4, 1)]
    # Near the end of a year the months roll over.
    starts = [w.start for w in cadence.windows(Period.MONTH, datetime.date(2031, 12, 20))]
    assert starts == [datetime.date(2031, 11, 1), datetime.date(2031, 12, 1), datetime.date(2032, 1, 1)]


def test_a_week_is_met_missed_or_a_gap_by_its_count_and_whether_it_is_over(locales):
    CadenceTarget.objects.create(channel=Channel.SOCIAL, locale=locales["fr"], count=2, period=Period.WEEK)
    # Two weeks ago: two items (met). Last week: one (missed). This week: one done, one planned (met).
    plan(locales["fr"], MONDAY - datetime.timedelta(days=14), status=PlannedItemStatus.DONE)
    plan(locales["fr"], MONDAY - datetime.timedelta(days=8), status=PlannedItemStatus.DONE)
    plan(locales["fr"], MONDAY - datetime.timedelta(days=1), status=PlannedItemStatus.DONE)  # Sunday: last week
    plan(locales["fr"], MONDAY, status=PlannedItemStatus.DONE)
    plan(locales["fr"], MONDAY + datetime.timedelta(days=6))  # Sunday of this week, planned
    # Next week: one planned (a gap of one); the week after: none (a gap of two).
    plan(locales["fr"], MONDAY + datetime.timedelta(days=7))
    # Another language and another channel do not count.
    plan(locales["es"], MONDAY + datetime.timedelta(days=14))
    plan(locales["fr"], MONDAY + datetime.timedelta(days=14), channel=Channel.PRESS)

    cells = row(cadence.report(TODAY)[Period.WEEK], Channel.SOCIAL, "fr").cells
    assert [(c.window.start, c.count, c.status) for c in cells] == [
        (MONDAY - datetime.timedelta(weeks=4), 0, cadence.MISSED),
        (MONDAY - datetime.timedelta(weeks=3), 0, cadence.MISSED),
        (MONDAY - datetime.timedelta(weeks=2), 2, cadence.MET),
        (MONDAY - datetime.timedelta(weeks=1), 1, cadence.MISSED),
        (MONDAY, 2, cadence.MET),
        (MONDAY + datetime.timedelta(weeks=1), 1, cadence.GAP),
        (MONDAY + datetime.timedelta(weeks=2), 0, cadence.GAP),
        (MONDAY + datetime.timedelta(weeks=3), 0, cadence.GAP),
    ]
    assert cells[5].shortfall == 1 and cells[6].shortfall == 2


def test_a_target_for_each_language_gives_one_row_per_language_and_a_language_of_its_own_wins(locales):
    CadenceTarget.objects.create(channel=Channel.NEWSLETTER, locale=None, count=1, period=Period.WEEK)
    CadenceTarget.objects.create(channel=Channel.NEWSLETTER, locale=locales["ar"], count=2, period=Period.WEEK)
    rows = cadence.report(TODAY)[Period.WEEK]
    assert sorted(r.language for r in rows) == sorted(locales)
    assert row(rows, Channel.NEWSLETTER, "ar").target.count == 2
    assert row(rows, Channel.NEWSLETTER, "en").target.count == 1


def test_sent_newsletter_issues_count_for_their_language(locales):
    CadenceTarget.objects.create(channel=Channel.NEWSLETTER, locale=locales["hi"], count=1, period=Period.WEEK)
    sent = timezone.make_aware(datetime.datetime.combine(MONDAY - datetime.timedelta(days=3), datetime.time(9)))
    NewsletterIssue.objects.create(language="hi", subject="Digest", sent_at=sent)
    NewsletterIssue.objects.create(language="bn", subject="Digest", sent_at=sent)
    cells = row(cadence.report(TODAY)[Period.WEEK], Channel.NEWSLETTER, "hi").cells
    assert [c.status for c in cells[:4]] == [cadence.MISSED, cadence.MISSED, cadence.MISSED, cadence.MET]


def test_a_news_item_scheduled_to_go_live_counts_once_even_when_a_planned_item_names_it(locales, admin_user):
    CadenceTarget.objects.create(channel=Channel.SITE_NEWS, locale=locales["en"], count=1, period=Period.MONTH)
    index = NewsIndexPage.objects.filter(locale=locales["en"]).first()
    news = index.get_children().live().first().specific
    go_live = timezone.make_aware(datetime.datetime.combine(datetime.date(2031, 4, 2), datetime.time(8)))
    news.save_revision(user=admin_user, approved_go_live_at=go_live)
    plan(locales["en"], datetime.date(2031, 4, 2), channel=Channel.SITE_NEWS, page=news.page_ptr)

    entries = cadence.entries(datetime.date(2031, 4, 1), datetime.date(2031, 5, 1))
    assert [(e.day, e.channel, e.language, e.state, e.page_id) for e in entries] == [
        (datetime.date(2031, 4, 2), Channel.SITE_NEWS, "en", "scheduled", news.pk)
    ]
    cells = row(cadence.report(TODAY)[Period.MONTH], Channel.SITE_NEWS, "en").cells
    assert [(c.window.start.month, c.count, c.status) for c in cells] == [
        (2, 0, cadence.MISSED),
        (3, 0, cadence.GAP),
        (4, 1, cadence.MET),
    ]


def test_the_calendar_grid_runs_monday_to_sunday_and_filters_by_channel_and_language(locales):
    plan(locales["fr"], datetime.date(2031, 3, 1), title="Post in French")
    plan(locales["ar"], datetime.date(2031, 3, 1), channel=Channel.PRESS, title="Press in Arabic")
    weeks = cadence.month_grid(2031, 3)
    assert weeks[0][0].day == datetime.date(2031, 2, 24) and not weeks[0][0].in_month
    assert all(len(week) == 7 for week in weeks) and weeks[-1][-1].day == datetime.date(2031, 4, 6)
    saturday = weeks[0][5]
    assert saturday.day == datetime.date(2031, 3, 1)
    assert [e.title for e in saturday.entries] == ["Post in French", "Press in Arabic"]
    only_press = cadence.month_grid(2031, 3, channel=Channel.PRESS)
    assert [e.title for e in only_press[0][5].entries] == ["Press in Arabic"]
    only_french = cadence.month_grid(2031, 3, language="fr")
    assert [e.title for e in only_french[0][5].entries] == ["Post in French"]


def test_collecting_entries_takes_the_same_queries_for_few_and_many_items(locales, django_assert_num_queries):
    plan(locales["fr"], TODAY)
    with django_assert_num_queries(5) as few:
        cadence.entries(MONDAY, MONDAY + datetime.timedelta(weeks=4))
    for offset in range(20):
        plan(locales["es"], day(offset))
    with django_assert_num_queries(len(few.captured_queries)):
        cadence.entries(MONDAY, MONDAY + datetime.timedelta(weeks=4))


# --- Who may plan and see it ----------------------------------------------------------------------


def test_editors_and_moderators_hold_the_planning_permissions_from_the_migration(editor, moderator, translator_fr):
    for group in ("Editors", "Moderators"):
        codenames = set(Group.objects.get(name=group).permissions.values_list("codename", flat=True))
        assert {"view_planneditem", "add_planneditem", "view_cadencetarget", "change_cadencetarget"} <= codenames
    assert editor.has_perm("news.add_planneditem") and moderator.has_perm("news.view_planneditem")
    assert not translator_fr.has_perm("news.view_planneditem")


@pytest.mark.parametrize("url", ["/admin/calendar/", "/admin/reports/cadence/"])
def test_editors_see_the_calendar_and_the_report(client, editor, url, locales):
    CadenceTarget.objects.create(channel=Channel.PRESS, locale=None, count=1, period=Period.MONTH)
    client.force_login(editor)
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<caption>" in content and 'scope="col"' in content


@pytest.mark.parametrize("url", ["/admin/calendar/", "/admin/reports/cadence/", "/admin/snippets/news/planneditem/"])
def test_translators_and_expert_reviewers_may_not_plan_nor_see_the_report(client, translator_fr, url):
    reviewer = UserFactory(groups=[EXPERT_REVIEWERS])
    for user in (translator_fr, reviewer):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert not response["Location"].startswith(url)
    assert client.post("/admin/snippets/news/planneditem/add/", {"title": "x"}).status_code in (302, 403)
    assert not PlannedItem.objects.exists()
    assert "/admin/calendar/" not in client.get("/admin/").content.decode()


def test_an_editor_plans_an_item_through_the_admin_and_the_report_counts_it(client, editor, locales):
    CadenceTarget.objects.create(channel=Channel.PRESS, locale=locales["fr"], count=1, period=Period.MONTH)
    client.force_login(editor)
    when = timezone.localdate() + datetime.timedelta(days=2)
    response = client.post(
        "/admin/snippets/news/planneditem/add/",
        {
            "channel": Channel.PRESS,
            "locale": locales["fr"].pk,
            "date": when.isoformat(),
            "title": "Op-ed in Le Monde",
            "status": PlannedItemStatus.PLANNED,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PlannedItem.objects.filter(title="Op-ed in Le Monde").exists()
    report = client.get("/admin/reports/cadence/")
    rows = [r for t in report.context["tables"] for r in t["rows"] if r.language == "fr"]
    assert rows and any(cell.count == 1 and cell.window.contains(when) for cell in rows[0].cells)
    calendar = client.get(f"/admin/calendar/?month={when:%Y-%m}")
    assert "Op-ed in Le Monde" in calendar.content.decode()


def test_the_calendar_and_the_report_render_in_arabic_right_to_left(client, editor, locales):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "ar"
    profile.save()
    plan(locales["ar"], timezone.localdate(), title="منشور")
    client.force_login(editor)
    response = client.get("/admin/calendar/")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'dir="rtl"' in content and "منشور" in content
    assert "تقويم التواصل" in content  # the page title, translated
    CadenceTarget.objects.create(channel=Channel.SOCIAL, locale=locales["ar"], count=1, period=Period.WEEK)
    report = client.get("/admin/reports/cadence/").content.decode()
    assert 'dir="rtl"' in report and "الأهداف الأسبوعية" in report and "الشبكات الاجتماعية" in report
