"""World Social Progress Day: the declaration page and its PDF in every script, the embargo (nothing
leaks before go-live; accredited journalists read it in the press room), endorsements confirmed by
e-mail and counted by country and region, and the read-only admin of endorsements."""

import datetime
import io
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader
from wagtail.models import Revision

from cms.api.views import ENDPOINTS
from cms.factories import UserFactory
from cms.roles import ACCREDITED_JOURNALISTS, EDITORS, MODERATORS
from events.day.declaration_pdf import cache_key as pdf_cache_key
from events.factories import SocialProgressDayPageFactory
from events.models import Endorsement, EventsIndexPage, PressRoomPage, SocialProgressDayPage
from tests.queries import warm_queries
from tests.tooling import html_errors

pytestmark = pytest.mark.django_db

BASE_URL = "https://ipsp.example"
DAY_2026 = "/{lang}/events/day-2026/"
DAY_2027 = "/en/events/day-2027/"
# Words that only the embargoed 2027 declaration contains (demo content).
EMBARGOED_SENTENCE = "Cities concentrate opportunity and exclusion alike."
EMBARGOED_WORDS = ["exclusion alike", "Declaration on inclusive cities", "gated ones", "day-2027"]
VALID = {
    "name": "Amina Diallo",
    "organisation": "Réseau des femmes du Sahel",
    "country": "SN",
    "email": "amina@example.org",
    "consent": "on",
    "homepage": "",
}


@pytest.fixture(autouse=True)
def fresh_cache():
    """Rate limits and cached PDFs live in the cache: each test starts without them."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def public_base_url(settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL


def day(language: str, slug: str = "day-2026") -> SocialProgressDayPage:
    return SocialProgressDayPage.objects.get(locale__language_code=language, slug=slug)


def press_room(language: str) -> PressRoomPage:
    return PressRoomPage.objects.get(locale__language_code=language)


def endorsement(page: SocialProgressDayPage, country: str, confirmed: bool = True, **fields) -> Endorsement:
    number = Endorsement.objects.count()
    return Endorsement.objects.create(
        day=page,
        translation_key=page.translation_key,
        name=fields.pop("name", f"Person {number}"),
        organisation=fields.pop("organisation", ""),
        country_id=country,
        email=fields.pop("email", f"person{number}@example.org"),
        language=page.locale.language_code,
        confirmed_at=timezone.now() if confirmed else None,
        **fields,
    )


def endorse(client, capture, lang: str = "en", **data):
    with capture(execute=True):
        return client.post(DAY_2026.format(lang=lang) + "endorse/", {**VALID, **data})


def pdf_text(content: bytes) -> tuple[str, set[str]]:
    """All the text pypdf extracts, and the names of the embedded fonts (subset prefixes removed)."""
    reader = PdfReader(io.BytesIO(content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return text, fonts


def schedule(page: SocialProgressDayPage, go_live_at: datetime.datetime) -> Revision:
    """Publish with a go-live date in the future: Wagtail schedules the revision, the page stays hidden."""
    page.go_live_at = go_live_at
    revision = page.save_revision()
    revision.publish()
    revision.refresh_from_db()
    assert revision.approved_go_live_at == go_live_at
    return revision


def move_past_go_live(page: SocialProgressDayPage) -> None:
    """What the passing of time does to a scheduled revision, without waiting for it."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    for revision in Revision.objects.for_instance(page).filter(approved_go_live_at__isnull=False):
        revision.approved_go_live_at = past
        revision.content["go_live_at"] = past.isoformat()
        revision.save(update_fields=["approved_go_live_at", "content"])
    SocialProgressDayPage.objects.filter(pk=page.pk).update(go_live_at=past)


# --- The Day page ----------------------------------------------------------------------------------


def test_the_day_page_shows_date_theme_declaration_addressees_and_asks(client):
    response = client.get(DAY_2026.format(lang="en"))
    assert response.status_code == 200
    content = response.content.decode()
    assert '<time datetime="2026-03-16">March 16, 2026</time>' in content
    assert "Fair work in a changing economy" in content
    assert "Declaration on fair work" in content
    assert "Work should give everyone a fair income, security and a voice." in content
    for heading, ask in [
        ("International organisations", "Coordinate minimum standards for platform work."),
        ("National governments", "Extend social protection to every worker, whatever the contract."),
        ("Business leaders", "Give workers a voice in the governance of firms."),
    ]:
        assert heading in content and ask in content
    assert 'href="/en/events/day-2026/declaration/pdf/"' in content
    assert "Download the declaration (PDF)" in content
    assert 'action="/en/events/day-2026/endorse/"' in content
    assert "No confirmed endorsement yet" in content


def test_the_arabic_day_page_is_right_to_left_with_its_date_and_declaration_in_arabic(client):
    content = client.get(DAY_2026.format(lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert '<time datetime="2026-03-16">16 مارس، 2026</time>' in content
    assert day("ar").declaration_title in content
    assert 'href="/ar/events/day-2026/declaration/pdf/"' in content


def test_counts_by_country_and_region_are_shared_by_every_language_and_named_in_the_readers(client):
    english, arabic = day("en"), day("ar")
    endorsement(english, "KE", organisation="Kenya Federation of Workers")
    endorsement(arabic, "NG", name="Chinedu Okafor")
    endorsement(arabic, "KE")
    endorsement(english, "BR")
    endorsement(english, "FR", confirmed=False, organisation="Not yet confirmed")

    content = client.get(DAY_2026.format(lang="ar")).content.decode()
    assert "4 confirmed endorsements" in client.get(DAY_2026.format(lang="en")).content.decode()
    rows = dict(re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', content))
    assert rows["كينيا"] == "2" and rows["نيجيريا"] == "1" and rows["البرازيل"] == "1"  # CLDR, in Arabic
    assert rows["أفريقيا"] == "3" and rows["الأمريكتان"] == "1"  # UN M49 regions, in Arabic
    assert "فرنسا" not in rows and "Not yet confirmed" not in content  # unconfirmed: neither counted nor listed
    assert "Kenya Federation of Workers" in content and "Chinedu Okafor" in content

    english_rows = dict(
        re.findall(
            r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>',
            client.get(DAY_2026.format(lang="en")).content.decode(),
        )
    )
    assert english_rows["Kenya"] == "2" and english_rows["Africa"] == "3" and english_rows["Americas"] == "1"


def test_the_page_takes_a_constant_number_of_queries_whatever_the_endorsements(client):
    page = day("en")
    endorsement(page, "KE")
    few = warm_queries(client, DAY_2026.format(lang="en"))
    for country in ["NG", "FR", "BR", "IN", "BD", "CN", "PE", "MX", "DE", "EG", "ZA", "JP", "AU", "CA", "US"]:
        endorsement(page, country)
        endorsement(day("fr"), country)
    many = warm_queries(client, DAY_2026.format(lang="en"))
    assert "31 confirmed endorsements" in client.get(DAY_2026.format(lang="en")).content.decode()
    assert len(many) == len(few), [query["sql"] for query in many]


def test_the_full_list_of_endorsements_is_paginated(client):
    page = day("en")
    for number in range(105):
        endorsement(page, "KE", organisation=f"Organisation {number:03d}")
    first = client.get(DAY_2026.format(lang="en") + "endorsements/").content.decode()
    assert "Organisation 104" in first and "Page 1 of 2" in first and "Organisation 000" not in first
    second = client.get(DAY_2026.format(lang="en") + "endorsements/?page=2").content.decode()
    assert "Organisation 000" in second
    day_page = client.get(DAY_2026.format(lang="en")).content.decode()
    assert 'href="/en/events/day-2026/endorsements/"' in day_page and "See all 105 endorsements" in day_page


# --- The declaration as a PDF ------------------------------------------------------------------------


def get_pdf(client, lang: str):
    response = client.get(DAY_2026.format(lang=lang) + "declaration/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="declaration-2026-{lang}.pdf"'
    assert response.content.startswith(b"%PDF-")
    return response.content


def test_the_english_pdf_has_the_title_date_declaration_addressees_and_asks(client):
    text, fonts = pdf_text(get_pdf(client, "en"))
    assert "Declaration on fair work" in text
    assert "March 16, 2026" in text
    assert "Work should give everyone a fair income, security and a voice." in text
    assert "National governments" in text and "Give workers a voice in the governance of firms." in text


def test_the_arabic_pdf_is_shaped_right_to_left_in_naskh_and_its_text_extracts(client):
    page = day("ar")
    text, fonts = pdf_text(get_pdf(client, "ar"))
    # pypdf gives back the logical (reading) order of the joined, right-to-left letters.
    assert page.declaration_title in text
    assert page.theme in text
    assert "Noto Naskh Arabic" in " ".join(fonts).replace("-", " ")


def test_the_urdu_pdf_is_right_to_left_in_nastaliq(client):
    text, fonts = pdf_text(get_pdf(client, "ur"))
    assert "Noto Nastaliq Urdu" in " ".join(fonts).replace("-", " ")
    # Nastaliq draws letters with glyphs shared across many contexts, so pypdf's text does not give the
    # words back reliably; this test checks the font and the page link, not the Urdu wording.
    assert f"{BASE_URL}/ur/events/day-2026/" in text  # the one public address (cms.links)


def test_the_bengali_pdf_uses_a_bengali_font_and_its_text_extracts(client):
    page = day("bn")
    text, fonts = pdf_text(get_pdf(client, "bn"))
    assert "Noto Sans Bengali" in " ".join(fonts).replace("-", " ")
    # Conjuncts extract as typed. A PDF maps each glyph, not each cluster, back to text, so words with
    # split vowel signs (ো in ঘোষণা) or a reph come out in visual order: that is a limit of text
    # extraction from any PDF, not of the shaping, and this test does not claim more than it checks.
    assert page.declaration_title.startswith("ন্যায্য কাজ")
    assert "ন্যায্য কাজ" in text


def test_the_hindi_and_chinese_pdfs_embed_their_scripts_fonts(client):
    text, fonts = pdf_text(get_pdf(client, "hi"))
    assert "Noto Sans Devanagari" in " ".join(fonts).replace("-", " ")
    # As in Bengali, words with a vowel sign drawn before its consonant (ि) extract in visual order.
    assert "सामाजिक प्रगति" in day("hi").title and "सामाजिक प्रगति" in text
    text, fonts = pdf_text(get_pdf(client, "zh-hans"))
    assert any("CJK" in font for font in fonts)
    assert day("zh-hans").declaration_title in text


def test_the_pdf_is_cached_until_the_page_is_published_again(client):
    page = day("en")
    assert cache.get(pdf_cache_key(page)) is None
    first = get_pdf(client, "en")
    assert cache.get(pdf_cache_key(page)) == first
    page.declaration_title = "Declaration on fair and decent work"
    page.save_revision().publish()
    page.refresh_from_db()
    assert cache.get(pdf_cache_key(page)) is None  # a new publication, a new key
    text, _fonts = pdf_text(get_pdf(client, "en"))
    assert "Declaration on fair and decent work" in text


# --- Embargo ---------------------------------------------------------------------------------------


def test_the_embargoed_day_is_scheduled_not_live(client):
    page = day("en", "day-2027")
    assert not page.live
    assert Revision.objects.for_instance(page).filter(approved_go_live_at__gt=timezone.now()).exists()
    for path in ["", "declaration/pdf/", "endorse/", "endorsements/"]:
        assert client.get(DAY_2027 + path).status_code == 404, path


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/en/events/",
        "/en/news/feed/rss/",
        "/en/news/feed/atom/",
        "/en/practices/feed/rss/",
        "/en/practices/feed/atom/",
        "/sitemap.xml",
        "/en/search/?q=concentrate+opportunity+exclusion",  # the results page repeats the query, so not a phrase below
        "/en/search/?q=inclusive+cities",
    ],
)
def test_nothing_of_the_embargoed_declaration_leaks_before_go_live(client, url):
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    for words in EMBARGOED_WORDS:
        assert words not in content, words


def test_the_partner_api_does_not_show_the_embargoed_declaration(client):
    # There is no generic pages endpoint (/api/v2/pages/ answers 404): every endpoint the API has (news,
    # practices, reports, briefs, and the events ones where present) is listed and searched.
    assert client.get("/api/v2/pages/").status_code == 404
    for viewset in ENDPOINTS:
        for params in [{"language": "en"}, {"language": "en", "search": "concentrate opportunity exclusion"}]:
            response = client.get(f"/api/v2/{viewset.endpoint_name}/", params)
            assert response.status_code == 200, (viewset.endpoint_name, response.content)
            for words in EMBARGOED_WORDS:
                assert words not in response.content.decode(), (viewset.endpoint_name, params)


def test_an_accredited_journalist_reads_the_embargoed_declaration_in_the_press_room(client):
    client.force_login(UserFactory(groups=[ACCREDITED_JOURNALISTS]))
    response = client.get("/en/events/press-room/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Declaration on inclusive cities" in content
    assert EMBARGOED_SENTENCE in content
    assert "Give cities the means and the duty to house their residents." in content
    assert '<time datetime="2027-03-15T09:00:00+00:00">March 15, 2027, 9 a.m.</time> (UTC)' in content
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]
    pdf = client.get(f"/en/events/press-room/declaration/{day('en', 'day-2027').pk}/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert pdf["Content-Disposition"] == 'attachment; filename="declaration-2027-en-embargoed.pdf"'
    text, _fonts = pdf_text(pdf.content)
    assert "Declaration on inclusive cities" in text and "Embargoed" in text


def test_the_press_room_shows_the_embargo_in_the_days_time_zone_and_utc_in_the_readers_language(client, locales):
    events = EventsIndexPage.objects.get(locale=locales["ar"])
    scheduled = SocialProgressDayPageFactory(
        parent=events,
        slug="day-2031",
        title="اليوم العالمي للتقدم الاجتماعي 2031",
        declaration_title="إعلان بشأن المدن الشاملة",
        time_zone="Asia/Dhaka",
        live=False,
    )
    schedule(scheduled, datetime.datetime(2031, 3, 15, 3, 0, tzinfo=datetime.UTC))
    client.force_login(UserFactory(groups=[ACCREDITED_JOURNALISTS]))
    content = client.get("/ar/events/press-room/").content.decode()
    assert "إعلان بشأن المدن الشاملة" in content
    assert "(Asia/Dhaka, UTC+06:00)" in content
    assert '<time datetime="2031-03-15T03:00:00+00:00">مارس 15, 2031, 9 ص</time>' in content  # Dhaka
    assert '<time datetime="2031-03-15T03:00:00+00:00">مارس 15, 2031, 3 ص</time> (UTC)' in content
    # Each press room lists its own language's declarations.
    assert "Declaration on inclusive cities" not in content
    assert "إعلان بشأن المدن الشاملة" not in client.get("/en/events/press-room/").content.decode()
    assert client.get("/ar/events/day-2031/").status_code == 404


def test_the_press_room_refuses_visitors_and_staff_outside_the_group(client):
    for user in [None, UserFactory(groups=[EDITORS]), UserFactory(groups=[MODERATORS])]:
        client.logout()
        if user:
            client.force_login(user)
        for url in ["/en/events/press-room/", f"/en/events/press-room/declaration/{day('en', 'day-2027').pk}/pdf/"]:
            response = client.get(url)
            # Wagtail's group restriction: a redirect to the site's login, for visitors and signed-in users alike.
            assert response.status_code == 302, (user, url)
            assert response["Location"].startswith("/en/account/login/?next=/en/events/press-room/")
            assert "inclusive cities" not in response.content.decode()
        if user:
            # Signed in without access: the login form and why, not a redirect back (a loop).
            login = client.get(response["Location"])
            assert login.status_code == 200 and 'id="login-form"' in login.content.decode()
            assert f"You are logged in as {user.email}" in login.content.decode()


def test_a_journalist_logs_in_by_e_mail_on_the_site_login_and_lands_in_the_press_room(client):
    journalist = UserFactory(groups=[ACCREDITED_JOURNALISTS])
    wall = client.get("/ar/events/press-room/")
    assert wall.status_code == 302
    login = client.get(wall["Location"])
    content = login.content.decode()
    assert login.status_code == 200 and login.templates[0].name == "community/accounts/login.html"
    assert '<html lang="ar" dir="rtl"' in content and 'type="email"' in content and "Username" not in content
    assert '<input type="hidden" name="next" value="/ar/events/press-room/">' in content
    response = client.post(
        wall["Location"],
        {"email": journalist.email, "password": "correct-horse-battery", "next": "/ar/events/press-room/"},
    )
    assert response.status_code == 302 and response["Location"] == "/ar/events/press-room/"
    assert client.get(response["Location"]).status_code == 200


def test_wagtail_s_own_login_address_leads_to_the_site_login_with_next_kept(client):
    response = client.get("/en/_util/login/?next=/en/events/press-room/")
    assert response.status_code == 302 and response["Location"] == "/en/account/login/?next=/en/events/press-room/"


def test_after_go_live_publish_scheduled_makes_the_declaration_public(client):
    page = day("en", "day-2027")
    move_past_go_live(page)
    call_command("publish_scheduled", stdout=io.StringIO())
    page.refresh_from_db()
    assert page.live
    response = client.get(DAY_2027)
    assert response.status_code == 200 and EMBARGOED_SENTENCE in response.content.decode()
    assert client.get(DAY_2027 + "declaration/pdf/").status_code == 200
    # The same checks that found nothing before go-live now find it: they were not vacuous.
    assert "/en/events/day-2027/" in client.get("/sitemap.xml").content.decode()
    assert "/en/events/day-2027/" in client.get("/en/search/?q=concentrate+opportunity+exclusion").content.decode()
    assert "/en/events/day-2027/" in client.get("/en/events/").content.decode()
    client.force_login(UserFactory(groups=[ACCREDITED_JOURNALISTS]))
    assert EMBARGOED_SENTENCE not in client.get("/en/events/press-room/").content.decode()


# --- Endorsements ------------------------------------------------------------------------------------


def test_endorsing_stores_an_unconfirmed_endorsement_and_mails_the_link(client, django_capture_on_commit_callbacks):
    response = endorse(client, django_capture_on_commit_callbacks, lang="fr")
    assert response.status_code == 302 and response["Location"] == "/fr/events/day-2026/endorse/thanks/"
    assert client.get(response["Location"]).status_code == 200
    endorsement = Endorsement.objects.get(email="amina@example.org")
    assert endorsement.day == day("fr") and endorsement.translation_key == day("en").translation_key
    assert endorsement.language == "fr" and endorsement.confirmed_at is None
    assert (endorsement.name, endorsement.organisation, endorsement.country_id) == (
        "Amina Diallo",
        "Réseau des femmes du Sahel",
        "SN",
    )
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert f"{BASE_URL}/fr/events/day-2026/endorse/confirm/{endorsement.token}/" in message.body
    # Not counted before it is confirmed.
    assert "Réseau des femmes du Sahel" not in client.get(DAY_2026.format(lang="fr")).content.decode()


def test_the_confirmation_link_shows_a_button_and_only_a_post_confirms(client, django_capture_on_commit_callbacks):
    endorse(client, django_capture_on_commit_callbacks)
    endorsement = Endorsement.objects.get(email="amina@example.org")
    url = DAY_2026.format(lang="en") + f"endorse/confirm/{endorsement.token}/"
    page = client.get(url)  # what a mail scanner following the link does
    assert page.status_code == 200
    content = page.content.decode()
    assert f'<form method="post" action="{url}">' in content
    assert "Réseau des femmes du Sahel (Senegal)" in content  # what will be published
    # The token must not reach other sites, but the browser must send its Origin on the POST: with
    # "no-referrer" it sends "Origin: null" and Django's CSRF check refuses the confirmation.
    assert '<meta name="referrer" content="same-origin">' in content
    endorsement.refresh_from_db()
    assert endorsement.confirmed_at is None
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == url
    assert "Your endorsement is confirmed" in client.get(url).content.decode()
    endorsement.refresh_from_db()
    assert endorsement.confirmed_at is not None
    content = client.get(DAY_2026.format(lang="en")).content.decode()
    assert "1 confirmed endorsement" in content and "Réseau des femmes du Sahel" in content
    assert '<tr><th scope="row">Senegal</th><td>1</td></tr>' in content


def test_a_token_only_confirms_on_its_own_declaration(client):
    other = SocialProgressDayPageFactory(parent=EventsIndexPage.objects.get(locale=day("en").locale), slug="day-2032")
    foreign = endorsement(other, "KE", confirmed=False)
    assert client.get(DAY_2026.format(lang="en") + f"endorse/confirm/{foreign.token}/").status_code == 404
    assert client.post(DAY_2026.format(lang="en") + "endorse/confirm/not-a-token/").status_code == 404
    # A translation of the same declaration confirms it: the link may be opened in any language.
    mine = endorsement(day("en"), "KE", confirmed=False)
    assert client.get(DAY_2026.format(lang="es") + f"endorse/confirm/{mine.token}/").status_code == 200


def test_errors_are_explained_and_what_was_typed_is_kept(client):
    response = client.post(
        DAY_2026.format(lang="en") + "endorse/", {**VALID, "email": "amina-at-example.org", "consent": ""}
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert 'role="alert"' in content and "Please correct the fields below" in content
    assert 'href="#id_email"' in content and 'href="#id_consent"' in content
    assert 'value="amina-at-example.org"' in content
    assert 'value="Réseau des femmes du Sahel"' in content
    assert '<option value="SN" selected>' in content
    assert 'id="id_email_helptext"' in content
    # Django points each field at its help text and its errors; both are on the page.
    assert 'aria-describedby="id_email_helptext id_email_error"' in content and 'id="id_email_error"' in content
    assert not Endorsement.objects.exists()


def test_the_honeypot_catches_bots_without_telling_them(client, django_capture_on_commit_callbacks):
    response = endorse(client, django_capture_on_commit_callbacks, homepage="http://spam.example")
    assert response.status_code == 302 and response["Location"] == "/en/events/day-2026/endorse/thanks/"
    assert not Endorsement.objects.exists()
    assert mail.outbox == []


def test_endorsements_are_rate_limited_per_client_address(client):
    for number in range(5):
        response = client.post(DAY_2026.format(lang="en") + "endorse/", {**VALID, "email": f"p{number}@example.org"})
        assert response.status_code == 302
    response = client.post(DAY_2026.format(lang="en") + "endorse/", {**VALID, "email": "sixth@example.org"})
    assert response.status_code == 429
    content = response.content.decode()
    assert 'role="alert"' in content and 'value="sixth@example.org"' in content
    assert Endorsement.objects.count() == 5
    other = client.post(
        DAY_2026.format(lang="en") + "endorse/", {**VALID, "email": "neighbour@example.org"}, REMOTE_ADDR="203.0.113.9"
    )
    assert other.status_code == 302


def test_one_endorsement_per_address_and_declaration_in_every_language_and_nothing_revealed(
    client, django_capture_on_commit_callbacks
):
    first = endorse(client, django_capture_on_commit_callbacks, lang="en")
    again = endorse(
        client, django_capture_on_commit_callbacks, lang="ar", email="Amina@Example.org", organisation="Sahel Women"
    )
    assert first.status_code == again.status_code == 302
    assert Endorsement.objects.count() == 1
    endorsement = Endorsement.objects.get()
    # Still unconfirmed: the latest details are those the address's owner will confirm, and the link comes again.
    assert endorsement.organisation == "Sahel Women" and endorsement.language == "ar"
    assert len(mail.outbox) == 2
    assert f"/ar/events/day-2026/endorse/confirm/{endorsement.token}/" in mail.outbox[1].body

    endorsement.confirmed_at = timezone.now()
    endorsement.save()
    stranger = endorse(client, django_capture_on_commit_callbacks, lang="fr", organisation="Someone else")
    new = endorse(client, django_capture_on_commit_callbacks, lang="fr", email="new@example.org")
    assert (stranger.status_code, stranger["Location"]) == (new.status_code, new["Location"])
    endorsement.refresh_from_db()
    assert endorsement.organisation == "Sahel Women"  # a confirmed endorsement is not changed by a stranger
    assert Endorsement.objects.count() == 2
    already = next(message for message in mail.outbox[2:] if message.to == ["amina@example.org"])
    assert endorsement.token not in already.body  # the owner is told, in French, that nothing is to be done
    assert "/confirm/" not in already.body


def test_a_mailbox_gets_at_most_three_messages_a_day_per_declaration(client, django_capture_on_commit_callbacks):
    for number in range(5):  # from five client addresses, so the per-address rate limit does not stop them
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(DAY_2026.format(lang="en") + "endorse/", VALID, REMOTE_ADDR=f"203.0.113.{number}")
        assert response.status_code == 302
    assert len(mail.outbox) == 3


def test_an_embargoed_declaration_cannot_be_endorsed(client):
    response = client.post(DAY_2027 + "endorse/", VALID)
    assert response.status_code == 404
    assert not Endorsement.objects.exists()


# --- Admin -------------------------------------------------------------------------------------------


def test_editors_see_endorsements_with_filters_and_cannot_change_them(client):
    confirmed = endorsement(day("en"), "KE", organisation="Kenya Federation of Workers")
    pending = endorsement(day("ar"), "EG", confirmed=False, organisation="Cairo Collective")
    for user in [UserFactory(groups=[EDITORS]), UserFactory(groups=[MODERATORS])]:
        client.force_login(user)
        content = client.get("/admin/endorsements/").content.decode()
        assert "Kenya Federation of Workers" in content and "Cairo Collective" in content
        assert confirmed.email in content
        filtered = client.get("/admin/endorsements/", {"confirmed": "true"}).content.decode()
        assert "Kenya Federation of Workers" in filtered and "Cairo Collective" not in filtered
        by_region = client.get("/admin/endorsements/", {"region": "002", "language": "ar"}).content.decode()
        assert "Cairo Collective" in by_region and "Kenya Federation of Workers" not in by_region
        assert client.get(f"/admin/endorsements/inspect/{pending.pk}/").status_code == 200
        assert client.get("/admin/endorsements/new/").status_code in (302, 403)
        assert client.get(f"/admin/endorsements/edit/{pending.pk}/").status_code in (302, 403)
        assert client.post(f"/admin/endorsements/delete/{pending.pk}/").status_code in (302, 403)
    assert Endorsement.objects.count() == 2


def test_even_a_superuser_cannot_edit_an_endorsement(client):
    pending = endorsement(day("en"), "KE", confirmed=False)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert client.get("/admin/endorsements/").status_code == 200
    for url in ["/admin/endorsements/new/", f"/admin/endorsements/edit/{pending.pk}/"]:
        assert client.get(url).status_code in (302, 403), url
    client.post(f"/admin/endorsements/edit/{pending.pk}/", {"name": "Changed", "country": "KE"})
    pending.refresh_from_db()
    assert pending.name != "Changed"


def test_people_without_the_permission_do_not_see_endorsements(client):
    endorsement(day("en"), "KE", organisation="Kenya Federation of Workers")
    client.force_login(UserFactory(groups=[ACCREDITED_JOURNALISTS]))
    response = client.get("/admin/endorsements/")
    assert response.status_code in (302, 403)
    assert "Kenya Federation of Workers" not in response.content.decode()


# --- Valid HTML --------------------------------------------------------------------------------------


def test_day_pages_have_no_html_errors(client):
    """Every Day screen (with endorsements, with form errors) and the press room as a journalist,
    validated by the Nu HTML Checker."""
    for language, country in [("en", "KE"), ("ar", "EG"), ("ur", "PK")]:
        endorsement(day(language), country, organisation=f"Organisation in {country}")
    pending = endorsement(day("ar"), "MA", confirmed=False)
    pages = {
        **{f"/{lang}/events/day-2026/": client.get(DAY_2026.format(lang=lang)) for lang in ("en", "ar", "ur", "bn")},
        "/en/events/day-2026/endorse/ (errors)": client.post(DAY_2026.format(lang="en") + "endorse/", {"email": "x"}),
        "/ar/events/day-2026/endorse/thanks/": client.get(DAY_2026.format(lang="ar") + "endorse/thanks/"),
        "/ar/events/day-2026/endorse/confirm/": client.get(
            DAY_2026.format(lang="ar") + f"endorse/confirm/{pending.token}/"
        ),
        "/en/events/day-2026/endorsements/": client.get(DAY_2026.format(lang="en") + "endorsements/"),
    }
    client.force_login(UserFactory(groups=[ACCREDITED_JOURNALISTS]))
    pages["/en/events/press-room/"] = client.get("/en/events/press-room/")
    pages["/ar/events/press-room/"] = client.get("/ar/events/press-room/")
    for url, response in pages.items():
        assert response.status_code in (200, 400), url
    assert html_errors({url: response.content for url, response in pages.items()}) == []
