""" "Adapted elsewhere": members report an adaptation of a practice; moderators publish it."""

from __future__ import annotations

import pytest

from cms.factories import UserFactory
from cms.roles import EXPERT_REVIEWERS
from community.models import Adaptation, CommentStatus
from practices.models import PracticePage
from tests.queries import warm_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

SLUG = "housing-first-finland"


def practice(language: str = "en") -> PracticePage:
    return PracticePage.objects.get(slug=SLUG, locale__language_code=language)


def report(client, page: PracticePage, **data):
    fields = {"organisation": "Ville de Lyon", "country": "FR", "what_changed": "Smaller flats, same principle."}
    data = {f"adaptation-{name}": value for name, value in {**fields, **data}.items()}
    return client.post(f"/{page.locale.language_code}/connect/{page.pk}/adapted/", data)


def adaptation(status=CommentStatus.APPROVED, language="en", **kwargs) -> Adaptation:
    fields = {"organisation": "Ciudad de México", "country": "MX", "what_changed": "Run by the city.", **kwargs}
    return Adaptation.objects.create(practice=practice(), status=status, language=language, **fields)


@pytest.fixture(autouse=True)
def no_adaptations():
    Adaptation.objects.all().delete()  # the demo's too: each test counts its own


def test_a_member_reports_an_adaptation_and_it_stays_hidden_until_a_moderator_approves_it(
    client, participant, moderator
):
    client.force_login(participant)
    page_html = client.get(f"/en/practices/{SLUG}/").content.decode()
    assert 'id="adaptation-form"' in page_html
    response = report(client, practice())
    assert response.status_code == 302 and response["Location"] == f"/en/practices/{SLUG}/#adapted-elsewhere"
    sent = Adaptation.objects.get(user=participant)
    assert (sent.status, sent.country, sent.language) == (CommentStatus.PENDING, "FR", "en")
    for language in ("en", "fr"):
        assert "Smaller flats" not in client.get(f"/{language}/practices/{SLUG}/").content.decode()

    client.force_login(moderator)
    assert client.get("/admin/adaptations/").status_code == 200
    decision = client.get(f"/admin/adaptations/inspect/{sent.pk}/")
    assert decision.status_code == 200 and "France" in decision.content.decode()
    assert client.post(f"/admin/adaptations/inspect/{sent.pk}/", {"action": "approve"}).status_code == 302
    sent.refresh_from_db()
    assert sent.status == CommentStatus.APPROVED and sent.moderated_by == moderator
    # Public in every language of the practice, the text marked with the language it is written in.
    html = client.get(f"/ar/practices/{SLUG}/").content.decode()
    assert "Smaller flats, same principle." in html and "Ville de Lyon" in html and "فرنسا" in html
    assert 'lang="en" dir="ltr"' in html


def test_a_member_cannot_approve_and_staff_without_the_permission_get_403(client, participant):
    pending = adaptation(status=CommentStatus.PENDING)
    client.force_login(participant)
    response = client.post(f"/admin/adaptations/inspect/{pending.pk}/", {"action": "approve"})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    client.force_login(UserFactory(groups=[EXPERT_REVIEWERS]))
    assert client.get("/admin/adaptations/").status_code == 403
    assert client.post(f"/admin/adaptations/inspect/{pending.pk}/", {"action": "approve"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == CommentStatus.PENDING


def test_visitors_are_sent_to_log_in_and_nothing_is_recorded(client):
    response = report(client, practice())
    assert response.status_code == 302 and response["Location"].startswith("/en/account/login/")
    assert not Adaptation.objects.exists()
    assert 'id="adaptation-form"' not in client.get(f"/en/practices/{SLUG}/").content.decode()


def test_a_report_with_errors_is_explained_and_what_was_typed_is_kept(client, participant):
    client.force_login(participant)
    response = report(client, practice(), country="", what_changed="Kept text")
    assert response.status_code == 400
    assert "Kept text" in response.content.decode() and not Adaptation.objects.exists()


def test_reports_are_rate_limited(client, participant):
    client.force_login(participant)
    for _ in range(5):
        assert report(client, practice()).status_code == 302
    response = report(client, practice())
    assert response.status_code == 429 and response.has_header("Retry-After")
    assert Adaptation.objects.filter(user=participant).count() == 5


def test_the_honeypot_records_nothing(client, participant):
    client.force_login(participant)
    assert report(client, practice(), homepage="http://spam.example").status_code == 302
    assert not Adaptation.objects.exists()


def test_the_practice_page_takes_the_same_queries_with_none_or_many_adaptations(client):
    url = f"/en/practices/{SLUG}/"
    none = warm_queries(client, url)
    assert client.get(url).context["adaptations"] == []
    for number in range(6):
        adaptation(organisation=f"Organisation {number}")
    adaptation(status=CommentStatus.PENDING, organisation="Pending one")
    adaptation(status=CommentStatus.HIDDEN, organisation="Hidden one")
    many = warm_queries(client, url)
    response = client.get(url)
    assert len(response.context["adaptations"]) == 6
    assert len(many) == len(none)
    html = response.content.decode()
    assert "Pending one" not in html and "Hidden one" not in html
