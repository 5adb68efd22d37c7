"""The public "Share a practice" form: every language, clear errors, nothing lost, nothing published."""

import pytest
from django.core import mail
from django.core.cache import cache

from practices.models import PracticePage, PracticeSubmission

pytestmark = pytest.mark.django_db

VALID = {
    "title": "Community kitchens of Lima",
    "summary": "Neighbourhood kitchens run by women's organisations feed thousands of families in Lima.",
    "approach": "Members cook together with pooled purchases.\n\nThe city supports them with food.",
    "results": "",
    "organisation": "Federación de Comedores Populares",
    "countries": ["PE"],
    "themes": ["inequality", "gender"],
    "scale": "local",
    "actor_type": "community",
    "start_year": "1978",
    "website": "",
    "name": "Ana Quispe",
    "email": "ana@example.org",
    "consent": "on",
    "homepage": "",
}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("lang", ["en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"])
def test_the_form_is_offered_in_every_language(client, lang):
    response = client.get(f"/{lang}/practices/share/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{lang}"' in content
    assert 'name="countries"' in content and 'name="homepage"' in content


def test_a_submission_becomes_a_draft_in_expert_review_and_is_confirmed(
    client, locales, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/es/practices/share/", VALID)
    assert response.status_code == 302 and response["Location"] == "/es/practices/share/thanks/"
    submission = PracticeSubmission.objects.get(submitter_email="ana@example.org")
    page = PracticePage.objects.get(pk=submission.page_id)
    assert page.locale == locales["es"]
    assert not page.live and page.workflow_in_progress
    assert page.current_workflow_task.name == "Expert review"
    assert list(page.countries.values_list("code", flat=True)) == ["PE"]
    assert sorted(page.themes.values_list("slug", flat=True)) == ["gender", "inequality"]
    assert page.approach.count("<p>") == 2
    assert submission.data["summary"] == VALID["summary"]
    assert client.get(f"/es/practices/{page.slug}/").status_code == 404
    confirmation = next(message for message in mail.outbox if message.to == ["ana@example.org"])
    assert "Community kitchens of Lima" in confirmation.subject
    assert "Gracias" in confirmation.body  # in the submitter's language
    notice = next(message for message in mail.outbox if "New practice proposed" in message.subject)
    assert "/admin/pages/" in notice.body and "ana@example.org" not in notice.to


def test_errors_are_explained_and_what_was_typed_is_kept(client):
    data = {**VALID, "email": "not-an-address", "countries": [], "start_year": "2999"}
    response = client.post("/fr/practices/share/", data)
    assert response.status_code == 400
    content = response.content.decode()
    assert 'role="alert"' in content
    assert "Saisissez une adresse de courriel valide." in content or "Saisissez une adresse e-mail valide." in content
    assert 'value="Community kitchens of Lima"' in content
    assert "Neighbourhood kitchens run by women&#x27;s organisations" in content
    assert not PracticeSubmission.objects.filter(data__title="Community kitchens of Lima").exists()


def test_markup_typed_by_a_visitor_is_stored_as_text(client):
    client.post("/en/practices/share/", {**VALID, "approach": "<script>alert(1)</script> Works <b>well</b>"})
    page = PracticePage.objects.get(submissions__submitter_email="ana@example.org")
    assert "<script>" not in page.approach and "&lt;script&gt;" in page.approach


def test_the_honeypot_catches_bots_without_telling_them(client):
    response = client.post("/en/practices/share/", {**VALID, "homepage": "http://spam.example"})
    assert response.status_code == 302
    assert not PracticeSubmission.objects.exists()


def test_submissions_are_rate_limited_per_address(client):
    for number in range(5):
        assert client.post("/en/practices/share/", {**VALID, "title": f"Practice {number}"}).status_code == 302
    response = client.post("/en/practices/share/", {**VALID, "title": "One too many"})
    assert response.status_code == 429
    assert 'value="One too many"' in response.content.decode()
    assert PracticeSubmission.objects.count() == 5
    other = client.post("/en/practices/share/", {**VALID, "title": "Another visitor"}, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


def test_mails_show_apostrophes_as_typed_and_the_language_by_name(client, django_capture_on_commit_callbacks):
    data = {**VALID, "title": "Nairobi Tenants' Housing Cooperative", "name": "Ngũgĩ O'Brien"}
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/es/practices/share/", data)
    assert mail.outbox
    for message in mail.outbox:
        assert "&#x27;" not in message.subject + message.body and "&amp;" not in message.subject + message.body
    notice = next(message for message in mail.outbox if "New practice proposed" in message.subject)
    assert notice.subject.endswith("Nairobi Tenants' Housing Cooperative")
    assert "Ngũgĩ O'Brien proposed a practice in Spanish." in notice.body
    assert "“es”" not in notice.body


def test_the_proposer_is_told_in_their_language_when_the_practice_goes_live(
    client, locales, django_capture_on_commit_callbacks, settings
):
    from cms.models import ExpertReview

    settings.WAGTAILADMIN_BASE_URL = "https://ipsp.example"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/es/practices/share/", VALID)
    page = PracticePage.objects.get(submissions__submitter_email="ana@example.org")
    ExpertReview.objects.create(
        page=page,
        translation_key=page.translation_key,
        reviewer_name="Expert",
        decision="approved",
        evidence="meets",
        relevance="meets",
        adaptability="meets",
        participation="meets",
        assessment="Documented.",
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()
    told = [message for message in mail.outbox if message.to == ["ana@example.org"]]
    assert len(told) == 1
    assert "Community kitchens of Lima" in told[0].subject
    assert "Estimado/a Ana Quispe:" in told[0].body  # in the language she proposed it in
    assert f"https://ipsp.example/es/practices/{page.slug}/" in told[0].body

    mail.outbox.clear()  # publishing again (a correction) tells nobody
    with django_capture_on_commit_callbacks(execute=True):
        PracticePage.objects.get(pk=page.pk).save_revision().publish()
    assert not [message for message in mail.outbox if message.to == ["ana@example.org"]]
