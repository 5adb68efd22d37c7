"""Share kits: the card image in every script, texts within each network's limit in every language,
relays that count only for whoever made them, short links that count readers (not bots), and the
editors' multiplier report."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from wagtail.models import Page

from cms.models import Relay, ShareKit, ShareLink, ShareVisit
from cms.sharing import cards, services, texts
from cms.sharing.mixins import ShareKitMixin
from community.factories import AffiliationFactory, ParticipantFactory, PartnerFactory
from events.models import SocialProgressDayPage
from news.models import NewsPage
from practices.models import PracticePage
from reports.models import ChapterPage, PolicyBriefPage, ReportPage
from tests.tooling import axe_violations, html_errors

pytestmark = pytest.mark.django_db

REPORT = "/{lang}/reports/rethinking-society/"
PRACTICE = "/{lang}/practices/rwanda-community-health-workers/"
BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36"}
LANGUAGES = ["en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"]


def report(language: str = "en") -> ReportPage:
    return ReportPage.objects.get(locale__language_code=language, slug="rethinking-society")


def ink_box(png: bytes) -> tuple[tuple[int, int], tuple[int, int, int, int] | None]:
    """The image's size and the bounding box of the title area's pixels that differ from the background."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    title_area = image.crop((0, 0, image.width, cards.SIZE[1] - cards.MARGIN - 60))
    background = Image.new("RGB", title_area.size, cards.BACKGROUND)
    from PIL import ImageChops

    return image.size, ImageChops.difference(title_area, background).getbbox()


# --- The card image --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "title", "rtl"),
    [
        ("ar", "إعادة التفكير في المجتمع للقرن الحادي والعشرين", True),
        ("hi", "इक्कीसवीं सदी के लिए समाज पर पुनर्विचार", False),
    ],
)
def test_card_is_1200_by_630_with_the_title_drawn_on_the_reading_side(language, title, rtl):
    size, box = ink_box(cards.draw_card(title, language, "IPSP"))
    assert size == (1200, 630)
    assert box is not None  # the title area is not empty
    left, top, right, bottom = box
    assert right - left > 300 and bottom - top > 40
    if rtl:  # right to left: flush with the right margin
        assert abs(right - (1200 - cards.MARGIN)) <= 4 and left > cards.MARGIN - 4
    else:
        assert abs(left - cards.MARGIN) <= 8


def test_an_untranslated_title_on_an_arabic_page_is_drawn_left_to_right_in_latin_letters():
    size, box = ink_box(cards.draw_card("Rethinking Society for the 21st Century", "ar", "الفريق الدولي"))
    assert size == (1200, 630) and box is not None
    assert abs(box[0] - cards.MARGIN) <= 8
    assert cards.script_language("Rethinking Society", "ar") == "en"
    assert cards.script_language("سماجی ترقی", "ur") == "ur"
    assert cards.script_language("社会进步", "zh-hans") == "zh-hans"


def test_arabic_is_shaped_not_drawn_letter_by_letter():
    """Joined letters take less room than the isolated forms Pillow draws without a layout engine."""
    from PIL import ImageDraw, features

    assert features.check("raqm"), "Pillow needs libraqm (bundled in its wheels) to shape Arabic and Indic scripts"
    font = cards._font("ar", 72)
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    shaped = draw.textlength("التقدم الاجتماعي", font=font, direction="rtl", language="ar")
    basic = cards.ImageFont.truetype(cards.font_path("ar")[0], 72, layout_engine=cards.ImageFont.Layout.BASIC)
    assert shaped < draw.textlength("التقدم الاجتماعي", font=basic)


def test_card_is_served_per_language_and_stored_once(client):
    for language in ("ar", "hi", "zh-hans"):
        response = client.get(REPORT.format(lang=language) + "share/card/")
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
        size, box = ink_box(response.content)
        assert size == (1200, 630) and box is not None
    page = report("ar")
    from django.core.files.storage import default_storage

    assert default_storage.exists(cards.storage_name(page))


# --- Texts within each network's limit -------------------------------------------------------------


def test_x_counts_chinese_twice_and_links_as_23():
    assert texts.x_length("abc") == 3
    assert texts.x_length("社会进步") == 8
    assert texts.x_length("नमस्ते") == 6 and texts.x_length("سلام") == 4
    assert texts.x_length("see https://example.org/a/very/long/path/indeed") == 4 + 23
    assert texts.graphemes("नमस्ते") == 3  # Bluesky counts what a reader sees as one letter


SHARED_TYPES = [ReportPage, ChapterPage, PolicyBriefPage, PracticePage, NewsPage, SocialProgressDayPage]


def test_every_shared_page_type_has_a_share_kit():
    for model in SHARED_TYPES:
        assert issubclass(model, ShareKitMixin), model


@pytest.mark.parametrize("model", SHARED_TYPES, ids=lambda model: model.__name__)
def test_kit_texts_respect_each_networks_limit_in_every_language(model):
    pages = list(model.objects.live().filter(alias_of=None).select_related("locale"))
    languages = {page.locale.language_code for page in pages}
    assert languages == set(LANGUAGES), f"{model.__name__} in {sorted(languages)}"
    for page in pages:
        kit = services.share_kit(page)
        assert kit.key_message
        for item in kit.networks:
            assert item["link"] in item["text"], (page.url, item["code"])
            assert texts.network_length(item["code"], item["text"]) <= texts.LIMITS[item["code"]], (
                page.url,
                item["code"],
            )
            assert item["length"] <= item["limit"]


def test_a_long_default_is_shortened_at_a_word_to_fit_x_and_bluesky():
    page = PracticePage.objects.get(locale__language_code="zh-hans", slug="m-pesa-mobile-money")
    page.summary = "社区卫生工作者在每个村庄提供基本医疗服务。" * 20
    kit = services.share_kit(page)
    x = next(item for item in kit.networks if item["code"] == "x")
    assert texts.x_length(x["text"]) <= 280 and "…" in x["text"]
    hindi = PracticePage.objects.get(locale__language_code="hi", slug="m-pesa-mobile-money")
    hindi.summary = "सामुदायिक स्वास्थ्य कार्यकर्ता हर गाँव में बुनियादी देखभाल प्रदान करते हैं। " * 10
    bluesky = next(item for item in services.share_kit(hindi).networks if item["code"] == "bluesky")
    assert texts.graphemes(bluesky["text"]) <= 300 and "…" in bluesky["text"]


def test_editors_text_too_long_for_x_once_the_link_is_added_is_refused():
    page = ChapterPage.objects.filter(locale__language_code="zh-hans", alias_of=None).first()
    kit = ShareKit(page=page, locale=page.locale, x_text="社会进步" * 35)  # 140 characters, 280 for X
    with pytest.raises(ValidationError) as refused:
        kit.full_clean()
    assert "x_text" in refused.value.message_dict
    kit.x_text = "社会进步" * 25
    kit.full_clean()


def test_editors_texts_are_used_else_the_summary():
    page = ChapterPage.objects.filter(locale__language_code="fr", alias_of=None).first()
    assert services.share_kit(page).key_message == texts.plain(page.summary)
    ShareKit.objects.create(
        page=page,
        locale=page.locale,
        key_message="Le progrès social est possible.",
        x_text="Le chapitre, à lire et partager.",
    )
    kit = services.share_kit(page)
    assert kit.key_message == "Le progrès social est possible."
    x = next(item for item in kit.networks if item["code"] == "x")
    assert x["text"].startswith("Le chapitre, à lire et partager.")
    whatsapp = next(item for item in kit.networks if item["code"] == "whatsapp")
    assert "Le progrès social est possible." in whatsapp["text"]  # the key message where no text was written


def test_demo_kits_on_the_flagship_report_and_three_practices_in_every_language(client):
    for language in LANGUAGES:
        kits = ShareKit.objects.filter(locale__language_code=language).select_related("page")
        assert {kit.page.slug for kit in kits} >= {
            "rethinking-society",
            "rwanda-community-health-workers",
            "housing-first-finland",
            "participatory-budgeting-porto-alegre",
        }
        assert all(kit.page.locale_id == kit.locale_id for kit in kits)  # a translated kit follows its page
    arabic = ShareKit.objects.get(page=report("ar"))
    content = client.get(REPORT.format(lang="ar") + "share/").content.decode()
    assert arabic.key_message in content and arabic.key_message != ShareKit.objects.get(page=report("en")).key_message


# --- The share kit page ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_share_kit_page_in_every_language(client, language):
    response = client.get(PRACTICE.format(lang=language) + "share/")
    assert response.status_code == 200
    content = response.content.decode()
    direction = "rtl" if language in ("ar", "ur") else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in content
    assert content.count('class="share-kit__text"') == 5
    assert "share/card/" in content


def test_share_kit_pages_are_valid_html_and_accessible(client, django_user_model):
    member = ParticipantFactory()
    documents = {
        f"{language} anonymous": client.get(REPORT.format(lang=language) + "share/") for language in ("en", "ar")
    }
    client.force_login(member)
    documents.update(
        {f"{language} member": client.get(PRACTICE.format(lang=language) + "share/") for language in ("en", "ar")}
    )
    rendered = {name: response.content for name, response in documents.items()}
    assert all(response.status_code == 200 for response in documents.values())
    assert html_errors(rendered) == []
    assert {name: found for name, found in axe_violations(rendered).items() if found} == {}


# --- Relays: one click, counted only for whoever relays --------------------------------------------


def test_a_members_relay_counts_for_that_member_only(client):
    alice, bob = ParticipantFactory(), ParticipantFactory()
    page = report("ar")
    client.force_login(alice)
    response = client.post(REPORT.format(lang="ar") + "share/relay/", {"network": "x", "user": bob.pk})
    assert response.status_code == 303 and response["Location"].startswith("https://x.com/intent/post?text=")
    relay = Relay.objects.get(page=page, user=alice)
    assert (relay.user, relay.partner, relay.network, relay.language) == (alice, None, "x", "ar")
    # The text posted carries Alice's own link; following it counts for Alice.
    assert relay.link.user == alice and relay.link.code in response["Location"]
    client.logout()
    client.get(f"/s/{relay.link.code}/", **BROWSER)
    assert services.member_counts(page, alice) == {"relays": 1, "visits": 1}
    assert services.member_counts(page, bob) == {"relays": 0, "visits": 0}
    assert not Relay.objects.filter(user=bob).exists()
    client.force_login(bob)
    content = client.get(REPORT.format(lang="ar") + "share/").content.decode()
    assert relay.link.code not in content  # Bob's kit has Bob's links


def test_a_member_cannot_relay_for_a_partner_they_do_not_administer(client):
    member = AffiliationFactory(is_administrator=False).user
    partner = member.affiliations.get().partner
    other = PartnerFactory()
    client.force_login(member)
    for target in (partner, other):
        response = client.post(REPORT.format(lang="en") + "share/relay/", {"network": "bluesky", "partner": target.pk})
        assert response.status_code == 403
    assert not Relay.objects.filter(user=member).exists()


def test_a_partner_administrator_relays_for_the_organisation(client):
    affiliation = AffiliationFactory(is_administrator=True)
    client.force_login(affiliation.user)
    page_url = PRACTICE.format(lang="hi") + "share/"
    assert affiliation.partner.name in client.get(page_url).content.decode()
    response = client.post(page_url + "relay/", {"network": "linkedin", "partner": affiliation.partner.pk})
    assert response.status_code == 303 and response["Location"].startswith("https://www.linkedin.com/")
    relay = Relay.objects.get(user=affiliation.user)
    assert relay.partner == affiliation.partner and relay.link.partner == affiliation.partner
    assert relay.link.user is None  # the organisation's link, shared by its administrators


def test_e_mail_relay_opens_the_mail_program(client):
    client.force_login(ParticipantFactory())
    response = client.post(REPORT.format(lang="en") + "share/relay/", {"network": "email"})
    assert response.status_code == 303 and response["Location"].startswith("mailto:?subject=")


def test_relay_needs_a_login_and_a_post(client):
    url = REPORT.format(lang="en") + "share/relay/"
    response = client.post(url, {"network": "x"})
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    relays = Relay.objects.count()
    member = ParticipantFactory()
    client.force_login(member)
    assert client.get(url).status_code == 405
    assert client.post(url, {"network": "myspace"}).status_code == 404
    assert Relay.objects.count() == relays


# --- Short links count readers ---------------------------------------------------------------------


def test_short_link_lands_on_the_page_tagged_and_counts_once_per_reader_and_hour(client):
    member = ParticipantFactory()
    page = report("ru")
    link = services.links_for(page, user=member)["whatsapp"]
    response = client.get(f"/s/{link.code}/", **BROWSER)
    assert response.status_code == 302
    assert response["Location"] == (
        f"http://localhost/ru/reports/rethinking-society/?utm_source=whatsapp&utm_medium=social"
        f"&utm_campaign=share-kit&utm_content=member-{member.pk}"
    ) or response["Location"].endswith(
        f"/ru/reports/rethinking-society/?utm_source=whatsapp&utm_medium=social"
        f"&utm_campaign=share-kit&utm_content=member-{member.pk}"
    )
    client.get(f"/s/{link.code}/", **BROWSER)  # the same reader again within the hour
    client.get(f"/s/{link.code}/", REMOTE_ADDR="192.0.2.7", **BROWSER)  # another reader
    client.get(f"/s/{link.code}/", HTTP_USER_AGENT="WhatsApp/2.23.20.0", REMOTE_ADDR="192.0.2.8")  # link preview
    client.get(f"/s/{link.code}/", HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)", REMOTE_ADDR="192.0.2.9")
    client.head(f"/s/{link.code}/", REMOTE_ADDR="192.0.2.10", **BROWSER)
    assert ShareVisit.objects.filter(link=link).count() == 2


def test_unknown_short_link_and_unpublished_page_give_404(client):
    assert client.get("/s/nonexistent/", follow=True, **BROWSER).status_code == 404
    page = report("pt")
    link = services.links_for(page)["x"]
    Page.objects.filter(pk=page.pk).update(live=False)
    assert client.get(f"/s/{link.code}/", follow=True, **BROWSER).status_code == 404
    assert not ShareVisit.objects.filter(link=link).exists()


# --- The editors' report: the multiplier -----------------------------------------------------------


def _relay_and_visit(page, network: str, *, user=None, partner=None, visits: int = 1):
    user = user or ParticipantFactory()
    relay, _kit = services.relay(page, network, user, partner)
    ShareVisit.objects.bulk_create([ShareVisit(link=relay.link) for _ in range(visits)])
    return relay


def test_editors_see_relays_by_network_and_partner_and_the_visits_they_brought(client, editor):
    Relay.objects.all().delete()
    ShareVisit.objects.all().delete()
    affiliation = AffiliationFactory(is_administrator=True, partner__name="Red de Salud Comunitaria")
    spanish = report("es")
    _relay_and_visit(spanish, "x", visits=3)
    _relay_and_visit(spanish, "linkedin", user=affiliation.user, partner=affiliation.partner, visits=5)
    _relay_and_visit(report("ar"), "whatsapp", visits=2)
    rows = {(row.page.pk, row.language): row for row in services.multiplier_report()}
    row = rows[(spanish.pk, "es")]
    assert (row.relays, row.visits, row.multiplier) == (2, 8, 4.0)
    assert row.by_network == {"x": {"relays": 1, "visits": 3}, "linkedin": {"relays": 1, "visits": 5}}
    assert row.by_partner == {"Red de Salud Comunitaria": {"relays": 1, "visits": 5}}
    assert rows[(report("ar").pk, "ar")].visits == 2
    client.force_login(editor)
    content = client.get("/admin/reports/share-kits/?language=es").content.decode()
    assert content.count('data-testid="share-report-row"') == 1
    assert "Red de Salud Comunitaria — relays: 1, visits: 5" in content


def test_only_editors_see_the_multiplier_report(client):
    client.force_login(ParticipantFactory())
    assert client.get("/admin/reports/share-kits/").status_code in (302, 403)
    client.logout()
    assert client.get("/admin/reports/share-kits/").status_code == 302


def test_multiplier_report_query_count_does_not_grow_with_relays(django_assert_num_queries):
    _relay_and_visit(report("en"), "x")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            services.multiplier_report()
        return len(queries)

    few = count()
    for language in ("fr", "bn", "ur"):
        _relay_and_visit(report(language), "bluesky", visits=2)
    assert count() == few == 5


def test_share_kit_page_query_count_is_constant_for_a_member(client, django_assert_max_num_queries):
    client.force_login(ParticipantFactory())
    url = PRACTICE.format(lang="bn") + "share/"
    client.get(url)  # links made on first view

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    first = count()
    ShareLink.objects.filter(user=None, partner=None).exists()
    assert count() == first


def test_relay_forms_may_go_on_to_the_networks_under_the_content_security_policy(client, settings):
    from cms.headers import PUBLIC_POLICY

    settings.CONTENT_SECURITY_POLICY = PUBLIC_POLICY
    anonymous = client.get(REPORT.format(lang="en") + "share/")["Content-Security-Policy"]
    assert "form-action 'self';" in anonymous
    client.force_login(ParticipantFactory())
    member = client.get(REPORT.format(lang="en") + "share/")["Content-Security-Policy"]
    assert "form-action 'self' https://x.com https://bsky.app https://www.linkedin.com https://wa.me mailto:;" in member
    assert "form-action 'self';" in client.get(REPORT.format(lang="en"))["Content-Security-Policy"]


def test_editors_write_share_kits_in_the_admin(client, editor):
    client.force_login(editor)
    listing = client.get("/admin/snippets/cms/sharekit/")
    assert listing.status_code == 200 and "Housing First in Finland" in listing.content.decode()
    assert client.get("/admin/snippets/cms/sharekit/add/").status_code == 200
    kit = ShareKit.objects.get(page=report("en"))
    edit = client.get(f"/admin/snippets/cms/sharekit/edit/{kit.pk}/")
    assert edit.status_code == 200 and kit.key_message in edit.content.decode()
    client.force_login(ParticipantFactory())
    assert client.get("/admin/snippets/cms/sharekit/").status_code in (302, 403)


def test_what_a_partner_relayed_is_read_in_two_queries_each_page_in_the_readers_language(django_assert_num_queries):
    from django.utils import translation

    from practices.factories import PracticePageFactory
    from practices.models import PracticeIndexPage

    affiliation = AffiliationFactory(is_administrator=True)
    partner, administrator = affiliation.partner, affiliation.user
    index = PracticeIndexPage.objects.get(locale__language_code="en")
    untranslated = PracticePageFactory(parent=index, title="Relayed only in English")
    services.relay(report("en"), "x", administrator, partner=partner)
    services.relay(report("en"), "linkedin", administrator, partner=partner)
    services.relay(untranslated, "bluesky", administrator, partner=partner)
    with translation.override("fr"), django_assert_num_queries(2):
        relayed = services.relayed_by(partner)
    # Newest first; the report in French, the page without a French translation in English.
    assert [entry["page"].pk for entry in relayed] == [untranslated.pk, report("fr").pk]
    assert len(relayed[1]["networks"]) == 2


def test_translators_translate_a_share_kit_in_the_translation_editor_but_do_not_write_kits(client, translator_fr):
    french = ShareKit.objects.get(page=report("fr"))
    client.force_login(translator_fr)
    response = client.get(f"/admin/snippets/cms/sharekit/edit/{french.pk}/")
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [template.name for template in response.templates]
    assert client.get("/admin/snippets/cms/sharekit/").status_code == 200
    assert client.get("/admin/snippets/cms/sharekit/add/").status_code in (302, 403)
    assert client.post(f"/admin/snippets/cms/sharekit/delete/{french.pk}/").status_code in (302, 403)
    assert ShareKit.objects.filter(pk=french.pk).exists()


def test_a_page_without_an_image_of_its_own_shows_its_share_card_to_link_previews(client):
    for language in ("en", "ar"):
        page = report(language)
        assert page.listing_image is None
        content = client.get(REPORT.format(lang=language)).content.decode()
        card = f"http://localhost/{language}/reports/rethinking-society/share/card/"
        assert f'<meta property="og:image" content="{card}">' in content
        assert f'<meta name="twitter:image" content="{card}">' in content
        response = client.get(card.removeprefix("http://localhost"))
        assert response.status_code == 200 and response["Content-Type"] == "image/png"


def test_a_page_with_an_image_of_its_own_keeps_it_for_link_previews(client):
    from django.core.files.base import ContentFile
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "#0b5563").save(buffer, format="PNG")
    image = get_image_model().objects.create(title="Assembly", file=ContentFile(buffer.getvalue(), name="lead.png"))
    ReportPage.objects.filter(pk=report("en").pk).update(listing_image=image)
    content = client.get(REPORT.format(lang="en")).content.decode()
    assert "fill-1200x630" in content and "/share/card/" not in content.split("</head>")[0]
