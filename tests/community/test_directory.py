"""The member directory: filters by GET parameters, 24 per page, public profiles only, a constant
number of queries whatever the number of members; and the Nu HTML checker and axe-core find no
error on the account and directory pages in English and Arabic."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import Theme
from community.factories import MemberProfileFactory, ParticipantFactory
from community.models import MemberLanguage, MemberProfile, ProfileStatus
from tests.tooling import axe_violations, html_errors

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

COUNTRIES = [("KE", "002"), ("BR", "019"), ("IN", "142"), ("FR", "150"), ("FJ", "009")]


def member_ids(response) -> set[int]:
    return {member.pk for member in response.context["members"]}


def profile(**kwargs) -> MemberProfile:
    themes = kwargs.pop("themes", [])
    languages = kwargs.pop("languages", [])
    created = MemberProfileFactory(**kwargs)  # save() sets the region from the country
    created.themes.set(Theme.objects.filter(locale__language_code="en", slug__in=themes))
    MemberLanguage.objects.bulk_create([MemberLanguage(profile=created, code=code) for code in languages])
    return created


def bulk_profiles(count: int, start: int = 0) -> None:
    """`count` public profiles, their accounts, themes and languages, in a handful of queries."""
    User = get_user_model()
    users = User.objects.bulk_create(
        [User(username=f"bulk-member-{start + n}", email=f"bulk{start + n}@example.org") for n in range(count)]
    )
    profiles = MemberProfile.objects.bulk_create(
        [
            MemberProfile(
                user=user,
                name=f"Bulk Member {start + n:05d}",
                role=["researcher", "practitioner", "activist"][n % 3],
                country_id=COUNTRIES[n % 5][0],
                region=COUNTRIES[n % 5][1],
                status=ProfileStatus.APPROVED,
            )
            for n, user in enumerate(users)
        ]
    )
    themes = list(Theme.objects.filter(locale__language_code="en").values_list("id", flat=True))
    MemberProfile.themes.through.objects.bulk_create(
        [
            MemberProfile.themes.through(memberprofile_id=p.pk, theme_id=themes[n % len(themes)])
            for n, p in enumerate(profiles)
        ]
    )
    MemberProfile.recognized_themes.through.objects.bulk_create(
        [MemberProfile.recognized_themes.through(memberprofile_id=p.pk, theme_id=themes[0]) for p in profiles[:3]]
    )
    MemberLanguage.objects.bulk_create(
        [
            MemberLanguage(profile=p, code=code)
            for n, p in enumerate(profiles)
            for code in (["en", "sw", "fr"][n % 3], "es")
        ]
    )


# --- filters and pagination -----------------------------------------------------------------------


def test_directory_filters_by_theme_region_country_language_and_role(client):
    kenyan = profile(country_id="KE", role="activist", themes=["cities"], languages=["sw"])
    brazilian = profile(country_id="BR", role="researcher", themes=["health"], languages=["pt"])
    cases = {
        "theme=cities": (kenyan, brazilian),
        "region=002": (kenyan, brazilian),
        "country=BR": (brazilian, kenyan),
        "language=sw": (kenyan, brazilian),
        "role=researcher": (brazilian, kenyan),
        "theme=cities&region=002&language=sw&role=activist&country=KE": (kenyan, brazilian),
    }
    for query, (shown, hidden) in cases.items():
        ids = set()
        page = 1
        while True:  # every page of the results
            response = client.get(f"/en/members/?{query}&page={page}")
            assert response.status_code == 200
            ids |= member_ids(response)
            if not response.context["page_obj"].has_next():
                break
            page += 1
        assert shown.pk in ids and hidden.pk not in ids, query


def test_filter_choices_are_named_in_the_visitors_language(client):
    profile(country_id="BR", languages=["pt"])
    html = client.get("/ar/members/").content.decode()
    assert '<option value="BR">البرازيل</option>' in html
    assert '<option value="pt">البرتغالية</option>' in html
    assert (
        f'<option value="cities">{Theme.objects.get(slug="cities", locale__language_code="ar").name}</option>' in html
    )


def test_only_public_profiles_are_listed(client):
    public = profile(themes=["culture"])
    pending = profile(status=ProfileStatus.PENDING, themes=["culture"])
    rejected = profile(status=ProfileStatus.REJECTED, themes=["culture"])
    draft = profile(status=ProfileStatus.DRAFT, themes=["culture"])
    inactive = profile(user=ParticipantFactory(is_active=False), themes=["culture"])
    response = client.get("/en/members/?theme=culture")
    ids = member_ids(response)
    assert public.pk in ids
    assert not ids & {pending.pk, rejected.pk, draft.pk, inactive.pk}


def test_invalid_filter_values_are_ignored(client):
    everyone = client.get("/en/members/").context["page_obj"].paginator.count
    response = client.get("/en/members/?theme=<script>&region=999&country=ZZ&language=xx&role=king&page=abc")
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == everyone
    assert b"<script>" not in response.content


def test_directory_pages_by_24_and_links_keep_the_filters(client):
    bulk_profiles(90)
    response = client.get("/en/members/?role=researcher")
    page = response.context["page_obj"]
    assert len(page.object_list) == 24 and page.paginator.num_pages >= 2
    assert b'href="?role=researcher&amp;page=2"' in response.content
    second = client.get("/en/members/?role=researcher&page=2")
    assert not member_ids(response) & member_ids(second)


def test_directory_query_count_is_the_same_for_30_and_2000_members(client, participant, django_assert_num_queries):
    bulk_profiles(30)
    client.force_login(participant)
    urls = ["/en/members/", "/en/members/?theme=cities&language=sw", "/ar/members/?region=002&role=researcher&page=2"]
    for url in urls:
        client.get(url)  # warm the per-process caches (site, locales)
    counts = {}
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    bulk_profiles(1970, start=30)
    assert MemberProfile.objects.public().count() >= 2000
    for url in urls:
        with django_assert_num_queries(counts[url]):
            response = client.get(url)
        assert len(response.context["members"]) == 24


# --- HTML validity and accessibility --------------------------------------------------------------


@pytest.fixture
def rendered_pages(client, participant):
    """The account and member pages in English and Arabic, as HTML, plus the static files they use."""
    profile = participant.member_profile
    profile.recognized_themes.set(Theme.objects.filter(slug="cities", locale__language_code="en"))
    profile.themes.set(Theme.objects.filter(slug__in=["cities", "health"], locale__language_code="en"))
    profile.links = ["https://example.org/work"]
    profile.bio = "First paragraph.\n\nSecond paragraph."
    profile.save()
    profile.languages.create(code="sw")
    anonymous = [
        "account/signup/",
        "account/login/",
        "account/password/reset/",
        "members/",
        "members/?theme=cities&region=002",
        f"members/{profile.pk}/",
        "members/themes/cities/",
        "practices/housing-first-finland/",
    ]
    pages: dict[str, bytes] = {}
    for language in ("en", "ar"):
        for path in anonymous:
            pages[f"/{language}/{path}"] = _get(client, f"/{language}/{path}")
        pages[f"/{language}/account/signup/?errors"] = client.post(
            f"/{language}/account/signup/", {"name": "", "email": "not-an-address", "password": "1"}
        ).content
    client.force_login(participant)
    for language in ("en", "ar"):
        for path in ("account/", "members/my-profile/", "account/delete/", "practices/housing-first-finland/"):
            url = f"/{language}/{path}"
            pages[f"{url}?member"] = _get(client, url)
        other = MemberProfile.objects.public().exclude(pk=profile.pk).first()
        pages[f"/{language}/members/{other.pk}/contact/"] = _get(client, f"/{language}/members/{other.pk}/contact/")
    assets = {}
    for html in pages.values():
        for path in set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)):
            response = client.get(path.decode())
            if response.status_code == 200:
                body = b"".join(response.streaming_content) if response.streaming else response.content
                assets[path.decode()] = (body, response["Content-Type"])
    return pages, assets


def _get(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content


def test_account_and_member_pages_have_no_html_errors(rendered_pages):
    pages, _assets = rendered_pages
    assert html_errors(pages) == []


@pytest.mark.browser
def test_account_and_member_pages_pass_axe(rendered_pages):
    """axe-core in Chromium on the rendered pages (served from memory: no server)."""
    pages, assets = rendered_pages
    assert {"/static/cms/css/main.css", "/static/community/css/community.css"} <= set(assets)
    assert axe_violations(pages) == {}
