"""Query budgets (issue 17): every public page kind renders warm within its budget, and the admin
explorer within its own, with wagtail-localize's buttons read from the listing's query.

Warm means the second request of the same page (`tests.queries.warm_queries`): the caches
(content types, locales, and what is kept until any content changes: the sites, a path's routing
rows and the specific page it leads to, the chrome, what every reader of a page sees) are filled by
the first. The issue's targets
are home 12, listings 15, detail pages 12, the admin explorer 26 (bakerydemo's), the admin edit
view 41; each page's budget below is what it costs today, so any new query fails here first.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from wagtail.models import Page

from cms.factories import UserFactory
from home.models import StandardPage
from practices.factories import PracticePageFactory
from tests.queries import warm_queries

pytestmark = pytest.mark.django_db

# The page explorer at the root; the target is 26 (bakerydemo's). It no longer reads the
# sites rooted at each row, the rows' parent (no such column), the page types of its filter nor each
# page type's own table (`cms.explorer.ExplorerIndexView`, `cms.explorer.SpecificRows`).
EXPLORER = 18
# A folder of standard pages, 10 or 500 of them: Wagtail's listing asks more about a folder (its
# revisions, translations, usage) than about the root.
EXPLORER_FOLDER = 25
# The admin edit view of a practice; the target is 41. Each many-to-many field's choices are
# read once though the editor renders them twice (`cms.page_forms.ReadOnceChoiceIterator`), the
# practice's keywords once (`practices.models.practice.PracticePageForm`), the workflow in one query
# rather than four (`cms.models.pages.BasePage.get_workflow`); it no longer reads each of the 9
# translations' content type again (`cms.models.pages.PageQuerySet.only`).
EDIT = 41


def first_url(model: str, language: str = "en") -> str:
    page = apps.get_model(model).objects.live().public().filter(locale__language_code=language).order_by("path")
    return page.first().url


# kind → (where the page is, budget)
PAGES = {
    "home": (lambda: "/en/", 3),
    "home_ar": (lambda: "/ar/", 3),
    "standard_page": (lambda: first_url("home.StandardPage"), 0),
    # What every reader sees and depends only on content is kept until any content changes: the
    # home page's flagship, practices, map and stories (`home.front_door.sections`), the practices
    # catalogue of the listing (`practices.browsing.catalogue`), a practice's and a news item's
    # panels (`BasePage.readers_context`), search's hidden pages (`search.visibility`).
    # The practices listing: the cards' keywords and countries are the facet's (`PracticeBrowser._for_cards`).
    "practices_index": (lambda: first_url("practices.PracticeIndexPage"), 1),
    "practices_filtered": (lambda: first_url("practices.PracticeIndexPage") + "?theme=health&sort=title", 1),
    # A practice: its reviews, countries, related practices, "adapted elsewhere" reports, the
    # recommendations it puts into practice, recognized voices and engaged members (one each when
    # read; `tests/practices/test_pages.py` counts that too); its themes, goals and keywords in the
    # reader's language are one query (`practice_terms`), so Arabic costs what English does.
    "practice": (lambda: "/en/practices/housing-first-finland/", 0),
    "practice_ar": (lambda: "/ar/practices/housing-first-finland/", 0),
    # A practice with key figures costs the same: they are a column of its row (issue 23).
    "practice_key_figures": (lambda: "/en/practices/m-pesa-mobile-money/", 0),
    "practice_key_figures_ar": (lambda: "/ar/practices/m-pesa-mobile-money/", 0),
    # The demo report and brief have a theme (issue 20): their generated cover reads its colour (one query).
    "report": (lambda: first_url("reports.ReportPage"), 3),
    # A chapter: + the topic proposals it answers, + its previous and next chapters; a brief: + the
    # topic proposals, + the practices that put its recommendations into practice.
    "chapter": (lambda: first_url("reports.ChapterPage"), 6),
    "brief": (lambda: first_url("reports.PolicyBriefPage"), 7),
    "news_index": (lambda: first_url("news.NewsIndexPage"), 3),
    "news_item": (lambda: first_url("news.NewsPage"), 0),
    "events_index": (lambda: first_url("events.EventsIndexPage"), 6),
    "forum_edition": (lambda: first_url("events.ForumEditionPage"), 1),
    "awards": (lambda: first_url("events.AwardEditionPage"), 7),
    "day": (lambda: first_url("events.SocialProgressDayPage"), 2),
    "consultation": (lambda: first_url("community.ConsultationPage"), 2),
    "topic_proposals": (lambda: first_url("community.TopicProposalIndexPage"), 8),
    "members": (lambda: "/en/members/", 8),
    # Search: its language's locale is cached (`cms.locales`), the query's count is queued
    # (`search.results.count_search`), the results' texts are kept (`search.texts.shown_texts`): the
    # editors' picks, the type counts, the members counted, the results, the queued count.
    "search": (lambda: "/en/search/?q=housing", 5),
    "reports_index": (lambda: first_url("reports.ReportIndexPage"), 5),
    # All recommendations: + the practices that put them into practice (two queries).
    "recommendations": (lambda: first_url("reports.ReportIndexPage") + "recommendations/", 9),
    "toolkit": (lambda: first_url("reports.ToolkitPage"), 0),
    "forum_index": (lambda: first_url("events.ForumIndexPage"), 3),
    "awards_index": (lambda: first_url("events.AwardsIndexPage"), 1),
    "consultations_index": (lambda: first_url("community.ConsultationIndexPage"), 2),
    "take_part": (lambda: first_url("community.TakePartPage"), 7),
    "communities_index": (lambda: first_url("community.CommunityIndexPage"), 2),
    # A community: its row with its theme's name and its members counted, its discussion, its
    # coordinators, practices, recognized voices, the chapters of the reports on its theme, the
    # briefs' recommendations on it, and its open consultations with the coming events of its
    # region (one query for both): one each. A partner: + the content it relayed through the share
    # kits (two queries). The directory: where partners are by region and country is one aggregate.
    "community": (lambda: first_url("community.CommunityPage"), 8),
    "partners_index": (lambda: first_url("community.PartnerIndexPage"), 7),
    "partner": (lambda: first_url("community.PartnerPage"), 8),
}


@pytest.mark.parametrize("kind", PAGES)
def test_every_public_page_kind_renders_within_its_query_budget(client, task_worker, kind):
    """With production's task queue: what a page queues (search counts its query) is one insert."""
    where, budget = PAGES[kind]
    assert len(warm_queries(client, where())) <= budget


def test_admin_explorer_stays_within_its_budget(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert len(warm_queries(client, "/admin/pages/")) <= EXPLORER


def explorer_queries(client, parent: Page) -> int:
    return len(warm_queries(client, f"/admin/pages/{parent.pk}/"))


def test_admin_explorer_queries_do_not_grow_with_the_number_of_children(client, english_home):
    """A folder of 10 pages and one of 500 cost the same: nothing is asked page by page.

    The 490 more are inserted in bulk (`cms.bulk_pages`), as `folder.add_child` leaves a new page:
    live, without a revision, its creation logged; a full save of each was most of this test's time."""
    from cms import bulk_pages
    from home.factories import StandardPageFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    folder = StandardPageFactory(parent=english_home, slug="explorer-folder")
    for number in range(10):
        StandardPageFactory(parent=folder, slug=f"child-{number}")
    few = explorer_queries(client, folder)
    folder.refresh_from_db()
    more = [
        StandardPage(title=f"Child {number}", slug=f"child-{number}", locale_id=folder.locale_id)
        for number in range(10, 500)
    ]
    bulk_pages.add_children(folder, more)
    bulk_pages.log_entries(more, "wagtail.create", content_changed=True)
    assert folder.get_children().count() == 500
    many = explorer_queries(client, folder)
    assert many == few
    assert many <= EXPLORER_FOLDER


def test_admin_edit_view_of_a_practice_stays_within_its_budget(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    practices = apps.get_model("practices.PracticePage").objects.filter(locale__language_code="en")
    practice = practices.get(url_path__endswith="/housing-first-finland/")
    assert len(warm_queries(client, f"/admin/pages/{practice.pk}/edit/")) <= EDIT


def test_admin_edit_view_queries_do_not_grow_with_a_practices_choices(client, locales):
    """A practice with one country, theme, goal and keyword, and the same practice with many of each,
    cost the same to edit: choices and chosen values are read field by field, not row by row."""
    from cms.models import Country, Theme
    from practices.models import Keyword, SustainableDevelopmentGoal

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    index = apps.get_model("practices.PracticeIndexPage").objects.get(locale=locales["en"])
    practice = PracticePageFactory(parent=index, slug="edit-view-queries")
    url = f"/admin/pages/{practice.pk}/edit/"

    def choose(count: int) -> None:
        practice.countries.set(Country.objects.order_by("code")[:count])
        practice.themes.set(Theme.objects.filter(locale=locales["en"]).order_by("slug")[:count])
        practice.sdgs.set(SustainableDevelopmentGoal.objects.filter(locale=locales["en"]).order_by("number")[:count])
        practice.keywords.set(Keyword.objects.filter(locale=locales["en"]).order_by("slug")[:count])
        practice.save_revision()  # the editor shows the latest revision

    choose(1)
    practice.save_revision()  # so that both revisions below name a previous one
    few = len(warm_queries(client, url))
    choose(6)
    assert len(practice.get_latest_revision_as_object().keywords.all()) == 6
    assert len(warm_queries(client, url)) == few


def test_explorer_buttons_are_wagtail_localizes_for_every_page(locales):
    """Read from the listing's annotations, the buttons are the ones wagtail-localize's hook gives."""
    from wagtail_localize import wagtail_hooks as localize_hooks

    from cms import explorer

    user = UserFactory(is_superuser=True, is_staff=True)
    PracticePageFactory(
        parent=apps.get_model("practices.PracticeIndexPage").objects.get(locale=locales["en"]), slug="only-in-english"
    )
    pages = list(
        explorer.annotate_explorer_pages(None, Page.objects.filter(depth__in=[2, 3, 4]).order_by("path"), None)
    )
    assert len(pages) > 100

    def described(buttons):
        return sorted((str(button.label), button.url) for button in buttons)

    shown = [described(explorer.page_listing_more_buttons(page, user, next_url="/x/")) for page in pages]
    expected = [described(localize_hooks.page_listing_more_buttons(page, user, next_url="/x/")) for page in pages]
    assert any(shown)  # the comparison is not between empty lists
    assert shown == expected
    plain = list(Page.objects.filter(pk__in=[page.pk for page in pages]).order_by("path"))  # a page's header
    assert [described(explorer.page_listing_more_buttons(page, user, next_url="/x/")) for page in plain] == [
        described(localize_hooks.page_listing_more_buttons(page, user, next_url="/x/")) for page in plain
    ]


def test_admin_explorer_queries_do_not_grow_with_the_number_of_children_for_an_editor(client, english_home, editor):
    """An editor may edit but not publish: whether each row may be moved or deleted depends on the
    live pages under it, which the listing's query answers for every row (`RowPermissionTester`)."""
    from home.factories import StandardPageFactory

    client.force_login(editor)
    folder = StandardPageFactory(parent=english_home, slug="editor-explorer-folder")
    for number in range(3):
        StandardPageFactory(parent=folder, slug=f"child-{number}", live=number % 2 == 0)
    few = explorer_queries(client, folder)
    for number in range(3, 30):
        StandardPageFactory(parent=folder, slug=f"child-{number}", live=number % 2 == 0)
    assert explorer_queries(client, folder) == few


def test_row_permissions_are_wagtails_for_every_page_and_user(english_home, editor, moderator):
    """Moving and deleting, as the explorer's rows answer them, are what Wagtail answers for the same
    page and user: live and draft leaves, folders with and without a live page under them."""
    from wagtail.models import PagePermissionTester

    from cms import explorer
    from home.factories import StandardPageFactory

    drafts = StandardPageFactory(parent=english_home, slug="row-permissions-drafts", live=False)
    StandardPageFactory(parent=drafts, slug="draft-child", live=False)
    mixed = StandardPageFactory(parent=english_home, slug="row-permissions-mixed", live=False)
    StandardPageFactory(parent=mixed, slug="live-child", live=True)
    StandardPageFactory(parent=english_home, slug="row-permissions-draft-leaf", live=False)
    StandardPageFactory(parent=english_home, slug="row-permissions-live-leaf", live=True)
    rows = list(
        Page.objects.filter(depth__in=[2, 3, 4], path__startswith=english_home.path)
        .annotate(**{explorer.SUBTREE_HAS_LIVE: explorer.subtree_has_live_page()})
        .order_by("path")
    )
    assert any(not getattr(row, explorer.SUBTREE_HAS_LIVE) for row in rows)  # both answers occur
    assert any(getattr(row, explorer.SUBTREE_HAS_LIVE) for row in rows)
    superuser = UserFactory(is_superuser=True, is_staff=True)
    inactive = UserFactory(groups=[editor.groups.get()], is_active=False)
    for user in (editor, moderator, superuser, inactive):
        for row in rows:
            theirs, ours = PagePermissionTester(user, row), explorer.RowPermissionTester(user, row)
            for bulk in (False, True):
                assert ours.can_delete(ignore_bulk=bulk) == theirs.can_delete(ignore_bulk=bulk), (user, row, bulk)
            assert ours.can_move() == theirs.can_move(), (user, row)
    assert any(explorer.RowPermissionTester(editor, row).can_move() for row in rows)  # not all refused
