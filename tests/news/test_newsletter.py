"""The weekly digest by e-mail: double opt-in per language, one-click unsubscribe, the digest's
content and direction, and who may preview and send it."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.db.models import Max
from django.test import Client
from django.utils import timezone

from cms import notifications
from cms.models import ExpertReview
from news import newsletter
from news.models import NewsIndexPage, NewsletterIssue, NewsletterSubscription, NewsPage
from practices.models import PracticePage
from tests.tooling import html_errors

pytestmark = pytest.mark.django_db

BASE_URL = "https://ipsp.example"
VALID = {"email": "amina@example.org", "consent": "on", "homepage": ""}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


def subscription(email: str, language: str, confirmed: bool = True, unsubscribed: bool = False):
    now = timezone.now()
    return NewsletterSubscription.objects.create(
        email=email,
        language=language,
        confirmed_at=now if confirmed else None,
        unsubscribed_at=now if unsubscribed else None,
    )


def subscribe(client, language: str, capture, **data):
    with capture(execute=True):
        return client.post(f"/{language}/newsletter/", {**VALID, **data})


def send(client, user, language: str, capture, last_issue_id: str = ""):
    client.force_login(user)
    with capture(execute=True):
        return client.post(f"/admin/newsletter/{language}/send/", {"last_issue_id": last_issue_id})


def live_titles(model, language: str) -> list[str]:
    """Titles of the live items written in the language (not the fallbacks of other languages' items)."""
    items = model.objects.live().filter(locale__language_code=language, alias_of__isnull=True)
    return list(items.values_list("title", flat=True))


# --- Subscribing -------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"])
def test_the_form_is_offered_in_every_language(client, lang):
    response = client.get(f"/{lang}/newsletter/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{lang}"' in content
    assert 'name="email"' in content and 'name="consent"' in content and 'name="homepage"' in content
    assert 'id="id_email_helptext"' in content


def test_subscribing_stores_an_unconfirmed_address_and_mails_the_link_in_the_pages_language(
    client, django_capture_on_commit_callbacks
):
    response = subscribe(client, "fr", django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"] == "/fr/newsletter/thanks/"
    assert client.get(response["Location"]).status_code == 200
    subscription = NewsletterSubscription.objects.get(email="amina@example.org")
    assert subscription.language == "fr" and not subscription.is_confirmed
    assert len(subscription.token) >= 40
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert f"{BASE_URL}/fr/newsletter/confirm/{subscription.token}/" in message.body
    assert "Le Panel international sur le progrès social" in message.body  # signed in French


def test_the_confirmation_link_shows_a_button_and_only_a_post_confirms(client, django_capture_on_commit_callbacks):
    subscribe(client, "es", django_capture_on_commit_callbacks)
    subscription = NewsletterSubscription.objects.get(email="amina@example.org")
    url = f"/es/newsletter/confirm/{subscription.token}/"
    page = client.get(url)  # what a mail scanner following the link does
    assert page.status_code == 200
    assert f'<form method="post" action="{url}">' in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert client.post(url).status_code == 200
    subscription.refresh_from_db()
    assert subscription.is_confirmed


def test_an_unknown_token_is_not_found(client):
    assert client.get("/en/newsletter/confirm/not-a-token/").status_code == 404
    assert client.post("/en/newsletter/unsubscribe/not-a-token/").status_code == 404


def test_errors_are_explained_and_what_was_typed_is_kept(client):
    response = client.post("/fr/newsletter/", {"email": "amina-at-example.org", "homepage": ""})
    assert response.status_code == 400
    content = response.content.decode()
    assert 'role="alert"' in content
    assert "Saisissez une adresse e-mail valide." in content  # Django's own message, in French
    assert 'value="amina-at-example.org"' in content
    assert 'href="#id_consent"' in content  # the missing consent is listed too
    assert not NewsletterSubscription.objects.exists()


def test_the_honeypot_catches_bots_without_telling_them(client, django_capture_on_commit_callbacks):
    response = subscribe(client, "en", django_capture_on_commit_callbacks, homepage="http://spam.example")
    assert response.status_code == 302 and response["Location"] == "/en/newsletter/thanks/"
    assert not NewsletterSubscription.objects.exists()
    assert mail.outbox == []


def test_subscriptions_are_rate_limited_per_client_address(client):
    for number in range(5):
        assert client.post("/en/newsletter/", {**VALID, "email": f"reader{number}@example.org"}).status_code == 302
    response = client.post("/en/newsletter/", {**VALID, "email": "one-too-many@example.org"})
    assert response.status_code == 429
    content = response.content.decode()
    assert 'role="alert"' in content and 'value="one-too-many@example.org"' in content
    assert NewsletterSubscription.objects.count() == 5
    other = client.post("/en/newsletter/", {**VALID, "email": "neighbour@example.org"}, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


def test_subscribing_a_known_address_resends_the_link_and_reveals_nothing(client, django_capture_on_commit_callbacks):
    confirmed = subscription("known@example.org", "en")
    new = subscribe(client, "en", django_capture_on_commit_callbacks, email="new@example.org")
    known = subscribe(client, "en", django_capture_on_commit_callbacks, email="Known@example.org")
    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert client.get(known["Location"]).content == client.get(new["Location"]).content
    assert NewsletterSubscription.objects.filter(email__iexact="known@example.org").count() == 1
    confirmed.refresh_from_db()
    assert confirmed.is_confirmed  # a stranger typing the address cannot cancel a subscription
    assert sorted(message.to[0] for message in mail.outbox) == ["known@example.org", "new@example.org"]


def test_subscribing_again_after_unsubscribing_waits_for_a_new_confirmation(client, django_capture_on_commit_callbacks):
    cancelled = subscription("back@example.org", "pt", unsubscribed=True)
    subscribe(client, "pt", django_capture_on_commit_callbacks, email="back@example.org")
    cancelled.refresh_from_db()
    assert not cancelled.is_confirmed and cancelled.unsubscribed_at is None
    assert f"/pt/newsletter/confirm/{cancelled.token}/" in mail.outbox[0].body


def test_one_mailbox_gets_a_limited_number_of_confirmations(client, django_capture_on_commit_callbacks):
    for address in ("198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4", "198.51.100.5"):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/en/newsletter/", {**VALID, "email": "victim@example.org"}, REMOTE_ADDR=address)
    assert len(mail.outbox) == notifications.CONFIRMATIONS_PER_ADDRESS_PER_DAY


def test_one_address_may_subscribe_in_two_languages(client, django_capture_on_commit_callbacks):
    subscribe(client, "en", django_capture_on_commit_callbacks)
    subscribe(client, "ar", django_capture_on_commit_callbacks)
    assert sorted(NewsletterSubscription.objects.values_list("language", flat=True)) == ["ar", "en"]


def test_the_public_pages_are_valid_html(client):
    reader = subscription("reader@example.org", "ar", confirmed=False)
    pages = {
        "/ar/newsletter/": client.get("/ar/newsletter/"),
        "/ar/newsletter/ (errors)": client.post("/ar/newsletter/", {"email": "not-an-address"}),
        "/ar/newsletter/thanks/": client.get("/ar/newsletter/thanks/"),
        "/ar/newsletter/confirm/": client.get(f"/ar/newsletter/confirm/{reader.token}/"),
        "/ar/newsletter/unsubscribe/": client.get(f"/ar/newsletter/unsubscribe/{reader.token}/"),
    }
    assert html_errors({url: response.content for url, response in pages.items()}) == []


# --- Unsubscribing -----------------------------------------------------------------------------


def test_the_unsubscribe_link_shows_a_button_and_only_a_post_unsubscribes(client):
    reader = subscription("reader@example.org", "hi")
    url = f"/hi/newsletter/unsubscribe/{reader.token}/"
    page = client.get(url)
    assert page.status_code == 200 and f'action="{url}"' in page.content.decode()
    reader.refresh_from_db()
    assert reader.is_confirmed
    assert client.post(url).status_code == 200
    reader.refresh_from_db()
    assert reader.is_unsubscribed and not reader.is_confirmed
    assert client.post(url).status_code == 200  # a second click still answers


def test_a_cancelled_subscription_cannot_be_confirmed_by_an_old_link(client):
    cancelled = subscription("gone@example.org", "ru", confirmed=False, unsubscribed=True)
    client.post(f"/ru/newsletter/confirm/{cancelled.token}/")
    cancelled.refresh_from_db()
    assert not cancelled.is_confirmed


# --- Sending -----------------------------------------------------------------------------------


def test_a_digest_reaches_only_confirmed_subscribers_of_its_language_each_with_a_one_click_unsubscribe(
    client, editor, django_capture_on_commit_callbacks
):
    subscribe(client, "fr", django_capture_on_commit_callbacks, email="claire@example.org")
    claire = NewsletterSubscription.objects.get(email="claire@example.org")
    visitor = Client()
    visitor.post(f"/fr/newsletter/confirm/{claire.token}/")
    paul = subscription("paul@example.org", "fr")
    subscription("pending@example.org", "fr", confirmed=False)
    subscription("left@example.org", "fr", unsubscribed=True)
    subscription("english@example.org", "en")
    mail.outbox.clear()

    client.force_login(editor)
    preview = client.get("/admin/newsletter/fr/preview/").content.decode()
    confirmation_step = client.get("/admin/newsletter/fr/send/")
    assert confirmation_step.status_code == 200
    assert "2 confirmed subscribers" in confirmation_step.content.decode()
    assert not NewsletterIssue.objects.exists() and mail.outbox == []  # the GET only asks

    response = send(client, editor, "fr", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    issue = NewsletterIssue.objects.get()
    assert (issue.language, issue.created_by, issue.recipient_count) == ("fr", editor, 2)
    assert issue.sent_at is not None and "IPSP" in issue.subject and "novembre" in issue.subject
    assert issue.html == preview  # the preview is the issue as sent
    assert f"/fr/newsletter/unsubscribe/{newsletter.TOKEN_PLACEHOLDER}/" in issue.html
    assert sorted(message.to[0] for message in mail.outbox) == ["claire@example.org", "paul@example.org"]
    for message in mail.outbox:
        token = claire.token if message.to == ["claire@example.org"] else paul.token
        unsubscribe_url = f"{BASE_URL}/fr/newsletter/unsubscribe/{token}/"
        assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe_url}>"
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message.subject == issue.subject
        assert unsubscribe_url in message.body
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html" and unsubscribe_url in html
        assert newsletter.TOKEN_PLACEHOLDER not in html
        assert html == issue.html.replace(f"/unsubscribe/{newsletter.TOKEN_PLACEHOLDER}/", f"/unsubscribe/{token}/")

    # RFC 8058: the mail client POSTs the body to the header's URL, without cookies or CSRF token.
    paul_message = next(message for message in mail.outbox if message.to == ["paul@example.org"])
    header_url = paul_message.extra_headers["List-Unsubscribe"].strip("<>").removeprefix(BASE_URL)
    mail_client = Client(enforce_csrf_checks=True)
    one_click = mail_client.post(
        header_url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert one_click.status_code == 200
    paul.refresh_from_db()
    assert paul.is_unsubscribed
    claire.refresh_from_db()
    assert claire.is_confirmed


def test_a_second_click_on_send_does_not_send_the_issue_twice(client, moderator, django_capture_on_commit_callbacks):
    subscription("reader@example.org", "es")
    send(client, moderator, "es", django_capture_on_commit_callbacks)
    first = NewsletterIssue.objects.get()
    assert send(client, moderator, "es", django_capture_on_commit_callbacks).status_code == 302  # stale form
    assert NewsletterIssue.objects.count() == 1 and len(mail.outbox) == 1
    send(client, moderator, "es", django_capture_on_commit_callbacks, last_issue_id=str(first.pk))  # next week
    assert NewsletterIssue.objects.count() == 2 and len(mail.outbox) == 2
    latest = NewsletterIssue.objects.first()
    index = client.get("/admin/newsletter/")
    assert next(row["last_issue"] for row in index.context["languages"] if row["code"] == "es") == latest
    assert client.get(f"/admin/newsletter/issues/{latest.pk}/").content.decode() == latest.html


def test_nothing_is_sent_to_a_language_without_confirmed_subscribers(
    client, editor, django_capture_on_commit_callbacks
):
    subscription("pending@example.org", "bn", confirmed=False)
    send(client, editor, "bn", django_capture_on_commit_callbacks)
    assert not NewsletterIssue.objects.exists() and mail.outbox == []


# --- The digest --------------------------------------------------------------------------------


def test_the_preview_shows_the_news_and_reviewed_practices_of_its_language_with_absolute_links(client, editor):
    client.force_login(editor)
    response = client.get("/admin/newsletter/es/preview/")
    assert response.status_code == 200
    html = response.content.decode()
    spanish_news = live_titles(NewsPage, "es")
    spanish_practices = live_titles(PracticePage, "es")
    assert len(spanish_news) == 3 and len(spanish_practices) >= 5
    for title in spanish_news + spanish_practices:
        assert title in html
    for title in live_titles(NewsPage, "en"):
        assert title not in html
    assert '<html lang="es" dir="ltr">' in html
    links = re.findall(r'href="([^"]+)"', html)
    assert links and all(link.startswith(f"{BASE_URL}/es/") for link in links)
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"  # shown in the send page's iframe


def test_the_arabic_digest_runs_right_to_left_with_its_arabic_text_intact(client, django_capture_on_commit_callbacks):
    digest = newsletter.build_digest("ar")
    html, text = newsletter.render_digest(digest)
    assert '<html lang="ar" dir="rtl">' in html and 'align="right"' in html
    arabic_titles = live_titles(NewsPage, "ar")
    assert arabic_titles and all(re.search("[\u0600-\u06ff]", title) for title in arabic_titles)
    for title in arabic_titles:
        assert title in html and title in text
    assert re.search("[\u0600-\u06ff]", digest.subject)  # the date, in Arabic

    subscription("layla@example.org", "ar")
    with django_capture_on_commit_callbacks(execute=True):
        newsletter.send_issue("ar", user=None)
    (message,) = mail.outbox
    raw = message.message().as_bytes().decode("utf-8", errors="strict")
    assert "utf-8" in raw.lower()
    assert arabic_titles[0] in message.alternatives[0][0] and arabic_titles[0] in message.body


def test_a_quiet_week_shows_the_last_five_items_and_nothing_dated_later():
    english = newsletter.build_digest("en", day=datetime.date(2026, 11, 20))
    news = next(section for section in english.sections if section.key == "news")
    assert [item.title for item in news.items] == [
        "How Porto Alegre taught cities to share their budget",  # 18 November: the only one of the week
        "Community health workers: what Rwanda's experience shows",
        "Share the practices you know",
        "Feedback from the network: adapting Housing First",
        "Opinion: democracy does not stop at the factory gate",
    ]
    earlier = newsletter.build_digest("en", day=datetime.date(2026, 11, 4))
    news = next(section for section in earlier.sections if section.key == "news")
    assert news.items[0].title == "Share the practices you know" and len(news.items) == 4


def test_a_busy_week_shows_every_item_of_the_week_up_to_ten(admin_user):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    day = datetime.date(2026, 12, 10)
    for number in range(12):
        item = NewsPage(title=f"Week item {number}", slug=f"week-item-{number}", summary="Busy.", date=day, body=[])
        index.add_child(instance=item)
        item.save_revision(user=admin_user).publish(user=admin_user)
    digest = newsletter.build_digest("en", day=day)
    news = next(section for section in digest.sections if section.key == "news")
    assert len(news.items) == newsletter.MAXIMUM_ITEMS
    assert all(item.title.startswith("Week item") for item in news.items)
    assert news.more_url == f"{BASE_URL}/en/news/"


def test_practices_are_listed_by_their_first_approved_review():
    english = PracticePage.objects.live().filter(locale__language_code="en").order_by("title")
    old, recent = english[0], english[1]
    ExpertReview.objects.filter(translation_key=old.translation_key).update(
        created_at=timezone.now() - datetime.timedelta(days=60)
    )
    # Later than every seeded review, whenever the (possibly reused) demo database was seeded.
    latest = ExpertReview.objects.aggregate(latest=Max("created_at"))["latest"]
    reviewed_at = max(latest, timezone.now()) + datetime.timedelta(minutes=1)
    ExpertReview.objects.filter(translation_key=recent.translation_key).update(created_at=reviewed_at)
    digest = newsletter.build_digest("en", day=timezone.localdate(reviewed_at) + datetime.timedelta(days=1))
    practices = next(section for section in digest.sections if section.key == "practices")
    titles = [item.title for item in practices.items]
    assert titles[0] == recent.title
    assert old.title not in titles and len(titles) == newsletter.MAXIMUM_ITEMS


def test_events_are_an_empty_section_until_the_events_app_exists(locales):
    assert newsletter.upcoming_events(locales["en"], timezone.localdate()) == []
    html, _text = newsletter.render_digest(newsletter.build_digest("en"))
    assert "Events" not in html  # an empty section is left out


def test_building_and_rendering_a_digest_takes_a_bounded_number_of_queries(django_assert_max_num_queries):
    newsletter.build_digest("fr")  # warm the site-root cache the page URLs use
    # News and practices (12), and one query per event type for the coming events (3).
    with django_assert_max_num_queries(15):
        newsletter.render_digest(newsletter.build_digest("fr"))


# --- Who may send --------------------------------------------------------------------------------


def test_editors_and_moderators_hold_the_send_permission_from_the_migration(editor, moderator, translator_fr):
    assert Group.objects.get(name="Editors").permissions.filter(codename="send_newsletterissue").exists()
    assert editor.has_perm("news.send_newsletterissue") and moderator.has_perm("news.send_newsletterissue")
    assert not translator_fr.has_perm("news.send_newsletterissue")


def test_the_admin_screen_lists_every_language_with_its_confirmed_subscribers(client, moderator):
    subscription("one@example.org", "ur")
    subscription("two@example.org", "ur")
    subscription("pending@example.org", "ur", confirmed=False)
    client.force_login(moderator)
    response = client.get("/admin/newsletter/")
    assert response.status_code == 200
    languages = response.context["languages"]
    assert [language["code"] for language in languages] == [
        "en",
        "zh-hans",
        "hi",
        "es",
        "fr",
        "ar",
        "bn",
        "pt",
        "ru",
        "ur",
    ]
    assert next(language["count"] for language in languages if language["code"] == "ur") == 2
    content = response.content.decode()
    assert 'href="/admin/newsletter/ur/preview/"' in content and 'href="/admin/newsletter/ur/send/"' in content
    assert "/admin/newsletter/" in client.get("/admin/").content.decode()  # the menu item (in the sidebar's props)


def test_a_translator_can_neither_preview_nor_send(client, translator_fr, django_capture_on_commit_callbacks):
    subscription("reader@example.org", "fr")
    client.force_login(translator_fr)
    assert client.get("/admin/newsletter/").status_code == 403
    assert client.get("/admin/newsletter/fr/preview/").status_code == 403
    assert client.get("/admin/newsletter/fr/send/").status_code == 403
    assert send(client, translator_fr, "fr", django_capture_on_commit_callbacks).status_code == 403
    assert not NewsletterIssue.objects.exists() and mail.outbox == []
    assert "/admin/newsletter/" not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client):
    for url in ("/admin/newsletter/", "/admin/newsletter/fr/preview/", "/admin/newsletter/fr/send/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.post("/admin/newsletter/fr/send/").status_code == 302
    assert not NewsletterIssue.objects.exists()
