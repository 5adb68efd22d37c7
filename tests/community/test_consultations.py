"""Consultation pages through HTTP: answering and commenting (pre- and post-moderation), comments of
every language shown together with their own direction, the open period enforced on the server,
results by region after closing, the demo, the query budget, valid and accessible pages."""

from __future__ import annotations

import html

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from cms import geography
from community.factories import CommentFactory, MemberProfileFactory, ParticipantFactory
from community.models import (
    Comment,
    CommentStatus,
    ConsultationIndexPage,
    ConsultationPage,
)
from tests.community.consultation_support import (
    comment_on,
    make_consultation,
    section,
    url,
    version,
)
from tests.queries import warm_queries
from tests.tooling import axe_violations, html_errors

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def post(client, page, route="comment/", language="en", **data):
    return client.post(url(page, language, route), data)


# --- Answering and commenting


def test_a_visitor_reads_and_is_offered_a_log_in_link_back_to_the_page(client):
    page = make_consultation()
    comment_on(page, body="Rent caps helped us.")
    content = client.get(url(page)).content.decode()
    assert "Rent caps helped us." in content
    assert f'href="{reverse("community:login")}?next={url(page)}%23comment-on-question-thread"' in content
    assert "<textarea" not in content


def test_a_logged_out_post_goes_to_the_login_page_and_creates_nothing(client):
    page = make_consultation()
    response = post(client, page, body="Hello")
    assert response.status_code == 302 and response.url.startswith(reverse("community:login"))
    assert not Comment.objects.filter(consultation=page).exists()


def test_a_participant_answers_the_question_and_it_is_published_at_once_in_post_moderation(client, participant):
    page = make_consultation(moderation="post")
    client.force_login(participant)
    response = post(client, page, body="Public land for cooperatives.")
    comment = Comment.objects.get(consultation=page)
    assert response.status_code == 302 and response.url == f"{page.url}#comment-{comment.pk}"
    assert comment.status == CommentStatus.APPROVED and comment.section is None and comment.parent is None
    assert comment.language == "en" and comment.author == participant and comment.author_region == "002"
    client.logout()
    assert "Public land for cooperatives." in client.get(url(page)).content.decode()


def test_in_pre_moderation_only_the_author_sees_their_comment_marked_as_awaiting(
    client, participant, other_participant
):
    page = make_consultation(moderation="pre")
    client.force_login(participant)
    post(client, page, "comment/tenants/", body="Legal aid for tenants first.")
    comment = Comment.objects.get(consultation=page)
    assert comment.status == CommentStatus.PENDING and comment.section.anchor == "tenants"
    content = client.get(url(page)).content.decode()
    assert "Legal aid for tenants first." in content
    assert f'id="comment-{comment.pk}"' in content and "comment--pending" in content
    client.force_login(other_participant)
    assert "Legal aid for tenants first." not in client.get(url(page)).content.decode()
    client.logout()
    assert "Legal aid for tenants first." not in client.get(url(page)).content.decode()


@pytest.mark.parametrize(
    ("moderation", "comment_button", "reply_button"),
    [
        ("pre", "Send for moderation", "Send the reply for moderation"),
        ("post", "Publish the comment", "Send the reply"),
    ],
)
def test_the_comment_buttons_say_whether_the_comment_is_published_or_sent_for_moderation(
    client, participant, moderation, comment_button, reply_button
):
    page = make_consultation(moderation=moderation)
    comment_on(page, body="Rent caps helped us.")
    client.force_login(participant)
    content = client.get(url(page)).content.decode()
    assert content.count(f">{comment_button}</button>") == 1 + len(page.sections.all())
    assert f">{reply_button}</button>" in content
    assert ("Publish the comment" in content) == (moderation == "post")


def test_comments_from_every_language_version_are_shown_together_in_their_own_direction(client, participant):
    page = make_consultation(translations=["ar"])
    client.force_login(participant)
    response = post(client, page, "comment/housing-costs/", language="ar", body="الإيجارات مرتفعة جداً في مدينتنا.")
    assert response.status_code == 302
    comment = Comment.objects.get(body="الإيجارات مرتفعة جداً في مدينتنا.")
    assert comment.consultation == version(page, "ar") and comment.language == "ar"
    assert comment.section == section(page, "housing-costs", "ar")
    english = client.get(url(page)).content.decode()
    start = english.index('id="housing-costs"')
    assert start < english.index(f'id="comment-{comment.pk}"') < english.index('id="tenants"')
    assert '<div class="comment__body" lang="ar" dir="rtl">' in english


def test_each_comment_textarea_has_a_label_naming_what_it_comments(client, participant):
    page = make_consultation()
    client.force_login(participant)
    content = client.get(url(page)).content.decode()
    for key in ("comment-on-question", "comment-on-housing-costs", "comment-on-tenants"):
        assert f'<label for="{key}-body">' in content and f'<textarea id="{key}-body" name="body"' in content
    assert "Housing costs" in content.split('<label for="comment-on-housing-costs-body">')[1].split("</label>")[0]


@pytest.mark.parametrize("state", ["closed", "upcoming"])
def test_outside_its_period_a_consultation_refuses_comments_on_the_server(client, participant, state):
    page = make_consultation(state=state)
    parent = comment_on(page)
    client.force_login(participant)
    assert "<textarea" not in client.get(url(page)).content.decode()
    assert post(client, page, body="Too late?").status_code == 403
    assert post(client, page, "comment/tenants/", body="Too late?").status_code == 403
    assert post(client, page, body="Too late?", parent=parent.pk).status_code == 403
    assert Comment.objects.filter(consultation=page).count() == 1


def test_a_form_with_errors_explains_them_and_keeps_the_text(client, participant):
    page = make_consultation()
    client.force_login(participant)
    response = post(client, page, "comment/tenants/", body="")
    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="comment-on-tenants-errors"' in content and 'href="#comment-on-tenants-body"' in content
    assert 'aria-invalid="true"' in content
    too_long = "Rents & wages. " * 400
    response = post(client, page, "comment/tenants/", body=too_long)
    assert response.status_code == 400
    assert html.escape(too_long.strip()) in response.content.decode()
    assert not Comment.objects.filter(consultation=page).exists()


def test_an_unknown_section_is_not_found(client, participant):
    page = make_consultation()
    client.force_login(participant)
    assert post(client, page, "comment/no-such-section/", body="Hello").status_code == 404


def test_posting_needs_the_csrf_token(participant):
    page = make_consultation()
    client = Client(enforce_csrf_checks=True)
    client.force_login(participant)
    assert post(client, page, body="No token").status_code == 403
    assert not Comment.objects.filter(consultation=page).exists()


# --- After closing


def test_after_closing_the_page_shows_participants_and_comments_by_region_in_the_page_language(client):
    page = make_consultation(state="closed", translations=["ar"])
    africa, asia = ParticipantFactory(region="002"), ParticipantFactory(region="142")
    comment_on(page, author=africa)
    comment_on(page, author=africa)
    comment_on(version(page, "ar"), author=asia, language="ar", body="رأيي")
    comment_on(page, author=ParticipantFactory(region="150"), status=CommentStatus.HIDDEN)
    comment_on(page, author=ParticipantFactory(region="019"), status=CommentStatus.PENDING)
    for language in ("en", "ar"):
        content = client.get(url(page, language)).content.decode()
        rows = content.split('class="consultation__participation"')[1].split("</table>")[0]
        assert f'<tr data-region="002"><th scope="row">{geography.region_name("002", language)}</th>' in rows
        assert "<td>1</td><td>2</td>" in rows.split('data-region="002"')[1].split("</tr>")[0]
        assert "<td>1</td><td>1</td>" in rows.split('data-region="142"')[1].split("</tr>")[0]
        assert 'data-region="150"' not in rows and 'data-region="019"' not in rows


def test_the_closed_demo_consultation_shows_the_editors_summary_and_its_figures(client):
    page = ConsultationPage.objects.get(slug="measuring-social-progress-beyond-gdp", locale__language_code="en")
    assert page.is_closed() and page.summary
    content = client.get(page.url).content.decode()
    assert 'id="results"' in content and "unpaid care work" in content
    visible = Comment.objects.visible().filter(consultation__translation_key=page.translation_key)
    assert visible.count() >= 18
    assert set(visible.values_list("author_region", flat=True)) == set(geography.REGIONS)
    assert "Grow your audience fast" not in content  # the hidden advert


# --- Index and demo


def test_the_index_lists_open_and_closed_consultations_with_their_comment_counts(client):
    page = make_consultation()
    comment_on(page)
    comment_on(page, status=CommentStatus.PENDING)
    content = client.get("/en/consultations/").content.decode()
    assert page.title in content and "Draft chapter: Cities and the right to housing" in content
    assert 'id="consultations-open"' in content and 'id="consultations-closed"' in content


def test_the_demo_consultations_exist_in_every_language_with_their_sections(client):
    assert ConsultationIndexPage.objects.filter(locale__language_code__in=LANGUAGES).count() == len(LANGUAGES)
    for language in LANGUAGES:
        page = ConsultationPage.objects.get(slug="cities-and-the-right-to-housing", locale__language_code=language)
        assert page.live and page.is_open() and page.sections.count() == 4
        response = client.get(page.url)
        assert response.status_code == 200 and f'<html lang="{language}"' in response.content.decode()
    arabic = ConsultationPage.objects.get(slug="cities-and-the-right-to-housing", locale__language_code="ar")
    assert arabic.title != "Draft chapter: Cities and the right to housing"


# --- Query budget


def _threads(page, count: int) -> None:
    tenants = section(page, "tenants")
    for number in range(count):
        author = MemberProfileFactory().user if number % 3 else ParticipantFactory()
        parent = CommentFactory(consultation=page, section=tenants if number % 2 else None, author=author)
        CommentFactory(consultation=page, section=parent.section, parent=parent, language="ar")


def _queries(client, page) -> int:
    return len(warm_queries(client, url(page)))


def test_the_page_renders_its_threads_in_the_same_number_of_queries_for_5_and_100_comments(
    client, participant, django_assert_num_queries
):
    small, large = make_consultation(), make_consultation()
    _threads(small, 5)
    _threads(large, 100)
    client.force_login(participant)
    comment_on(large, author=participant, status=CommentStatus.PENDING)
    expected = _queries(client, small)
    client.get(url(large))  # its own chrome's rows
    with django_assert_num_queries(expected):
        response = client.get(url(large))
    assert response.content.decode().count('class="comment') >= 201


# --- Valid and accessible pages


def rendered_pages(client, participant) -> dict[str, bytes]:
    open_page = ConsultationPage.objects.get(slug="cities-and-the-right-to-housing", locale__language_code="en")
    closed = ConsultationPage.objects.get(slug="measuring-social-progress-beyond-gdp", locale__language_code="en")
    pages = {}
    for language in ("en", "ar"):
        pages[f"{language} index"] = client.get(f"/{language}/consultations/").content
        pages[f"{language} closed"] = client.get(url(closed, language)).content
        pages[f"{language} open, logged out"] = client.get(url(open_page, language)).content
    client.force_login(participant)
    own = comment_on(open_page, author=participant, body="My own comment, still editable.")
    pages["en edit"] = client.get(f"/en/comments/{own.pk}/edit/").content
    for language in ("en", "ar"):
        pages[f"{language} open, logged in"] = client.get(url(open_page, language)).content
        response = post(client, open_page, "comment/protecting-tenants/", language=language, body="")
        assert response.status_code == 400
        pages[f"{language} open, error"] = response.content
    client.logout()
    return pages


def test_the_pages_have_no_html_errors(client, participant):
    assert html_errors(rendered_pages(client, participant)) == []


@pytest.mark.browser
def test_the_pages_have_no_accessibility_violations(client, participant):
    assert axe_violations(rendered_pages(client, participant)) == {}
