"""The chain from topic to impact: a selected topic ↔ the chapter it became, a recommendation ↔ the
practices that put it into practice, each link visible from both ends."""

from __future__ import annotations

import pytest

from community.factories import TopicProposalFactory
from community.models import ProposalState, TopicProposal, TopicProposalIndexPage
from practices.models import PracticePage
from reports.models import ChapterPage, PolicyBriefPage, RecommendationPractice, ReportPage

pytestmark = pytest.mark.django_db

PRACTICE = "housing-first-finland"


def english(model, **filters):
    page = model.objects.live().filter(locale__language_code="en", **filters).first()
    assert page is not None
    return page


@pytest.fixture
def chapter():
    return english(ChapterPage)


@pytest.fixture
def report_with_recommendation():
    pages = [
        *ReportPage.objects.live().filter(locale__language_code="en"),
        *PolicyBriefPage.objects.live().filter(locale__language_code="en"),
    ]
    page = next((page for page in pages if page.recommendations), None)
    assert page is not None
    return page


def test_a_selected_topic_links_to_its_chapter_and_the_chapter_back_in_every_language(client, chapter, editor):
    proposal = TopicProposalFactory(title="Care work and social progress", state=ProposalState.SELECTED)
    client.force_login(editor)
    response = client.post(f"/admin/topic-proposals/edit/{proposal.pk}/", {"became": chapter.pk})
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal.refresh_from_db()
    assert proposal.became_id == chapter.pk
    client.logout()

    for language in ("en", "fr", "ar"):
        index = TopicProposalIndexPage.objects.get(locale__language_code=language)
        html = client.get(index.proposal_url(proposal.pk)).content.decode()
        localized = ChapterPage.objects.get(translation_key=chapter.translation_key, locale__language_code=language)
        assert 'id="topic-result"' in html and f'href="{localized.url}"' in html
        chapter_html = client.get(localized.url).content.decode()
        assert 'id="proposed-topics"' in chapter_html
        assert f'href="{index.proposal_url(proposal.pk)}"' in chapter_html
        assert "Care work and social progress" in chapter_html


def test_only_staff_who_moderate_topics_may_link_the_result(client, chapter, translator_fr):
    proposal = TopicProposalFactory(state=ProposalState.SELECTED)
    client.force_login(translator_fr)
    response = client.post(f"/admin/topic-proposals/edit/{proposal.pk}/", {"became": chapter.pk})
    assert response.status_code in (302, 403)
    assert TopicProposal.objects.get(pk=proposal.pk).became_id is None


def test_a_recommendation_links_to_the_practice_that_implements_it_and_back(client, editor, report_with_recommendation):
    report = report_with_recommendation
    identifier = report.recommendations[0].value["identifier"]
    practice = PracticePage.objects.get(slug=PRACTICE, locale__language_code="en")
    RecommendationPractice.objects.filter(practice=practice).delete()
    client.force_login(editor)
    response = client.post(
        "/admin/recommendation-practices/new/",
        {"publication": report.pk, "identifier": identifier, "practice": practice.pk},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == "/admin/recommendation-practices/"
    assert RecommendationPractice.objects.filter(publication=report, identifier=identifier, practice=practice).exists()
    client.logout()

    for language in ("en", "ar"):
        localized_report = type(report).objects.get(
            translation_key=report.translation_key, locale__language_code=language
        )
        localized_practice = PracticePage.objects.get(
            translation_key=practice.translation_key, locale__language_code=language
        )
        report_html = client.get(localized_report.url).content.decode()
        assert "recommendation__practices" in report_html and f'href="{localized_practice.url}"' in report_html
        practice_html = client.get(localized_practice.url).content.decode()
        assert 'id="implements"' in practice_html
        assert f'href="{localized_report.url}#recommendation-{identifier.lower()}"' in practice_html


def test_a_link_to_a_recommendation_that_does_not_exist_is_refused(client, editor, report_with_recommendation):
    practice = PracticePage.objects.get(slug=PRACTICE, locale__language_code="en")
    client.force_login(editor)
    response = client.post(
        "/admin/recommendation-practices/new/",
        {"publication": report_with_recommendation.pk, "identifier": "R999", "practice": practice.pk},
    )
    assert response.status_code == 200
    assert not RecommendationPractice.objects.filter(identifier="R999").exists()


def test_translators_may_not_link_recommendations(client, translator_fr, report_with_recommendation):
    practice = PracticePage.objects.get(slug=PRACTICE, locale__language_code="en")
    client.force_login(translator_fr)
    identifier = report_with_recommendation.recommendations[0].value["identifier"]
    response = client.post(
        "/admin/recommendation-practices/new/",
        {"publication": report_with_recommendation.pk, "identifier": identifier, "practice": practice.pk},
    )
    assert response.status_code in (302, 403)
    assert not RecommendationPractice.objects.filter(practice=practice, identifier=identifier).exists()


def test_the_new_public_parts_are_valid_html_in_english_and_arabic(client):
    """The demo's links (topic ↔ chapter, brief → practices, practice → adaptations and the form)."""
    from community.factories import MemberProfileFactory, ParticipantFactory
    from tests.tooling import html_errors

    proposal = TopicProposal.objects.exclude(became=None).first()
    assert proposal is not None  # the demo's selected topic
    client.force_login(MemberProfileFactory(user=ParticipantFactory()).user)
    documents = {}
    for language in ("en", "ar"):
        index = TopicProposalIndexPage.objects.get(locale__language_code=language)
        brief = PolicyBriefPage.objects.get(slug="reducing-inequality", locale__language_code=language)
        chapter = ChapterPage.objects.get(
            translation_key=proposal.became.translation_key, locale__language_code=language
        )
        for url in (f"/{language}/practices/{PRACTICE}/", index.proposal_url(proposal.pk), chapter.url, brief.url):
            response = client.get(url)
            assert response.status_code == 200, url
            documents[url] = response.content
    assert html_errors(documents) == []
