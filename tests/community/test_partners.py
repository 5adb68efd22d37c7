"""Partner organisations: the directory's facets and world view, affiliations declared by members
and confirmed by the organisation's own administrators (object-level, tested over HTTP), the
profile form, the demo, query counts and accessibility."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from cms import bulk_pages
from cms.demo import SeedContext
from cms.models import Country, Theme
from community.factories import AffiliationFactory, ParticipantFactory, PartnerFactory, PartnerPageFactory
from community.models import Affiliation, AffiliationStatus, Partner, PartnerIndexPage, PartnerPage, PartnerType
from community.partners import demo as partners_demo
from tests.queries import warm_queries
from tests.tooling import axe_violations, html_errors


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def index_en(db):
    return PartnerIndexPage.objects.get(locale__language_code="en")


def new_partner(index, *, administrator=None, countries=("KE",), themes=("health",), **kwargs) -> PartnerPage:
    page = PartnerPageFactory(parent=index, partner=PartnerFactory(**kwargs))
    page.countries = list(Country.objects.filter(code__in=countries))
    page.themes = list(Theme.objects.filter(locale=index.locale, slug__in=themes))
    page.save_revision().publish()
    if administrator is not None:
        AffiliationFactory(partner=page.partner, user=administrator, is_administrator=True)
    return page


def url(page: PartnerPage, route: str = "", *args) -> str:
    return page.url + (page.reverse_subpage(route, args=args or None).lstrip("/") if route else "")


@pytest.fixture
def administrator(db):
    return ParticipantFactory(username="partner-admin-a")


@pytest.fixture
def partner_page(index_en, administrator):
    return new_partner(index_en, administrator=administrator)


# --- The demo and the directory


def test_the_demo_has_twenty_partners_of_several_types_across_regions_in_every_language(client, db):
    partners = Partner.objects.all()
    assert partners.count() >= 20
    assert set(partners.values_list("kind", flat=True)) == set(PartnerType.values)
    english = PartnerPage.objects.filter(locale__language_code="en")
    assert set(english.values_list("countries__region", flat=True)) >= {"002", "019", "142", "150", "009"}
    for language in ("en", "ar", "zh-hans", "ur", "fr"):
        assert PartnerPage.objects.filter(locale__language_code=language).live().count() >= 20
        response = client.get(f"/{language}/partners/")
        assert response.status_code == 200
        assert PartnerIndexPage.objects.get(locale__language_code=language).title in response.content.decode()
    assert Affiliation.objects.filter(status=AffiliationStatus.CONFIRMED, is_administrator=False).count() >= 5
    assert Affiliation.objects.filter(user__username="partner-admin", is_administrator=True).count() == 1


def test_seeding_the_demo_again_changes_nothing(db):
    counts = (Partner.objects.count(), PartnerPage.objects.count(), Affiliation.objects.count())
    partners_demo.seed(SeedContext(log=lambda *_args: None))
    call_command("demo_logins", stdout=io.StringIO())
    assert (Partner.objects.count(), PartnerPage.objects.count(), Affiliation.objects.count()) == counts


def test_the_directory_filters_by_type_region_and_theme_with_counts(client, db):
    response = client.get("/en/partners/")
    facets = {facet["name"]: facet for facet in response.context["facets"]}
    types = {value["label"]: value["count"] for value in facets["type"]["values"]}
    assert types["University"] == Partner.objects.filter(kind="university").count() == 4
    assert len(response.context["results"]) >= 20

    response = client.get("/en/partners/?type=university&region=002")
    titles = [page.title for page in response.context["results"]]
    assert titles == ["East African Institute of Public Health"]
    regions = {value["label"]: value for value in response.context["facets"][1]["values"]}
    assert regions["Africa"]["current"] and regions["Africa"]["count"] == 1
    assert regions["Europe"]["count"] == 1  # universities in Europe, under the type chosen

    response = client.get("/en/partners/?theme=health")
    assert response.context["results"]
    assert all("health" in page.themes.values_list("slug", flat=True) for page in response.context["results"])


def test_where_partners_are_counts_by_region_and_country(client, db):
    response = client.get("/fr/partners/")
    where = {region["code"]: region for region in response.context["where"]}
    assert set(where) == {"002", "019", "142", "150", "009"}
    kenya = {name: count for _code, name, count in where["002"]["countries"]}["Kenya"]
    assert kenya == PartnerPage.objects.filter(locale__language_code="en", countries__code="KE").count() >= 4
    body = response.content.decode()
    assert "Afrique" in body and "Où sont les partenaires" in body


def test_a_partner_in_two_countries_of_a_region_counts_once_for_the_region(client, index_en):
    def where() -> dict:
        regions = client.get("/en/partners/").context["where"]
        return {
            region["code"]: (region["count"], {code: n for code, _name, n in region["countries"]}) for region in regions
        }

    before = where()
    new_partner(index_en, countries=("KE", "NG"))
    after = where()
    assert after["002"][0] == before["002"][0] + 1  # Africa: one more partner, not two
    assert after["002"][1]["KE"] == before["002"][1]["KE"] + 1
    assert after["002"][1]["NG"] == before["002"][1].get("NG", 0) + 1


def test_the_world_map_links_each_country_to_the_directory_filtered_by_it(client, db):
    response = client.get("/en/partners/")
    world = response.context["map"]
    where = {code: count for region in response.context["where"] for code, _name, count in region["countries"]}
    assert where and {country.code: country.count for country in world.countries} == where
    kenya = next(country for country in world.countries if country.code == "KE")
    assert kenya.count >= 4 and kenya.url == "/en/partners/?country=KE"
    body = response.content.decode()
    assert f'href="/en/partners/?country=KE" class="world-map__country world-map__step-{kenya.step}"' in body
    assert f'aria-label="Kenya: {kenya.count} partners"' in body
    assert '<a href="/en/partners/?country=KE">Kenya</a>' in body  # the table of where partners are links too

    response = client.get(kenya.url)
    results = response.context["results"]
    assert len(results) == kenya.count
    assert all("KE" in {country.code for country in page.countries.all()} for page in results)
    assert "Working in Kenya" in response.content.decode()
    assert client.get("/en/partners/?country=ZZ").context["results"] == client.get("/en/partners/").context["results"]


def test_the_directory_folds_its_filters_behind_a_disclosure_that_counts_them(client, db):
    body = client.get("/en/partners/").content.decode()
    assert '<details class="filters-disclosure" data-filters-disclosure>' in body
    assert '<summary class="filters-disclosure__summary">Filters</summary>' in body
    body = client.get("/fr/partners/?type=ngo&country=KE").content.decode()
    assert '<summary class="filters-disclosure__summary">Filtres (2)</summary>' in body


def test_the_world_map_names_countries_in_the_readers_language_and_stays_left_to_right(client, db):
    body = client.get("/ar/partners/").content.decode()
    assert '<html lang="ar" dir="rtl"' in body
    assert '<div dir="ltr">' in body
    assert 'href="/ar/partners/?country=KE"' in body and "كينيا" in body


def test_a_partner_page_shows_its_profile_practices_and_confirmed_members(client, db):
    response = client.get("/en/partners/indigenous-health-collective/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Community-controlled health services" in body
    assert [practice.slug for practice in response.context["practices"]]
    names = [person["name"] for person in response.context["members"]]
    assert names  # the demo members with public profiles
    assert "Aroha" in " ".join(names)


@pytest.mark.parametrize(
    "language, direction, profile",
    [
        (
            "fr",
            "ltr",
            "Des services de santé contrôlés par les communautés, conçus et gérés par des peuples autochtones.",
        ),
        ("ar", "rtl", "خدمات صحية تسيطر عليها المجتمعات المحلية، تصممها وتديرها الشعوب الأصلية."),
    ],
)
def test_a_demo_partner_page_reads_translated_in_french_and_arabic(client, db, language, direction, profile):
    """The demo profiles are translated (no fallback to English); the name stays as the
    organisation writes it."""
    page = PartnerPage.objects.get(locale__language_code=language, slug="indigenous-health-collective")
    assert page.alias_of_id is None
    response = client.get(f"/{language}/partners/indigenous-health-collective/")
    body = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}"' in body
    assert escape(profile) in body
    assert "Indigenous Health Collective" in body
    assert "Community-controlled health services" not in body
    assert "fallback-content" not in body and "fallback-mark" not in body
    listing = client.get(f"/{language}/partners/").content.decode()
    assert 'class="fallback-mark"' not in listing


# --- Affiliations and their administrators


def test_a_member_declares_and_the_administrator_confirms(client, partner_page, administrator, participant):
    assert client.post(url(partner_page, "affiliate")).status_code == 302  # to log in
    client.force_login(participant)
    client.post(url(partner_page, "affiliate"))
    affiliation = Affiliation.objects.get(partner=partner_page.partner, user=participant)
    assert affiliation.status == AffiliationStatus.PENDING
    assert participant.member_profile.name not in client.get(partner_page.url).content.decode()

    client.force_login(administrator)
    response = client.post(url(partner_page, "affiliation_action", affiliation.pk), {"action": "confirm"})
    assert response.status_code == 302
    affiliation.refresh_from_db()
    assert affiliation.status == AffiliationStatus.CONFIRMED
    client.logout()
    assert participant.member_profile.name in client.get(partner_page.url).content.decode()


def test_a_partner_administrator_cannot_confirm_or_edit_for_another_organisation(
    client, index_en, partner_page, administrator, participant
):
    other = new_partner(index_en, administrator=ParticipantFactory())
    affiliation = AffiliationFactory(partner=other.partner, user=participant, status=AffiliationStatus.PENDING)
    client.force_login(administrator)
    assert client.get(url(other, "manage")).status_code == 403
    response = client.post(url(other, "affiliation_action", affiliation.pk), {"action": "confirm"})
    assert response.status_code == 403
    response = client.post(url(other, "manage"), {"introduction": "Taken over", "website": "https://evil.example/"})
    assert response.status_code == 403
    # Nor through their own organisation's page with the other's affiliation.
    client.post(url(partner_page, "affiliation_action", affiliation.pk), {"action": "confirm"})
    affiliation.refresh_from_db()
    other.refresh_from_db()
    assert affiliation.status == AffiliationStatus.PENDING
    assert other.introduction != "Taken over"


def test_plain_members_and_visitors_cannot_confirm(client, partner_page, participant, other_participant):
    affiliation = AffiliationFactory(partner=partner_page.partner, user=other_participant, status="pending")
    AffiliationFactory(partner=partner_page.partner, user=participant)  # confirmed, but not an administrator
    action = url(partner_page, "affiliation_action", affiliation.pk)
    assert client.post(action, {"action": "confirm"}).status_code == 302  # to log in
    client.force_login(participant)
    assert client.get(url(partner_page, "manage")).status_code == 403
    assert client.post(action, {"action": "confirm"}).status_code == 403
    assert client.post(action, {"action": "decline"}).status_code == 403
    affiliation.refresh_from_db()
    assert affiliation.status == AffiliationStatus.PENDING


def test_the_administrator_edits_the_profile_and_the_last_administrator_stays(client, partner_page, administrator):
    client.force_login(administrator)
    response = client.post(url(partner_page, "manage"), {"introduction": "", "website": "nope"})
    assert response.status_code == 400
    response = client.post(
        url(partner_page, "manage"), {"introduction": "We train nurses.", "website": "https://nurses.example.org/"}
    )
    assert response.status_code == 302
    partner_page.refresh_from_db()
    assert partner_page.introduction == "We train nurses."
    assert "We train nurses." in client.get(partner_page.url).content.decode()
    client.post(url(partner_page, "withdraw"))
    assert Affiliation.objects.filter(partner=partner_page.partner, user=administrator).exists()


def test_administrators_are_told_of_a_declaration_and_the_member_of_the_decision(
    client, partner_page, administrator, participant, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(participant)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(partner_page, "affiliate"))
    assert [message.to for message in mailoutbox] == [[administrator.email]]
    assert "manage/" in mailoutbox[0].body
    affiliation = Affiliation.objects.get(partner=partner_page.partner, user=participant)
    client.force_login(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(partner_page, "affiliation_action", affiliation.pk), {"action": "decline"})
    assert mailoutbox[-1].to == [participant.email]
    assert not Affiliation.objects.filter(pk=affiliation.pk).exists()


def test_the_admin_lists_partners_for_superusers_only(client, db, administrator):
    superuser = get_user_model().objects.filter(is_superuser=True).first()
    client.force_login(superuser)
    assert "Urban Poor Federations Network" in client.get("/admin/partners/").content.decode()
    assert client.get("/admin/partner-affiliations/").status_code == 200
    client.force_login(administrator)
    assert client.get("/admin/partners/").status_code == 302  # no admin access for partner staff


def test_declaring_twice_is_refused_and_declaring_needs_a_post(client, partner_page, participant):
    client.force_login(participant)
    assert client.get(url(partner_page, "affiliate")).status_code == 405
    client.post(url(partner_page, "affiliate"))
    client.post(url(partner_page, "affiliate"))
    assert Affiliation.objects.filter(partner=partner_page.partner, user=participant).count() == 1


# --- Query counts


def _count(client, path) -> int:
    return len(warm_queries(client, path))


def _listed(client, path) -> int:
    return len(client.get(path).context["results"])


def publish_in_bulk(parent, pages: list[PartnerPage]) -> None:
    """What `parent.add_child(instance=page)` then `page.save_revision().publish()` leave of each new
    page (`new_partner`), in a few queries for them all (`cms.bulk_pages`): live, its countries and
    themes stored, one revision that is the live one, its creation and publication logged, indexed.
    `page_published` is not sent: no fallback is made, as under `fallbacks.paused()`."""
    bulk_pages.add_children(parent, pages)
    bulk_pages.log_entries(pages, "wagtail.create", content_changed=True)
    bulk_pages.publish(pages, bulk_pages.save_revisions(pages))
    bulk_pages.index(PartnerPage, [page.pk for page in pages])


def test_the_directory_and_a_partner_page_cost_the_same_for_10_and_200_items(client, index_en, participant):
    """The 190 more members and 180 more partners are made in bulk, as `AffiliationFactory` and
    `new_partner` make them one by one; the directory and its filters list every one of them."""
    page = new_partner(index_en, administrator=ParticipantFactory())
    for _number in range(10):
        AffiliationFactory(partner=page.partner)
    client.force_login(participant)
    paths = ("/en/partners/", "/en/partners/?type=ngo&region=002&theme=health", "/en/partners/?country=KE", page.url)
    listed = {path: _listed(client, path) for path in paths[:3]}  # first: both counts below are of warm caches
    small = {path: _count(client, path) for path in paths}
    members = get_user_model().objects.bulk_create(ParticipantFactory.build_batch(190))
    Affiliation.objects.bulk_create(AffiliationFactory.build(partner=page.partner, user=member) for member in members)
    partners = Partner.objects.bulk_create(PartnerFactory.build_batch(180))
    kenya_and_france, brazil = list(Country.objects.filter(code__in=("KE", "FR"))), [Country.objects.get(code="BR")]
    themes = list(Theme.objects.filter(locale=index_en.locale, slug__in=("health", "work")))
    pages = [PartnerPageFactory.build(partner=partner, locale=index_en.locale) for partner in partners]
    for number, item in enumerate(pages):
        item.countries = kenya_and_france if number % 2 else brazil
        item.themes = themes
    publish_in_bulk(index_en, pages)
    large = {path: _count(client, path) for path in paths}
    assert large == small
    added = {path: _listed(client, path) - listed[path] for path in paths[:3]}
    assert added == {paths[0]: 180, paths[1]: 90, paths[2]: 90}


# --- HTML and accessibility


def rendered_pages(client) -> dict[str, bytes]:
    """Every new page in English and Arabic, as the demo partner administrator sees them."""
    administrator = get_user_model().objects.get(username="partner-admin")
    client.force_login(administrator)
    pages = {}
    for language in ("en", "ar"):
        base = f"/{language}/partners/"
        for path in (
            base,
            base + "?type=ngo&region=002",
            base + "?country=KE",
            base + "urban-poor-federations-network/",
            base + "urban-poor-federations-network/manage/",
            base + "indigenous-health-collective/",
        ):
            response = client.get(path)
            assert response.status_code == 200, path
            pages[path] = response.content
        response = client.post(base + "urban-poor-federations-network/manage/", {"introduction": ""})
        assert response.status_code == 400
        pages[base + "manage/ (errors)"] = response.content
    client.logout()
    pages["/ar/ logged out"] = client.get("/ar/partners/indigenous-health-collective/").content
    return pages


def test_the_pages_have_no_html_errors(client, db):
    assert html_errors(rendered_pages(client)) == []


@pytest.mark.browser
def test_the_pages_have_no_accessibility_violations(client, db):
    assert axe_violations(rendered_pages(client)) == {}


def test_take_part_links_to_the_partners(client, db):
    response = client.get("/en/take-part/")
    assert response.status_code == 200
    assert 'href="/en/partners/"' in response.content.decode()


# --- The Panel's content a partner relays (through the share kits, cms.sharing)


def test_what_a_partner_relayed_through_the_share_kits_shows_on_its_page_and_nowhere_else(
    client, index_en, partner_page, administrator
):
    from cms.sharing import services as sharing
    from practices.models import PracticePage
    from reports.models import ReportPage

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(partner_page.url).status_code == 200
        return len(captured)

    assert 'id="partner-relays"' not in client.get(partner_page.url).content.decode()
    practices = list(PracticePage.objects.live().filter(locale__language_code="en").order_by("pk")[:3])
    sharing.relay(practices[0], "linkedin", administrator, partner=partner_page.partner)
    sharing.relay(practices[0], "x", administrator, partner=partner_page.partner)
    other_admin = ParticipantFactory(username="partner-admin-b")
    other = new_partner(index_en, administrator=other_admin, name="Another organisation")
    report = ReportPage.objects.live().get(locale__language_code="en", slug="rethinking-society")
    sharing.relay(report, "x", other_admin, partner=other.partner)
    client.get(partner_page.url)  # warm
    one_page = queries()

    relayed = client.get(partner_page.url).content.decode().split('id="partner-relays"')[1].split("</ul>")[0]
    assert escape(practices[0].title) in relayed and escape(report.title) not in relayed
    assert relayed.count("<li>") == 1  # one page, relayed on two networks
    assert "LinkedIn" in relayed and "X" in relayed
    assert escape(report.title) in client.get(other.url).content.decode()

    for practice in practices[1:]:
        sharing.relay(practice, "bluesky", administrator, partner=partner_page.partner)
    assert queries() == one_page  # the list costs the same for one page or three
