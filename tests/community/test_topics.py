"""Choosing the next topics, through HTTP: proposing, supporting, ranking and filtering, the
moderators' state changes in the admin (history and e-mails), permissions, rate limits, query
budget, and valid, accessible pages in English and Arabic."""

from __future__ import annotations

import datetime
import html

import pytest
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone, translation
from django.utils.timesince import timeuntil

from cms import geography
from cms.models import Theme
from community.factories import ParticipantFactory, TopicProposalFactory
from community.models import Comment, CommentStatus, ProposalState, TopicProposal, TopicStateChange, TopicSupport
from community.topics import limits, services
from tests.queries import warm_queries
from tests.tooling import axe_violations, html_errors

VALID = {
    "title": "Housing for young workers in secondary cities",
    "kind": "brief",
    "description": "Rents in secondary cities have doubled in ten years.\nWhat policies keep them affordable?",
    "themes": ["cities", "inequality"],
    "language": "en",
}


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def index_url(language: str = "en") -> str:
    return f"/{language}/topics/"


def proposal_url(proposal, language: str = "en", route: str = "") -> str:
    return f"{index_url(language)}{proposal.pk}/{route + '/' if route else ''}"


def supporters(*regions: str) -> list:
    return [ParticipantFactory(region=region) for region in regions]


def add_supports(proposal, users) -> None:
    for user in users:
        assert services.support(proposal, user)
    proposal.refresh_from_db()


def region(code: str, language: str) -> str:
    return html.escape(geography.region_name(code, language))


# --- Proposing


def test_a_logged_out_visitor_is_sent_to_the_login_page_to_propose(client, db):
    response = client.get(index_url() + "propose/")
    assert response.status_code == 302
    assert response.url.startswith("/en/account/login/?next=/en/topics/propose/")
    response = client.post(index_url() + "propose/", VALID)
    assert response.status_code == 302 and "/account/login/" in response.url
    assert not TopicProposal.objects.filter(title=VALID["title"]).exists()


def test_a_participant_proposes_a_topic_and_it_is_listed_in_every_language(client, participant):
    client.force_login(participant)
    assert client.get(index_url("fr") + "propose/").status_code == 200
    response = client.post(index_url("fr") + "propose/", {**VALID, "language": "en"})
    proposal = TopicProposal.objects.get(title=VALID["title"])
    assert response.status_code == 302 and response.url == proposal_url(proposal, "fr")
    assert proposal.proposer == participant and proposal.proposer_region == participant.region
    assert proposal.state == ProposalState.SUBMITTED and proposal.language == "en"
    assert {theme.slug for theme in proposal.themes.all()} == {"cities", "inequality"}
    assert {theme.locale.language_code for theme in proposal.themes.all()} == {"fr"}
    for language in ("en", "ar", "zh-hans"):
        page = client.get(index_url(language)).content.decode()
        assert f'id="proposal-{proposal.pk}-title" lang="en" dir="ltr"' in page
        assert VALID["title"] in page


def test_a_proposal_in_arabic_reads_right_to_left_on_the_english_pages(client, db):
    proposal = TopicProposalFactory(title="التعليم في المخيمات", language="ar")
    for url in (index_url("en"), proposal_url(proposal, "en")):
        assert f'id="proposal-{proposal.pk}-title" lang="ar" dir="rtl"' in client.get(url).content.decode()


def test_a_proposal_with_errors_comes_back_with_the_typed_text(client, participant):
    client.force_login(participant)
    response = client.post(index_url() + "propose/", {**VALID, "themes": [], "title": "Care  <b>work</b>"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="form-errors"' in page and 'href="#id_themes_0"' in page
    assert 'value="Care  &lt;b&gt;work&lt;/b&gt;"' in page  # kept, and escaped
    assert html.escape(VALID["description"]) in page
    assert 'aria-describedby="id_themes_error"' in page
    assert not TopicProposal.objects.filter(proposer=participant).exists()


def test_proposals_are_plain_text(client, participant):
    client.force_login(participant)
    client.post(index_url() + "propose/", {**VALID, "title": "<script>alert(1)</script> Topic"})
    proposal = TopicProposal.objects.get(proposer=participant)
    page = client.get(proposal_url(proposal)).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Topic" in page


def test_a_bot_filling_the_hidden_field_creates_nothing(client, participant):
    client.force_login(participant)
    response = client.post(index_url() + "propose/", {**VALID, "homepage": "https://spam.example"})
    assert response.status_code == 302
    assert not TopicProposal.objects.filter(proposer=participant).exists()


def test_three_proposals_a_day_per_participant_and_per_address(client, participant, other_participant):
    client.force_login(participant)
    for number in range(3):
        response = client.post(index_url() + "propose/", {**VALID, "title": f"Topic {number}"})
        assert response.status_code == 302
    response = client.post(index_url() + "propose/", {**VALID, "title": "Topic 4"})
    assert response.status_code == 429
    assert 23 * 3600 < int(response["Retry-After"]) <= 24 * 3600
    assert 'value="Topic 4"' in response.content.decode()  # what was typed is kept
    # The same participant from another address, and another participant from the same address.
    assert (
        client.post(index_url() + "propose/", {**VALID, "title": "Topic 5"}, REMOTE_ADDR="198.51.100.7").status_code
        == 429
    )
    client.force_login(other_participant)
    assert client.post(index_url() + "propose/", {**VALID, "title": "Topic 6"}).status_code == 429
    assert (
        client.post(index_url() + "propose/", {**VALID, "title": "Topic 7"}, REMOTE_ADDR="198.51.100.7").status_code
        == 302
    )
    assert TopicProposal.objects.filter(title__startswith="Topic ").count() == 4


def test_the_rate_limit_message_says_when_to_try_again(client, participant):
    client.force_login(participant)
    for number in range(3):
        client.post(index_url() + "propose/", {**VALID, "title": f"Topic {number}"})
    response = client.post(index_url() + "propose/", {**VALID, "title": "Topic 4"})
    assert response.status_code == 429
    retry_after = int(response["Retry-After"])
    assert 0 < retry_after <= limits.PROPOSALS.window
    with translation.override("en"):
        wait = timeuntil(timezone.now() + datetime.timedelta(seconds=retry_after))
    assert 'role="alert"' in response.content.decode()
    # Within a minute of the header (the page was rendered a moment earlier).
    assert wait.split(",")[0] in html.unescape(response.content.decode())


def test_forms_without_the_csrf_token_are_refused(participant, other_participant):
    proposal = TopicProposalFactory(proposer=other_participant)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(participant)
    assert browser.post(index_url() + "propose/", VALID).status_code == 403
    assert browser.post(proposal_url(proposal, route="support"), {"action": "support"}).status_code == 403
    assert browser.post(proposal_url(proposal, route="comment"), {"body": "Hello"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.support_count == 0 and not TopicProposal.objects.filter(proposer=participant).exists()


# --- Editing


def test_only_the_proposer_edits_and_only_while_submitted(client, participant, other_participant):
    proposal = TopicProposalFactory(proposer=participant, title="Original title")
    edit_url = proposal_url(proposal, route="edit")
    client.force_login(other_participant)
    assert client.get(edit_url).status_code == 403
    assert client.post(edit_url, {**VALID, "title": "Hijacked"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.title == "Original title"

    client.force_login(participant)
    assert client.get(edit_url).status_code == 200
    assert client.post(edit_url, {**VALID, "title": "Better title"}).status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == "Better title"

    services.change_state(proposal, to_state=ProposalState.UNDER_REVIEW, reason="Looking at it.", by=None)
    assert client.post(edit_url, {**VALID, "title": "Too late"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.title == "Better title"


def test_a_logged_out_visitor_cannot_edit(client, participant):
    proposal = TopicProposalFactory(proposer=participant)
    response = client.post(proposal_url(proposal, route="edit"), VALID)
    assert response.status_code == 302 and "/account/login/" in response.url


# --- Supporting


def test_a_participant_supports_once_and_can_withdraw(client, participant, other_participant):
    proposal = TopicProposalFactory(proposer=participant)
    client.force_login(other_participant)
    support_url = proposal_url(proposal, route="support")
    assert client.post(support_url, {"action": "support"}).status_code == 302
    assert client.post(support_url, {"action": "support"}).status_code == 302  # twice: nothing changes
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    support = TopicSupport.objects.get(proposal=proposal)
    assert support.user == other_participant and support.region == other_participant.region
    assert 'name="action" value="withdraw"' in client.get(proposal_url(proposal)).content.decode()
    client.post(support_url, {"action": "withdraw"})
    proposal.refresh_from_db()
    assert proposal.support_count == 0 and not TopicSupport.objects.filter(proposal=proposal).exists()


def test_the_database_refuses_a_second_support_by_the_same_participant(db, participant):
    proposal = TopicProposalFactory()
    TopicSupport.objects.create(proposal=proposal, user=participant)
    with pytest.raises(IntegrityError), transaction.atomic():
        TopicSupport.objects.create(proposal=proposal, user=participant)


def test_supporting_needs_an_account_and_a_post(client, participant):
    proposal = TopicProposalFactory()
    response = client.post(proposal_url(proposal, route="support"))
    assert response.status_code == 302 and "/account/login/" in response.url
    client.force_login(participant)
    assert client.get(proposal_url(proposal, route="support")).status_code == 405
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_a_proposer_cannot_support_their_own_proposal(client, participant):
    proposal = TopicProposalFactory(proposer=participant)
    client.force_login(participant)
    client.post(proposal_url(proposal, route="support"), {"action": "support"})
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_a_decided_proposal_no_longer_collects_support(client, participant):
    proposal = TopicProposalFactory(state=ProposalState.DECLINED, state_reason="Covered elsewhere.")
    client.force_login(participant)
    client.post(proposal_url(proposal, route="support"), {"action": "support"})
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_supporting_is_rate_limited_with_a_retry_time(client, participant):
    proposals = TopicProposalFactory.create_batch(31)
    client.force_login(participant)
    for proposal in proposals[:30]:
        assert client.post(proposal_url(proposal, route="support"), {"action": "support"}).status_code == 302
    response = client.post(proposal_url(proposals[30], route="support"), {"action": "support"})
    assert response.status_code == 429 and 0 < int(response["Retry-After"]) <= 3600
    assert 'role="alert"' in response.content.decode()
    proposals[30].refresh_from_db()
    assert proposals[30].support_count == 0


def test_support_counts_and_regions_are_shown_in_the_page_language(client, db):
    proposal = TopicProposalFactory(title="Counting supporters")
    add_supports(proposal, supporters("002", "002", "142", ""))
    assert proposal.support_count == 4
    for language in ("en", "ar"):
        page = client.get(proposal_url(proposal, language)).content.decode()
        bars = " ".join(page.split('class="region-bars"')[1].split("</ul>")[0].split())  # whitespace as one space
        assert f'{region("002", language)}</span> <span class="region-bars__count">2</span>' in bars
        assert f'{region("142", language)}</span> <span class="region-bars__count">1</span>' in bars
        assert region("150", language) not in bars
        assert bars.count('<span class="region-bars__count">1</span>') == 2  # Asia, and the one who gave no region
        listing = client.get(index_url(language)).content.decode()
        card = listing.split(f'id="proposal-{proposal.pk}"')[1].split("</li>\n</ul>")[0]
        assert f'<span class="region-bars__name">{region("002", language)}</span>' in card
        assert "<strong>4</strong>" in card


def test_the_index_shows_overall_figures_by_region(client, db):
    page = client.get(index_url("ar")).content.decode()
    table = page.split('class="topics-table"')[1].split("</table>")[0]
    by_region = {
        code: (
            TopicProposal.objects.filter(proposer_region=code).count(),
            TopicSupport.objects.filter(region=code).count(),
        )
        for code in geography.REGIONS
    }
    assert any(proposals or supports for proposals, supports in by_region.values())  # the demo has figures
    for code, (proposals, supports) in by_region.items():
        if proposals or supports:
            assert f'<th scope="row">{region(code, "ar")}</th><td>{proposals}</td><td>{supports}</td>' in table


# --- Ranking and filters


def positions(page: str, *titles: str) -> list[int]:
    return [page.index(html.escape(title)) for title in titles]


def test_ranking_by_support_newest_and_recent_change(client, db):
    now = timezone.now()
    little = TopicProposalFactory(title="Little support, newest")
    much = TopicProposalFactory(title="Much support, oldest")
    some = TopicProposalFactory(title="Some support, recently changed")
    TopicProposal.objects.filter(pk=much.pk).update(support_count=90, created_at=now - datetime.timedelta(days=3))
    TopicProposal.objects.filter(pk=some.pk).update(
        support_count=60, created_at=now - datetime.timedelta(days=2), state_changed_at=now
    )
    TopicProposal.objects.filter(pk=little.pk).update(support_count=30, created_at=now - datetime.timedelta(days=1))
    titles = (much.title, some.title, little.title)

    page = client.get(index_url()).content.decode()
    assert positions(page, *titles) == sorted(positions(page, *titles))
    page = client.get(index_url() + "?sort=newest").content.decode()
    assert positions(page, little.title, some.title, much.title) == sorted(positions(page, *titles))
    page = client.get(index_url() + "?sort=changed").content.decode()
    assert positions(page, some.title, little.title, much.title) == sorted(positions(page, *titles))


def test_filters_by_state_kind_theme_region_and_language(client, locales):
    def make(title, **kwargs):
        themes = kwargs.pop("themes", [])
        proposal = TopicProposalFactory(title=title, **kwargs)
        proposal.themes.set(Theme.objects.filter(locale=locales[kwargs.get("language", "en")], slug__in=themes))
        return proposal

    shortlisted = make(
        "Filter A shortlisted brief",
        proposer=ParticipantFactory(region="150"),
        state=ProposalState.SHORTLISTED,
        kind="brief",
        themes=["health"],
    )
    african = make("Filter B from Africa", proposer=ParticipantFactory(region="002"), themes=["work"])
    asian_es = make("Filter C en español", proposer=ParticipantFactory(region="142"), language="es", themes=["health"])
    declined = make("Filter D declined", state=ProposalState.DECLINED, state_reason="Already covered in 2025.")
    mine = [shortlisted, african, asian_es, declined]

    def listed(query: str, language: str = "en") -> set[str]:
        page = html.unescape(client.get(index_url(language) + query).content.decode())
        return {proposal.title for proposal in mine if proposal.title in page}

    assert listed("") == {shortlisted.title, african.title, asian_es.title}  # declined ones under their filter
    assert listed("?state=declined") == {declined.title}
    assert "Already covered in 2025." in client.get(index_url() + "?state=declined").content.decode()
    assert listed("?state=shortlisted") == {shortlisted.title}
    assert listed("?kind=brief") == {shortlisted.title}
    # Themes are chosen by slug, the same in every language (the Spanish proposal has Spanish themes).
    assert listed("?theme=health") == {shortlisted.title, asian_es.title}
    assert listed("?theme=health", "ar") == {shortlisted.title, asian_es.title}
    assert listed("?region=002") == {african.title}
    assert listed("?region=142") == {asian_es.title}
    assert listed("?language=es&sort=newest") == {asian_es.title}
    assert listed("?language=xx&region=999") == {shortlisted.title, african.title, asian_es.title}  # ignored


def test_the_declined_filter_is_offered_with_the_number_of_declined_proposals(client, db):
    page = client.get(index_url()).content.decode()
    declined = TopicProposal.objects.filter(state=ProposalState.DECLINED).count()
    assert declined and 'class="topics-declined"><a href="?state=declined">' in page


def test_the_listing_costs_the_same_number_of_queries_for_5_and_60_proposals(
    client, participant, locales, django_assert_num_queries
):
    TopicProposal.objects.all().delete()
    themes = list(Theme.objects.filter(locale=locales["en"], slug__in=["work", "health"]))
    people = supporters("002", "019", "142")

    def create(count: int) -> None:
        for proposal in TopicProposalFactory.create_batch(count):
            proposal.themes.set(themes)
            add_supports(proposal, people)

    create(5)
    client.force_login(participant)
    five = warm_queries(client, index_url())
    create(55)
    client.get(index_url())  # the chrome's rows again, after the change
    with django_assert_num_queries(len(five)):
        response = client.get(index_url())
    assert response.content.decode().count('class="topic-card ') == 20  # one page of the sixty


# --- Moderation in the admin


def change_state_url(proposal) -> str:
    return f"/admin/topic-proposals/state/{proposal.pk}/"


def test_a_moderator_changes_the_state_with_a_public_reason(
    client, moderator, participant, other_participant, mailoutbox, django_capture_on_commit_callbacks
):
    participant.preferred_language = "en"
    participant.save()
    other_participant.preferred_language = "fr"
    other_participant.save()
    proposal = TopicProposalFactory(proposer=participant, title="Cash transfers and school attendance")
    add_supports(proposal, [other_participant])
    client.force_login(moderator)
    assert client.get("/admin/topic-proposals/").status_code == 200
    assert client.get(change_state_url(proposal)).status_code == 200
    reason = "Strong support from two regions; the Bureau will look at it in June."
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(change_state_url(proposal), {"to_state": "under_review", "reason": reason})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.UNDER_REVIEW and proposal.state_reason == reason
    change = TopicStateChange.objects.get(proposal=proposal)
    assert (change.from_state, change.to_state, change.changed_by) == ("submitted", "under_review", moderator)

    mails = {mail.to[0]: mail for mail in mailoutbox}
    assert set(mails) == {participant.email, other_participant.email}
    for user, language in ((participant, "en"), (other_participant, "fr")):
        with translation.override(language):
            state = str(ProposalState.UNDER_REVIEW.label)
        mail = mails[user.email]
        assert state in mail.subject and proposal.title in mail.subject
        assert reason in mail.body and f"/{language}/topics/{proposal.pk}/" in mail.body

    for language in ("en", "ar"):
        page = client.get(proposal_url(proposal, language)).content.decode()
        history = page.split('class="topic-history"')[1].split("</ol>")[0]
        assert html.escape(reason) in history


def test_a_state_change_needs_a_reason_and_a_new_state(client, moderator, mailoutbox):
    proposal = TopicProposalFactory()
    client.force_login(moderator)
    response = client.post(change_state_url(proposal), {"to_state": "declined", "reason": "   "})
    assert response.status_code == 200 and b"error" in response.content
    response = client.post(change_state_url(proposal), {"to_state": "submitted", "reason": "Same state"})
    assert response.status_code == 200
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.SUBMITTED and not TopicStateChange.objects.filter(proposal=proposal)
    assert mailoutbox == []


def test_editors_may_moderate_but_participants_and_translators_may_not(client, editor, participant, translator_fr):
    proposal = TopicProposalFactory()
    data = {"to_state": "selected", "reason": "Because I can."}
    for user in (participant, translator_fr):
        client.force_login(user)
        for url in ("/admin/topic-proposals/", change_state_url(proposal)):
            assert client.get(url).status_code == 302
        response = client.post(change_state_url(proposal), data)
        assert response.status_code == 302 and response.url in (
            "/admin/",
            "/admin/login/?next=" + change_state_url(proposal),
        )
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.SUBMITTED and not TopicStateChange.objects.filter(proposal=proposal)

    client.force_login(editor)
    assert client.post(change_state_url(proposal), data).status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.SELECTED


def test_the_admin_listing_filters_by_state_region_and_theme(client, moderator, locales):
    declined = TopicProposalFactory(title="Admin declined one", state=ProposalState.DECLINED)
    submitted = TopicProposalFactory(title="Admin submitted one", proposer=ParticipantFactory(region="009"))
    submitted.themes.set(Theme.objects.filter(locale=locales["hi"], slug="culture"))
    client.force_login(moderator)
    page = client.get("/admin/topic-proposals/?state=declined").content.decode()
    assert declined.title in page and submitted.title not in page
    page = client.get("/admin/topic-proposals/?proposer_region=009").content.decode()
    assert submitted.title in page and declined.title not in page
    page = client.get("/admin/topic-proposals/?theme=culture").content.decode()
    assert submitted.title in page and declined.title not in page
    assert client.get(f"/admin/topic-proposals/inspect/{declined.pk}/").status_code == 200


# --- Comments


def test_participants_comment_on_a_proposal_without_pre_moderation(client, participant):
    proposal = TopicProposalFactory()
    url = proposal_url(proposal, "ar", "comment")
    response = client.post(url, {"body": "A useful angle."})
    assert response.status_code == 302 and "/account/login/" in response.url
    client.force_login(participant)
    response = client.post(url, {"body": "هذا موضوع مهم جداً."})
    comment = Comment.objects.get(proposal=proposal)
    assert response.status_code == 302 and response.url == f"{proposal_url(proposal, 'ar')}#comment-{comment.pk}"
    assert comment.status == CommentStatus.APPROVED and comment.language == "ar" and comment.author == participant
    assert "هذا موضوع مهم جداً." in client.get(proposal_url(proposal, "en")).content.decode()
    response = client.post(url, {"body": ""})
    assert response.status_code == 400 and Comment.objects.filter(proposal=proposal).count() == 1


# --- Demo content


def test_the_demo_has_proposals_in_several_languages_states_and_regions(db):
    demo = TopicProposal.objects.filter(proposer__username__startswith="supporter-")
    assert demo.count() >= 12
    assert set(demo.values_list("language", flat=True)) >= {"en", "es", "fr", "hi", "ar", "zh-hans", "pt"}
    assert set(demo.values_list("state", flat=True)) == set(ProposalState.values)
    assert set(TopicSupport.objects.filter(proposal__in=demo).values_list("region", flat=True)) >= set(
        geography.REGIONS
    )
    for proposal in demo.exclude(state=ProposalState.SUBMITTED):
        assert proposal.state_reason and proposal.state_changes.last().to_state == proposal.state
    for proposal in demo:
        assert proposal.support_count == proposal.supports.count()


# --- Valid and accessible pages


def rendered_pages(client, participant) -> dict[str, bytes]:
    proposal = TopicProposal.objects.filter(proposer__username__startswith="supporter-", state="shortlisted").first()
    client.force_login(participant)
    pages = {}
    for language in ("en", "ar"):
        for url in (
            index_url(language),
            index_url(language) + "?state=declined&sort=newest",
            proposal_url(proposal, language),
            index_url(language) + "propose/",
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            pages[url] = response.content
        response = client.post(index_url(language) + "propose/", {**VALID, "title": ""})
        assert response.status_code == 400
        pages[f"{index_url(language)}propose/ (errors)"] = response.content
    client.logout()
    pages["/ar/ logged out proposal"] = client.get(proposal_url(proposal, "ar")).content
    return pages


def test_the_pages_have_no_html_errors(client, participant):
    assert html_errors(rendered_pages(client, participant)) == []


@pytest.mark.browser
def test_the_pages_have_no_accessibility_violations(client, participant):
    """axe-core in Chromium on the rendered pages, their stylesheets served from the static files."""
    assert axe_violations(rendered_pages(client, participant)) == {}
