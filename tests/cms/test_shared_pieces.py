"""The shared pieces in cms/: the protected public form and its response flow, the notification
service, the feed GUIDs and the form renderer's templates."""

import uuid
from types import SimpleNamespace

import pytest
from django import forms
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.http import HttpResponse
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from cms.factories import UserFactory
from cms.feeds import page_guid
from cms.forms import ProtectedFormMixin
from cms.notifications import CONFIRMATIONS_PER_ADDRESS_PER_DAY, deliver, deliver_to_staff, may_send_confirmation
from cms.public_forms import protected_form_response
from cms.ratelimit import Limit
from cms.roles import EDITORS


class ContactForm(ProtectedFormMixin, forms.Form):
    email = forms.EmailField(label="E-mail")
    consent = forms.BooleanField(label="I agree")


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


def answer(data: dict | None, saved: list, limit: Limit | None = None):
    request = RequestFactory().post("/form/", data) if data is not None else RequestFactory().get("/form/")
    form = ContactForm(request.POST or None)

    def render(extra: dict, status: int) -> HttpResponse:
        response = HttpResponse(status=status)
        response.context = extra
        return response

    return protected_form_response(
        request,
        form,
        limit=limit or Limit("test-form", limit=2, window=60),
        render=render,
        save=lambda form: saved.append(form.cleaned_data["email"]),
        done_url="/thanks/",
    )


def test_the_honeypot_comes_last_whatever_the_form_declares():
    assert list(ContactForm().fields) == ["email", "consent", "homepage"]


def test_a_valid_submission_is_saved_and_redirected():
    saved: list = []
    response = answer({"email": "ana@example.org", "consent": "on"}, saved)
    assert response.status_code == 302 and response["Location"] == "/thanks/"
    assert saved == ["ana@example.org"]


def test_spam_is_dropped_silently_with_the_same_answer():
    saved: list = []
    response = answer({"email": "bot@example.org", "consent": "on", "homepage": "https://spam.example"}, saved)
    assert response.status_code == 302 and response["Location"] == "/thanks/"
    assert saved == []


def test_an_invalid_submission_is_a_400_with_the_form_and_what_was_typed():
    saved: list = []
    response = answer({"email": "not-an-address"}, saved)
    assert response.status_code == 400 and saved == []
    form = response.context["form"]
    assert form["email"].value() == "not-an-address" and set(form.errors) == {"email", "consent"}


def test_a_limited_submission_is_a_429_that_says_when_and_keeps_the_form():
    saved: list = []
    limit = Limit("test-form-limited", limit=1, window=600)
    assert answer({"email": "ana@example.org", "consent": "on"}, saved, limit).status_code == 302
    with translation.override("en"):
        response = answer({"email": "ana2@example.org", "consent": "on"}, saved, limit)
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "10 minutes" in response.context["rate_limited"]
    assert response.context["form"]["email"].value() == "ana2@example.org"
    assert saved == ["ana@example.org"]


def test_a_get_shows_the_empty_form():
    response = answer(None, [])
    assert response.status_code == 200 and not response.context["form"].is_bound


@pytest.mark.django_db
def test_each_recipient_gets_a_message_of_their_own_in_the_language_asked():
    sent = deliver(
        "practices/email/submission_received",
        ["a@example.org", "b@example.org", "a@example.org", ""],
        {"title": "Les jardins", "submission": None},
        "fr",
    )
    assert sent == 2 and [message.to for message in mail.outbox] == [["a@example.org"], ["b@example.org"]]
    assert all(message.subject and "\n" not in message.subject for message in mail.outbox)


def test_a_mailbox_gets_a_few_confirmations_a_day_per_subject_whatever_the_case_of_its_address():
    answers = [may_send_confirmation("Victim@Example.org", "newsletter|fr") for _ in range(5)]
    assert answers == [True] * CONFIRMATIONS_PER_ADDRESS_PER_DAY + [False] * (5 - CONFIRMATIONS_PER_ADDRESS_PER_DAY)
    assert not may_send_confirmation("victim@example.org", "newsletter|fr")
    # Another subject, or another mailbox, has a count of its own.
    assert may_send_confirmation("victim@example.org", "newsletter|ar")
    assert may_send_confirmation("other@example.org", "newsletter|fr")


@pytest.mark.django_db
def test_staff_are_written_to_one_by_one_each_in_their_language():
    group = Group.objects.get(name=EDITORS)
    for email, language in (("en@example.org", "en"), ("es@example.org", "es"), ("none@example.org", "")):
        UserFactory(email=email, preferred_language=language).groups.add(group)
    UserFactory(email="gone@example.org", is_active=False).groups.add(group)
    before = len(mail.outbox)
    submission = SimpleNamespace(submitter_name="Ana", language="fr")
    context = {"title": "Gardens", "admin_url": "/x/", "submission": submission}
    deliver_to_staff("practices/email/submission_for_editors", EDITORS, context)
    messages = mail.outbox[before:]
    recipients = [message.to for message in messages]
    assert all(len(to) == 1 for to in recipients)
    assert {"en@example.org", "es@example.org", "none@example.org"} <= {to[0] for to in recipients}
    assert "gone@example.org" not in {to[0] for to in recipients}
    by_address = {message.to[0]: message for message in messages}
    assert by_address["none@example.org"].subject == by_address["en@example.org"].subject


def test_a_feed_guid_is_one_per_page_and_language_and_never_a_url():
    class Item:
        translation_key = uuid.UUID("12345678-1234-5678-1234-567812345678")

        class locale:
            language_code = "fr"

    guid = page_guid(Item)
    assert guid == f"urn:uuid:{uuid.uuid5(Item.translation_key, 'fr')}"
    Item.locale.language_code = "ar"
    assert page_guid(Item) != guid


def render_form(form) -> str:
    return Template("{% include 'cms/includes/error_summary.html' %}{{ form }}").render(Context({"form": form}))


def test_a_single_checkbox_renders_before_its_label_on_one_line():
    html = render_form(ContactForm())
    checkbox = html.index('type="checkbox"')
    label = html.index('<label for="id_consent">')
    assert checkbox < label and "form-field--checkbox" in html


def test_the_honeypot_is_hidden_from_people_and_assistive_technology():
    html = render_form(ContactForm())
    assert '<div class="form-trap" aria-hidden="true">' in html and 'tabindex="-1"' in html


def test_after_a_server_side_error_the_summary_takes_the_focus_and_links_each_field():
    form = ContactForm({"email": "nope"})
    html = render_form(form)
    assert 'id="form-errors"' in html and "autofocus" in html and 'tabindex="-1"' in html
    assert 'href="#id_email"' in html and 'href="#id_consent"' in html
    assert 'aria-describedby="id_email_error"' in html or 'id="id_email_error"' in html
