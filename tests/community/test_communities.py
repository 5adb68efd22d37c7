"""Communities of practice: pages, membership, discussion, coordinators' object-level permissions,
proposals approved by editors, the monthly digest, query counts and accessibility."""

from __future__ import annotations

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from cms.demo import SeedContext
from community.communities import demo as communities_demo
from community.communities import digest
from community.factories import (
    CommentFactory,
    CommunityFactory,
    CommunityPageFactory,
    MemberProfileFactory,
    MembershipFactory,
    ParticipantFactory,
)
from community.models import (
    Comment,
    CommentStatus,
    Community,
    CommunityIndexPage,
    CommunityPage,
    CommunityState,
    Membership,
    MembershipStatus,
)
from tests.queries import warm_queries
from tests.tooling import axe_violations, html_errors


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def index_en(db):
    return CommunityIndexPage.objects.get(locale__language_code="en")


def new_community(index, *, membership="open", moderation="post", coordinator=None, **kwargs) -> CommunityPage:
    community = CommunityFactory(membership=membership, moderation=moderation, **kwargs)
    page = CommunityPageFactory(parent=index, community=community)
    if coordinator is not None:
        MembershipFactory(community=community, user=coordinator, is_coordinator=True)
    return page


def url(page: CommunityPage, route: str = "") -> str:
    return page.url + (page.reverse_subpage(route).lstrip("/") if route else "")


@pytest.fixture
def coordinator(db):
    return MemberProfileFactory(user=ParticipantFactory(username="coordinator-a")).user


@pytest.fixture
def moderated(index_en, coordinator):
    return new_community(index_en, membership="moderated", coordinator=coordinator)


# --- Pages


def test_the_demo_has_six_communities_in_every_language_across_regions(db):
    communities = Community.objects.filter(state=CommunityState.APPROVED)
    assert communities.count() >= 6
    assert {"open", "moderated"} <= set(communities.values_list("membership", flat=True))
    assert len(set(communities.exclude(region="").values_list("region", flat=True))) >= 5
    for community in communities:
        assert community.memberships.filter(is_coordinator=True).exists()
        assert community.memberships.filter(status=MembershipStatus.ACTIVE).count() >= 3
    assert Comment.objects.filter(community__isnull=False, status=CommentStatus.APPROVED).count() >= 5
    for language in ("en", "ar", "zh-hans", "ur"):
        assert CommunityPage.objects.live().filter(locale__language_code=language).count() >= 6


def test_seeding_the_demo_again_changes_nothing(db):
    before = (Community.objects.count(), Membership.objects.count(), Comment.objects.count())
    context = SeedContext(log=lambda _message: None, admin=get_user_model().objects.get(username="admin"))
    communities_demo.seed(context)
    assert context.created == context.translated == 0
    assert (Community.objects.count(), Membership.objects.count(), Comment.objects.count()) == before


def test_the_index_lists_communities_with_facets(client, db):
    response = client.get("/en/communities/")
    assert response.status_code == 200
    assert response.context["results"]
    assert "Housing in South Asian cities" in response.content.decode()
    africa = client.get("/en/communities/?region=002")
    titles = [item.title for item in africa.context["results"]]
    assert titles == ["Informal work in African cities"]
    gender = client.get("/en/communities/?theme=gender")
    assert [item.title for item in gender.context["results"]] == ["Gender equality at work"]


def test_a_community_page_is_translated_and_reads_right_to_left_in_arabic(client, db):
    response = client.get("/ar/communities/housing-in-south-asian-cities/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'dir="rtl"' in body
    assert "السكن في مدن جنوب آسيا" in body
    # A Hindi message in the Arabic page carries its own language.
    assert 'lang="hi"' in body


def test_a_community_page_lists_the_chapters_and_recommendations_on_its_theme(client, db):
    """The demo report is on democracy and the demo brief on work: each community on that theme
    lists them, in the reader's language; a community on another theme lists neither."""
    democracy = client.get("/en/communities/local-democracy-in-european-cities/").content.decode()
    assert 'id="chapters-heading"' in democracy
    assert "/en/reports/rethinking-society/chapter-1/" in democracy
    assert 'id="recommendations-heading"' not in democracy
    work = client.get("/fr/communities/informal-work-in-african-cities/").content.decode()
    assert "Recommandations sur ce thème" in work
    assert 'href="/fr/reports/reducing-inequality/#recommendation-r2"' in work
    assert 'id="chapters-heading"' not in work
    housing = client.get("/en/communities/housing-in-south-asian-cities/").content.decode()
    assert 'id="chapters-heading"' not in housing and 'id="recommendations-heading"' not in housing


def test_the_related_chapters_and_recommendations_cost_the_same_for_more_of_them(client, db):
    from cms.models import Theme
    from reports.factories import ChapterPageFactory, PolicyBriefPageFactory, ReportPageFactory
    from reports.models import ReportIndexPage

    path = "/en/communities/local-democracy-in-european-cities/"
    small = _count(client, path)
    index = ReportIndexPage.objects.get(locale__language_code="en")
    democracy = Theme.objects.get(locale=index.locale, slug="democracy")
    for _number in range(3):
        report = ReportPageFactory(parent=index, theme=democracy)
        for _chapter in range(4):
            ChapterPageFactory(parent=report)
        PolicyBriefPageFactory(parent=index, theme=democracy)
    assert _count(client, path) == small


def test_the_page_shows_composition_by_region_and_sector(client, db):
    response = client.get("/en/communities/informal-work-in-african-cities/")
    composition = response.context["composition"]
    assert composition["total"] == 5
    assert composition["regions"]
    assert {name for name, _count in composition["sectors"]} >= {"Research", "Policy"}
    members = client.get("/en/communities/informal-work-in-african-cities/members/")
    assert members.status_code == 200
    assert "Amara Okafor" in members.content.decode()
    # Someone who only asked to join is not listed.
    assert "Aline" not in members.content.decode()


# --- Joining


def test_a_participant_joins_an_open_community_and_posts_at_once(client, participant, index_en, coordinator):
    page = new_community(index_en, coordinator=coordinator)
    client.force_login(participant)
    response = client.post(url(page, "join"))
    assert response.status_code == 302
    assert Membership.objects.get(community=page.community, user=participant).status == MembershipStatus.ACTIVE
    response = client.post(url(page, "comment"), {"body": "Hello from Nairobi"})
    assert response.status_code == 302
    comment = Comment.objects.get(community=page.community)
    assert comment.status == CommentStatus.APPROVED
    assert "Hello from Nairobi" in client.get(page.url).content.decode()


def test_a_member_chooses_the_sector_they_count_in_when_joining(client, participant, index_en, coordinator):
    from community.communities.services import sector_of

    page = new_community(index_en, coordinator=coordinator)
    client.force_login(participant)
    body = client.get(page.url).content.decode()
    assert 'name="sector"' in body and "Your sector" in body
    suggested = sector_of(participant)
    assert client.get(page.url).context["join_form"].initial == {"sector": suggested}
    assert client.post(url(page, "join"), {"sector": "business"}).status_code == 302
    assert Membership.objects.get(community=page.community, user=participant).sector == "business"
    composition = client.get(page.url).context["composition"]
    assert ("Business", 1) in composition["sectors"]

    other, unsure = ParticipantFactory(), ParticipantFactory()
    client.force_login(other)
    client.post(url(page, "join"), {"sector": ""})
    assert Membership.objects.get(community=page.community, user=other).sector == ""
    client.force_login(unsure)
    client.post(url(page, "join"), {"sector": "astrology"})  # not a choice: the profile's role decides
    assert Membership.objects.get(community=page.community, user=unsure).sector == sector_of(unsure)


def test_the_directory_folds_its_filters_behind_a_disclosure_that_counts_them(client, db):
    body = client.get("/en/communities/").content.decode()
    assert '<details class="filters-disclosure" data-filters-disclosure>' in body
    assert '<summary class="filters-disclosure__summary">Filters</summary>' in body
    body = client.get("/en/communities/?region=142&theme=health").content.decode()
    assert '<summary class="filters-disclosure__summary">Filters (2)</summary>' in body


def test_a_community_page_lists_the_coming_events_of_its_region(client, db):
    import datetime

    from events.factories import ForumEditionPageFactory
    from events.models import ForumIndexPage

    forums = ForumIndexPage.objects.get(locale__language_code="en")
    soon = datetime.date.today() + datetime.timedelta(days=40)
    ForumEditionPageFactory(parent=forums, title="Forum in Kathmandu", continent="asia", start_date=soon)
    ForumEditionPageFactory(parent=forums, title="Forum in Lisbon", continent="europe", start_date=soon)
    ForumEditionPageFactory(
        parent=forums, title="A past forum in Pune", continent="asia", start_date=soon.replace(year=2020)
    )

    asian = client.get("/en/communities/housing-in-south-asian-cities/")
    titles = [event.page.title for event in asian.context["events"]]
    assert "Forum in Kathmandu" in titles and "Forum in Lisbon" not in titles and "A past forum in Pune" not in titles
    assert all(event.upcoming and event.continent in ("asia", "") for event in asian.context["events"])
    assert 'id="events-heading"' in asian.content.decode()
    european = client.get("/en/communities/local-democracy-in-european-cities/").context["events"]
    assert "Forum in Lisbon" in [event.page.title for event in european]


def test_a_non_member_cannot_post(client, participant, index_en, coordinator):
    page = new_community(index_en, coordinator=coordinator)
    client.force_login(participant)
    response = client.post(url(page, "comment"), {"body": "Let me in"})
    assert response.status_code == 403
    assert not Comment.objects.filter(community=page.community).exists()


def test_joining_needs_an_account_and_a_post(client, index_en, coordinator):
    page = new_community(index_en, coordinator=coordinator)
    response = client.post(url(page, "join"))
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    client.force_login(coordinator)
    assert client.get(url(page, "join")).status_code == 405


def test_asking_to_join_a_moderated_community_waits_for_a_coordinator(
    client, participant, moderated, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(participant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(moderated, "join"))
    membership = Membership.objects.get(community=moderated.community, user=participant)
    assert membership.status == MembershipStatus.PENDING
    assert [message.to for message in mailoutbox] == [[coordinator.email]]
    response = client.post(url(moderated, "comment"), {"body": "Too early"})
    assert response.status_code == 403

    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(moderated, "coordinate") + f"members/{membership.pk}/", {"action": "admit"})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert mailoutbox[-1].to == [participant.email]


# --- Object-level permissions


def test_a_coordinator_of_one_community_cannot_admit_or_moderate_in_another(client, index_en, coordinator, moderated):
    other_coordinator = ParticipantFactory()
    other = new_community(index_en, membership="moderated", coordinator=other_coordinator)
    applicant = ParticipantFactory()
    waiting = Membership.objects.create(community=other.community, user=applicant, status=MembershipStatus.PENDING)
    member = MembershipFactory(community=other.community).user
    comment = CommentFactory(community=other.community, author=member, status=CommentStatus.APPROVED)

    client.force_login(coordinator)  # coordinates `moderated`, not `other`
    assert client.get(url(other, "coordinate")).status_code == 403
    assert client.post(url(other, "coordinate") + f"members/{waiting.pk}/", {"action": "admit"}).status_code == 403
    response = client.post(url(other, "coordinate") + f"comments/{comment.pk}/", {"action": "hide", "reason": "x"})
    assert response.status_code == 403
    assert client.post(url(other, "rules"), {"membership": "open", "moderation": "pre"}).status_code == 403
    # Through their own community's routes, another community's objects are not found either.
    own = url(moderated, "coordinate")
    client.post(own + f"members/{waiting.pk}/", {"action": "admit"})
    assert client.post(own + f"comments/{comment.pk}/", {"action": "hide", "reason": "x"}).status_code == 403
    waiting.refresh_from_db()
    comment.refresh_from_db()
    other.community.refresh_from_db()
    assert waiting.status == MembershipStatus.PENDING
    assert comment.status == CommentStatus.APPROVED
    assert other.community.membership == "moderated"


def test_members_and_visitors_cannot_coordinate(client, participant, moderated):
    MembershipFactory(community=moderated.community, user=participant)
    client.force_login(participant)
    assert client.get(url(moderated, "coordinate")).status_code == 403
    client.logout()
    response = client.get(url(moderated, "coordinate"))
    assert response.status_code == 302 and "/account/login/" in response["Location"]


def test_a_coordinator_hides_a_message_and_chooses_pre_moderation(client, moderated, coordinator, participant):
    MembershipFactory(community=moderated.community, user=participant)
    comment = CommentFactory(community=moderated.community, author=participant)
    client.force_login(coordinator)
    page = client.get(url(moderated, "coordinate"))
    assert page.status_code == 200
    refused = client.post(url(moderated, "coordinate") + f"comments/{comment.pk}/", {"action": "hide"})
    assert refused.status_code == 302
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED  # hiding needs a reason
    client.post(url(moderated, "coordinate") + f"comments/{comment.pk}/", {"action": "hide", "reason": "Off topic"})
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN
    client.post(url(moderated, "rules"), {"membership": "moderated", "moderation": "pre"})
    moderated.community.refresh_from_db()
    assert moderated.community.moderation == "pre"

    client.force_login(participant)
    client.post(url(moderated, "comment"), {"body": "Waiting for approval"})
    assert Comment.objects.get(body="Waiting for approval").status == CommentStatus.PENDING
    assert "Waiting for approval" in client.get(moderated.url).content.decode()  # shown to its author
    assert "Waiting for approval" not in Client().get(moderated.url).content.decode()


def test_the_last_coordinator_cannot_be_removed(client, moderated, coordinator):
    membership = Membership.objects.get(community=moderated.community, user=coordinator)
    client.force_login(coordinator)
    client.post(url(moderated, "coordinate") + f"members/{membership.pk}/", {"action": "remove"})
    assert Membership.objects.filter(pk=membership.pk).exists()


# --- Proposing and approving


def test_a_member_proposes_and_an_editor_approves_into_a_draft_page(client, participant, editor):
    client.force_login(participant)
    data = {
        "name": "Water in Andean towns",
        "description": "Sharing how small towns manage drinking water.",
        "theme": "environment",
        "region": "019",
        "membership": "moderated",
        "language": "en",
    }
    response = client.post("/en/communities/propose/", data)
    assert response.status_code == 302
    community = Community.objects.get(name="Water in Andean towns")
    assert community.state == CommunityState.PROPOSED
    assert client.post(f"/admin/communities/decide/{community.pk}/", {"action": "approve"}).status_code == 302
    community.refresh_from_db()
    assert community.state == CommunityState.PROPOSED  # participants cannot approve

    client.force_login(editor)
    response = client.post(f"/admin/communities/decide/{community.pk}/", {"action": "approve"})
    assert response.status_code == 302
    community.refresh_from_db()
    assert community.state == CommunityState.APPROVED
    page = CommunityPage.objects.get(community=community)
    assert not page.live
    assert Membership.objects.get(community=community, user=participant).is_coordinator


def test_a_proposal_needs_a_theme_or_a_region_and_bots_are_ignored(client, participant):
    client.force_login(participant)
    data = {"name": "Anything", "description": "Text", "membership": "open", "language": "en"}
    assert client.post("/en/communities/propose/", data).status_code == 400
    spam = {**data, "theme": "work", "homepage": "http://spam.example"}
    assert client.post("/en/communities/propose/", spam).status_code == 302
    assert not Community.objects.filter(name="Anything").exists()


# --- The digest


def test_the_monthly_digest_reaches_members_in_their_language_once(
    db, index_en, coordinator, mailoutbox, django_capture_on_commit_callbacks
):
    page = new_community(index_en, coordinator=coordinator)
    french = MembershipFactory(community=page.community, user=ParticipantFactory(preferred_language="fr")).user
    CommentFactory(community=page.community, author=coordinator, body="Monthly news")
    with django_capture_on_commit_callbacks(execute=True):
        assert digest.send(page.community) == 2
    by_recipient = {message.to[0]: message for message in mailoutbox}
    assert set(by_recipient) == {coordinator.email, french.email}
    assert "Monthly news" in by_recipient[french.email].body
    assert "Lisez la discussion" in by_recipient[french.email].body or "/fr/" in by_recipient[french.email].body
    with django_capture_on_commit_callbacks(execute=True):
        assert digest.send(page.community) == 0  # nothing new since


# --- Query counts


def _count(client, path) -> int:
    return len(warm_queries(client, path))


def test_listing_and_pages_cost_the_same_for_10_and_200_items(client, index_en, coordinator, participant):
    page = new_community(index_en, coordinator=coordinator)
    for _number in range(10):
        CommentFactory(community=page.community, author=MembershipFactory(community=page.community).user)
    client.force_login(participant)
    small = {path: _count(client, path) for path in ("/en/communities/", page.url, url(page, "members"))}
    for _number in range(190):
        CommentFactory(community=page.community, author=MembershipFactory(community=page.community).user)
    for _number in range(20):
        new_community(index_en, coordinator=ParticipantFactory())
    large = {path: _count(client, path) for path in small}
    assert large == small


def test_a_community_page_costs_the_same_for_few_or_many_voices_coordinators_events_and_consultations(client, db):
    """Its members, recognized voices, coordinators, the coming events of its region and the open
    consultations: two or many of each cost the same."""
    from cms.models import Theme
    from community.factories import ConsultationPageFactory
    from community.models import ConsultationIndexPage
    from events.factories import ForumEditionPageFactory
    from events.models import ForumIndexPage

    path = "/en/communities/housing-in-south-asian-cities/"
    page = CommunityPage.objects.get(url_path__endswith="/housing-in-south-asian-cities/", locale__language_code="en")
    few = _count(client, path)
    theme = Theme.objects.get(locale=page.locale, slug=page.community.theme_slug)
    for _number in range(8):
        MemberProfileFactory().recognized_themes.add(theme)
        MembershipFactory(community=page.community, is_coordinator=True, sector="policy")
    forums = ForumIndexPage.objects.get(locale=page.locale)
    soon = datetime.date.today() + datetime.timedelta(days=40)
    for number in range(5):
        ForumEditionPageFactory(parent=forums, continent="asia", start_date=soon + datetime.timedelta(days=number))
    consultations = ConsultationIndexPage.objects.get(locale=page.locale)
    for _number in range(5):
        ConsultationPageFactory(parent=consultations)
    response = client.get(path)
    assert len(response.context["events"]) == len(response.context["consultations"]) == 3
    assert len(response.context["voices"]) == 6
    assert _count(client, path) == few


# --- HTML and accessibility


def rendered_pages(client) -> dict[str, bytes]:
    """Every new page in English and Arabic, as the demo coordinator of the housing community sees them."""
    client.force_login(get_user_model().objects.get(username="member-priya"))
    pages = {}
    for language in ("en", "ar"):
        base = f"/{language}/communities/"
        for path in (
            base,
            base + "?region=142",
            base + "housing-in-south-asian-cities/",
            base + "housing-in-south-asian-cities/members/",
            base + "housing-in-south-asian-cities/coordinate/",
            base + "gender-equality-at-work/",
            base + "informal-work-in-african-cities/",  # with a brief's recommendations
            base + "local-democracy-in-european-cities/",  # with a report's chapters
            base + "propose/",
        ):
            response = client.get(path)
            assert response.status_code == 200, path
            pages[path] = response.content
        response = client.post(base + "propose/", {"name": ""})
        assert response.status_code == 400
        pages[base + "propose/ (errors)"] = response.content
    client.logout()
    pages["/ar/ logged out"] = client.get("/ar/communities/gender-equality-at-work/").content
    return pages


def test_the_pages_have_no_html_errors(client, db):
    assert html_errors(rendered_pages(client)) == []


@pytest.mark.browser
def test_the_pages_have_no_accessibility_violations(client, db):
    assert axe_violations(rendered_pages(client)) == {}


def test_the_digest_command_queues_each_community_once(db, mailoutbox, django_capture_on_commit_callbacks):
    housing = Community.objects.get(name="Housing in South Asian cities")
    CommentFactory(community=housing, author=housing.memberships.first().user, body="News of the month")
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_community_digests", stdout=output)
    assert "Digests queued for" in output.getvalue()
    assert mailoutbox
    assert {message.subject for message in mailoutbox} >= {"This month in “Housing in South Asian cities”"}
    sent = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_community_digests", stdout=io.StringIO())
    assert len(mailoutbox) == sent
