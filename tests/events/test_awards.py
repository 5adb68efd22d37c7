"""The World Social Progress Awards: edition pages with anonymised results, the public nomination
form, and the jury's rules in the admin (each rule checked through HTTP, as people use it)."""

import datetime
import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone, translation

from cms.factories import UserFactory
from cms.roles import EDITORS, JURY, MODERATORS
from events.models import AwardEditionPage, AwardResult, ConflictOfInterest, JuryScore, Nomination
from practices.factories import PracticePageFactory
from practices.models import PracticePage

pytestmark = pytest.mark.django_db

CRITERIA = ["impact", "participation", "adaptability"]
VALID = {
    "nominee_type": "organisation",
    "category": "organisation",
    "nominee_name": "Federación de Comedores Populares",
    "practice": "",
    "justification": "Forty years of community kitchens run by women's organisations in Lima.",
    "links": "https://comedores.example.org\nhttp://news.example.com/kitchens",
    "nominator_name": "Ana Quispe",
    "nominator_email": "ana@example.org",
    "consent": "on",
    "homepage": "",
}


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()
    yield
    cache.clear()


def edition(slug: str, language: str = "en") -> AwardEditionPage:
    return AwardEditionPage.objects.get(slug=slug, locale__language_code=language)


def local_date(date: datetime.date, language: str) -> str:
    with translation.override(language):
        return formats.date_format(date, "DATE_FORMAT")


@pytest.fixture(autouse=True)
def open_2027(db):
    """The demo's 2027 window (November 2026 to March 2027), moved around today so that these tests
    do not expire with it."""
    page = edition("2027")
    today = page.today()
    AwardEditionPage.objects.filter(translation_key=page.translation_key).update(
        nominations_open=today - datetime.timedelta(days=25),
        nominations_close=today + datetime.timedelta(days=100),
        jury_deliberation=None,
        start_date=today + datetime.timedelta(days=180),
    )


@pytest.fixture
def awards_2027():
    return edition("2027")


@pytest.fixture
def awards_2026():
    return edition("2026")


@pytest.fixture
def juror(awards_2027):
    """A juror of 2027 with a name easy to look for on the page."""
    user = UserFactory(groups=[JURY], first_name="Zephyrine", last_name="Quillfeather")
    awards_2027.jurors.add(user)
    awards_2027.save()
    return user


@pytest.fixture
def other_juror(awards_2027):
    user = UserFactory(groups=[JURY], first_name="Bartholomew", last_name="Inkwater")
    awards_2027.jurors.add(user)
    awards_2027.save()
    return user


def nominate(page: AwardEditionPage, name: str = "Nominee", practice=None, category: str = "practice") -> Nomination:
    return Nomination.objects.create(
        edition=page,
        translation_key=page.translation_key,
        category=category,
        nominee_type="practice" if practice else "organisation",
        nominee_name=name,
        practice=practice,
        justification="It works.",
        nominator_name="Someone",
        nominator_email="someone@example.org",
        language=page.locale.language_code,
    )


def score(nomination: Nomination, juror, values: list[int]) -> None:
    for criterion, value in zip(CRITERIA, values, strict=True):
        JuryScore.objects.create(nomination=nomination, juror=juror, criterion=criterion, score=value)


def scores_post(*values: int) -> dict:
    return {"action": "score", **{f"criterion_{slug}": value for slug, value in zip(CRITERIA, values, strict=True)}}


def nomination_url(nomination: Nomination) -> str:
    return f"/admin/awards/nominations/{nomination.pk}/"


def distribution_rows(content: str) -> list[str]:
    """The text of each row of the anonymised distribution tables, tags removed."""
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", content, flags=re.S)
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in rows]


# --- pages ---------------------------------------------------------------------------------------------


def test_the_awards_index_lists_editions_newest_first(client, awards_2027):
    content = client.get("/en/events/awards/").content.decode()
    assert content.index("Awards 2027") < content.index("Awards 2026")
    assert f"Nominations are open until {local_date(awards_2027.nominations_close, 'en')}." in content
    assert "Nominations are closed." in content  # 2026


def test_an_edition_page_shows_its_timeline_categories_criteria_and_jury(client, awards_2027):
    response = client.get("/en/events/awards/2027/")
    assert response.status_code == 200
    content = response.content.decode()
    for date in (awards_2027.nominations_open, awards_2027.nominations_close, awards_2027.start_date):
        assert f'<time datetime="{date.isoformat()}">{local_date(date, "en")}</time>' in content
    assert 'href="/en/events/forum/2027-dhaka/"' in content  # the ceremony is held at the Forum
    for name in ("Inspiring practice", "Organisation", "Impact", "Participation", "Adaptability"):
        assert name in content
    for person in awards_2027.jury.all():
        assert person.name in content
    assert 'href="/en/events/awards/2027/nominate/"' in content
    closing = local_date(awards_2027.nominations_close, "en")
    assert f"open until the end of {closing} (Asia/Dhaka, UTC+06:00)" in content  # the venue's day
    assert "events/css/awards.css" in content


def test_the_timeline_is_in_the_readers_language_and_links_the_forum_in_it(client, awards_2027):
    content = client.get("/ar/events/awards/2027/").content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    for date in (awards_2027.nominations_open, awards_2027.nominations_close, awards_2027.start_date):
        assert local_date(date, "ar") in content  # e.g. "31 مارس، 2027"
    assert 'href="/ar/events/forum/2027-dhaka/"' in content
    assert 'href="/ar/events/awards/2027/nominate/"' in content


def test_results_show_winners_first_with_anonymised_distributions_and_no_juror_names(client, awards_2026):
    response = client.get("/en/events/awards/2026/")
    content = response.content.decode()
    results = content[content.index('id="results-heading"') :]
    assert results.index("Barefoot College") < results.index("Housing First")  # the winner first
    assert 'href="/en/practices/barefoot-college/"' in results
    assert 'href="/en/practices/housing-first-finland/"' in results
    # Barefoot College: the demo's jurors gave impact 5 and 4 (one each), so "0 0 0 1 1", 2 jurors, median 4.5.
    assert "Impact 0 0 0 1 1 2 4.5" in distribution_rows(results)
    for juror in awards_2026.jurors.all():
        for name in (juror.get_username(), juror.get_full_name(), juror.email):
            assert name not in content


def test_results_in_arabic_link_each_practice_in_arabic_and_name_no_juror(
    client, awards_2027, juror, other_juror, locales
):
    housing = PracticePage.objects.get(slug="housing-first-finland", locale=locales["en"])
    barefoot = PracticePage.objects.get(slug="barefoot-college", locale=locales["en"])  # not translated
    winner, finalist, person = (
        nominate(awards_2027, "Housing First", housing),
        nominate(awards_2027, "Barefoot College", barefoot),
        nominate(awards_2027, "Ela Bhatt", category="person"),
    )
    score(winner, juror, [5, 4, 3])
    score(winner, other_juror, [5, 2, 3])
    score(finalist, juror, [4, 4, 4])
    arabic = edition("2027", "ar")
    for number, (nomination, status) in enumerate([(finalist, "finalist"), (winner, "winner"), (person, "winner")]):
        AwardResult.objects.create(page=arabic, nomination=nomination, status=status, sort_order=number)

    content = client.get("/ar/events/awards/2027/").content.decode()
    results = content[content.index('id="results-heading"') :]
    assert 'href="/ar/practices/housing-first-finland/"' in results  # the Arabic translation
    assert 'href="/ar/practices/barefoot-college/"' in results  # no Arabic translation: the original, under /ar/
    assert results.index("Housing First") < results.index("Barefoot College")
    rows = distribution_rows(results)
    impact, participation, adaptability = (name for _slug, name, _description in arabic.criteria_list())
    assert f"{impact} 0 0 0 0 2 2 5" in rows
    assert f"{participation} 0 1 0 1 0 2 3" in rows
    assert f"{adaptability} 0 0 2 0 0 2 3" in rows
    assert f"{impact} 0 0 0 1 0 1 4" in rows  # Barefoot College: one juror
    assert f"{impact} 0 0 0 0 0 0 –" in rows  # Ela Bhatt: no scores
    for user in (juror, other_juror):
        assert user.first_name not in content and user.last_name not in content
        assert user.get_username() not in content


def test_the_results_section_costs_the_same_queries_for_3_or_10_results(client, awards_2027, juror, other_juror):
    practices = list(PracticePage.objects.filter(locale=awards_2027.locale).live()[:10])
    assert len(practices) == 10

    def add_results(chosen):
        for number, practice in enumerate(chosen):
            nomination = nominate(awards_2027, practice.title, practice)
            score(nomination, juror, [5, 4, 3])
            score(nomination, other_juror, [3, 4, 5])
            AwardResult.objects.create(page=awards_2027, nomination=nomination, status="finalist", sort_order=number)

    def count_queries() -> tuple[int, int]:
        """SQL queries to render the page, and the number of score tables on it."""
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/events/awards/2027/")
        assert response.status_code == 200
        return len(queries), response.content.decode().count('class="score-distribution"')

    client.get("/en/events/awards/2027/")  # warm the caches (site root paths, locales)
    add_results(practices[:3])
    with_three, tables = count_queries()
    assert tables == 3
    add_results(practices[3:])
    with_ten, tables = count_queries()
    assert tables == 10
    assert with_three == with_ten


# --- the nomination form ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_form_is_open_in_the_readers_language(client, language):
    response = client.get(f"/{language}/events/awards/2027/nominate/")
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{language}"' in content
    assert 'name="nominee_type"' in content and 'name="homepage"' in content
    assert 'value="practice"' in content and 'value="organisation"' in content and 'value="person"' in content


def test_a_nomination_is_stored_and_confirmed_in_the_nominators_language(
    client, awards_2027, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/ar/events/awards/2027/nominate/", VALID)
    assert response.status_code == 302 and response["Location"] == "/ar/events/awards/2027/nominate/thanks/"
    nomination = Nomination.objects.get(nominator_email="ana@example.org")
    assert nomination.edition_id == edition("2027", "ar").pk
    assert nomination.translation_key == awards_2027.translation_key
    assert nomination.language == "ar"
    assert (nomination.category, nomination.nominee_type) == ("organisation", "organisation")
    assert nomination.links == "https://comedores.example.org\nhttp://news.example.com/kitchens"
    confirmation = next(message for message in mail.outbox if message.to == ["ana@example.org"])
    assert "Federación de Comedores Populares" in confirmation.body
    notice = next(message for message in mail.outbox if editor.email in message.to)
    assert "Federación de Comedores Populares" in notice.subject
    assert f"/admin/awards/nominations/{nomination.pk}/" in notice.body
    assert "ana@example.org" not in notice.to
    assert client.get(response["Location"]).status_code == 200


def test_the_practice_is_chosen_among_reviewed_public_practices_of_the_readers_language(client, locales):
    housing_ar = PracticePage.objects.get(slug="housing-first-finland", locale=locales["ar"])
    barefoot_en = PracticePage.objects.get(slug="barefoot-college", locale=locales["en"])
    unreviewed = PracticePageFactory(
        parent=housing_ar.get_parent(), title="ممارسة لم تراجع", slug="not-reviewed", reviewed=False
    )
    content = client.get("/ar/events/awards/2027/nominate/").content.decode()
    assert f'value="{housing_ar.pk}"' in content and housing_ar.title in content
    assert f'value="{barefoot_en.pk}"' not in content and f'value="{unreviewed.pk}"' not in content
    data = {**VALID, "nominee_type": "practice", "category": "practice"}
    for practice in (barefoot_en, unreviewed):
        assert client.post("/ar/events/awards/2027/nominate/", {**data, "practice": practice.pk}).status_code == 400
    response = client.post("/ar/events/awards/2027/nominate/", {**data, "practice": housing_ar.pk})
    assert response.status_code == 302
    assert Nomination.objects.get(nominator_email="ana@example.org").practice_id == housing_ar.pk


def test_a_practice_goes_only_with_a_nomination_of_a_practice(client, locales):
    housing = PracticePage.objects.get(slug="housing-first-finland", locale=locales["en"])
    response = client.post("/en/events/awards/2027/nominate/", {**VALID, "practice": housing.pk})
    assert response.status_code == 400
    assert "Choose a practice only when you nominate a practice." in response.content.decode()


def test_errors_are_explained_and_what_was_typed_is_kept(client):
    data = {
        **VALID,
        "justification": "",
        "links": "https://fine.example.org\nnot a link\nftp://files.example.org",
        "category": "no-such-category",
        "nominator_email": "not-an-address",
    }
    response = client.post("/en/events/awards/2027/nominate/", data)
    assert response.status_code == 400
    content = response.content.decode()
    assert 'role="alert"' in content and "Please correct the fields below" in content
    assert "not a link, ftp://files.example.org" in content  # each bad line named
    assert 'href="#id_category_0"' in content  # the summary leads to the first radio button
    assert 'value="Federación de Comedores Populares"' in content
    assert 'value="Ana Quispe"' in content and "https://fine.example.org" in content
    assert re.search(r'<input[^>]*name="nominee_type"[^>]*value="organisation"[^>]*checked', content)
    assert not Nomination.objects.filter(nominator_name="Ana Quispe").exists()


def test_the_justification_is_required_and_at_most_4000_characters(client):
    assert client.post("/en/events/awards/2027/nominate/", {**VALID, "justification": "x" * 4001}).status_code == 400
    assert client.post("/en/events/awards/2027/nominate/", {**VALID, "justification": "x" * 4000}).status_code == 302


def test_consent_is_required(client):
    response = client.post("/en/events/awards/2027/nominate/", {**VALID, "consent": ""})
    assert response.status_code == 400
    assert not Nomination.objects.filter(nominator_email="ana@example.org").exists()


def test_the_honeypot_catches_bots_without_telling_them(client):
    response = client.post("/en/events/awards/2027/nominate/", {**VALID, "homepage": "http://spam.example"})
    assert response.status_code == 302
    assert not Nomination.objects.filter(nominator_email="ana@example.org").exists()


def test_nominations_are_rate_limited_to_five_an_hour_per_address(client):
    for number in range(5):
        response = client.post("/en/events/awards/2027/nominate/", {**VALID, "nominee_name": f"Nominee {number}"})
        assert response.status_code == 302
    response = client.post("/en/events/awards/2027/nominate/", {**VALID, "nominee_name": "One too many"})
    assert response.status_code == 429
    assert 'value="One too many"' in response.content.decode()
    assert Nomination.objects.filter(nominator_email="ana@example.org").count() == 5
    other = client.post(
        "/en/events/awards/2027/nominate/", {**VALID, "nominee_name": "Another visitor"}, REMOTE_ADDR="203.0.113.9"
    )
    assert other.status_code == 302


def test_before_the_window_opens_the_form_says_when_and_accepts_nothing(client, awards_2027):
    opens = timezone.localdate(timezone=awards_2027.zone) + datetime.timedelta(days=10)
    AwardEditionPage.objects.filter(translation_key=awards_2027.translation_key).update(nominations_open=opens)
    response = client.get("/en/events/awards/2027/nominate/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "are not open yet: they open on" in content and 'name="nominee_name"' not in content
    assert client.post("/en/events/awards/2027/nominate/", VALID).status_code == 403
    assert not Nomination.objects.filter(nominator_email="ana@example.org").exists()
    assert "Nominations open on" in client.get("/en/events/awards/2027/").content.decode()


def test_after_the_window_closes_the_form_says_so_and_accepts_nothing(client, awards_2026):
    response = client.get("/en/events/awards/2026/nominate/")
    content = response.content.decode()
    assert "closed on March 31, 2026" in content and 'name="nominee_name"' not in content
    assert client.post("/en/events/awards/2026/nominate/", {**VALID, "category": "practice"}).status_code == 403
    assert not Nomination.objects.filter(nominator_email="ana@example.org").exists()
    assert "Nominations closed on March 31, 2026." in client.get("/en/events/awards/2026/").content.decode()


def test_the_closing_day_is_still_open(client, awards_2027):
    today = timezone.localdate(timezone=awards_2027.zone)
    AwardEditionPage.objects.filter(pk=awards_2027.pk).update(nominations_open=today, nominations_close=today)
    assert client.post("/en/events/awards/2027/nominate/", VALID).status_code == 302


# --- the jury and the editors in the admin ---------------------------------------------------------------


def test_a_juror_sees_the_nominations_of_their_editions(client, awards_2027, awards_2026, juror):
    nomination = nominate(awards_2027, "Community kitchens")
    client.force_login(juror)
    assert "/admin/awards/" in client.get("/admin/").content.decode()  # in the menu
    listing = client.get("/admin/awards/").content.decode()
    assert "Awards 2027" in listing and "Awards 2026" not in listing  # a juror of 2027 only
    response = client.get(f"/admin/awards/{awards_2027.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Community kitchens" in content and "To score" in content
    assert "someone@example.org" not in content  # jurors do not see the nominator's address
    assert client.get(nomination_url(nomination)).status_code == 200
    assert client.get(f"/admin/awards/{awards_2026.pk}/").status_code == 403


def test_a_juror_cannot_see_or_score_an_edition_they_are_not_a_juror_of(client, awards_2027):
    nomination = nominate(awards_2027)
    outsider = UserFactory(groups=[JURY])  # in the Jury group, not a juror of 2027
    client.force_login(outsider)
    assert client.get(f"/admin/awards/{awards_2027.pk}/").status_code == 403
    assert client.get(nomination_url(nomination)).status_code == 403
    assert client.post(nomination_url(nomination), scores_post(5, 5, 5)).status_code == 403
    assert client.post(nomination_url(nomination), {"action": "conflict"}).status_code == 403
    assert not JuryScore.objects.filter(nomination=nomination).exists()


def test_being_listed_as_juror_is_not_enough_without_the_jury_group(client, awards_2027):
    nomination = nominate(awards_2027)
    listed = UserFactory(groups=[EDITORS])
    awards_2027.jurors.add(listed)
    awards_2027.save()
    client.force_login(listed)
    assert client.get(nomination_url(nomination)).status_code == 200  # as an editor
    assert client.post(nomination_url(nomination), scores_post(5, 5, 5)).status_code == 403
    assert not JuryScore.objects.filter(nomination=nomination).exists()


@pytest.mark.parametrize("group", ["Expert reviewers", "Translators (fr)"])
def test_other_staff_have_no_access(client, awards_2027, group):
    nomination = nominate(awards_2027)
    client.force_login(UserFactory(groups=[group]))
    assert "/admin/awards/" not in client.get("/admin/").content.decode()
    assert client.get("/admin/awards/").status_code == 403
    assert client.get(f"/admin/awards/{awards_2027.pk}/").status_code == 403
    assert client.get(nomination_url(nomination)).status_code == 403


def test_a_juror_sees_no_scores_before_submitting_and_only_the_distribution_after(
    client, awards_2027, juror, other_juror
):
    nomination = nominate(awards_2027, "Community kitchens")
    score(nomination, other_juror, [2, 3, 4])
    client.force_login(juror)
    before = client.get(nomination_url(nomination))
    assert "distributions" not in before.context and "score_table" not in before.context
    content = before.content.decode()
    assert "How the jury scored" not in content and 'name="criterion_impact"' in content
    assert not re.search(r"<td>[1-5]</td>", content)  # no score of the other juror anywhere

    response = client.post(nomination_url(nomination), scores_post(5, 4, 4))
    assert response.status_code == 302
    assert dict(JuryScore.objects.filter(nomination=nomination, juror=juror).values_list("criterion", "score")) == {
        "impact": 5,
        "participation": 4,
        "adaptability": 4,
    }
    after = client.get(nomination_url(nomination))
    content = after.content.decode()
    assert "How the jury scored (anonymised)" in content
    assert "Impact 0 1 0 0 1 2 3.5 2 5" in distribution_rows(content)
    assert "Bartholomew" not in content and "Inkwater" not in content and other_juror.username not in content
    assert "score_table" not in after.context


def test_scores_are_final(client, awards_2027, juror):
    nomination = nominate(awards_2027)
    client.force_login(juror)
    assert client.post(nomination_url(nomination), scores_post(3, 3, 3)).status_code == 302
    assert client.post(nomination_url(nomination), scores_post(5, 5, 5)).status_code == 403
    assert set(JuryScore.objects.filter(nomination=nomination).values_list("score", flat=True)) == {3}


def test_every_criterion_needs_a_score_from_1_to_5(client, awards_2027, juror):
    nomination = nominate(awards_2027)
    client.force_login(juror)
    incomplete = {"action": "score", "criterion_impact": 4, "criterion_participation": 4}
    assert client.post(nomination_url(nomination), incomplete).status_code == 400
    assert client.post(nomination_url(nomination), scores_post(4, 6, 4)).status_code == 400
    assert client.post(nomination_url(nomination), scores_post(0, 4, 4)).status_code == 400
    assert not JuryScore.objects.filter(nomination=nomination).exists()


def test_a_conflict_of_interest_forbids_scoring_and_seeing_the_scores(client, awards_2027, juror, other_juror):
    nomination = nominate(awards_2027)
    score(nomination, other_juror, [4, 4, 4])
    client.force_login(juror)
    response = client.post(nomination_url(nomination), {"action": "conflict", "explanation": "I advise them."})
    assert response.status_code == 302
    assert ConflictOfInterest.objects.get(nomination=nomination, juror=juror).explanation == "I advise them."
    refused = client.post(nomination_url(nomination), scores_post(5, 5, 5))
    assert refused.status_code == 403
    assert "You declared a conflict of interest for this nomination." in refused.content.decode()
    assert not JuryScore.objects.filter(nomination=nomination, juror=juror).exists()
    page = client.get(nomination_url(nomination))
    assert "distributions" not in page.context and 'name="criterion_impact"' not in page.content.decode()
    listing = client.get(f"/admin/awards/{awards_2027.pk}/").content.decode()
    assert "Conflict of interest declared" in listing


def test_a_conflict_declared_after_scoring_withdraws_the_scores(client, awards_2027, juror):
    nomination = nominate(awards_2027)
    client.force_login(juror)
    client.post(nomination_url(nomination), scores_post(5, 5, 5))
    assert client.post(nomination_url(nomination), {"action": "conflict"}).status_code == 302
    assert not JuryScore.objects.filter(nomination=nomination, juror=juror).exists()
    assert client.post(nomination_url(nomination), scores_post(5, 5, 5)).status_code == 403


def test_scoring_closes_after_the_deliberation(client, awards_2027, juror):
    nomination = nominate(awards_2027)
    yesterday = timezone.localdate(timezone=awards_2027.zone) - datetime.timedelta(days=1)
    AwardEditionPage.objects.filter(pk=awards_2027.pk).update(jury_deliberation=yesterday)
    client.force_login(juror)
    assert client.post(nomination_url(nomination), scores_post(5, 5, 5)).status_code == 403
    assert client.post(nomination_url(nomination), {"action": "conflict"}).status_code == 403
    assert not JuryScore.objects.filter(nomination=nomination).exists()


@pytest.mark.parametrize("role", [EDITORS, MODERATORS, "superuser"])
def test_editors_see_every_nomination_and_the_scores_only_after_the_deliberation(
    client, awards_2027, juror, other_juror, role
):
    user = UserFactory(is_superuser=True) if role == "superuser" else UserFactory(groups=[role])
    nomination = nominate(awards_2027, "Community kitchens")
    arabic = nominate(edition("2027", "ar"), "مطابخ مجتمعية")
    score(nomination, juror, [5, 4, 3])
    score(nomination, other_juror, [1, 2, 2])
    ConflictOfInterest.objects.create(nomination=arabic, juror=juror, explanation="My cousin.")
    client.force_login(user)
    listing = client.get(f"/admin/awards/{awards_2027.pk}/").content.decode()
    assert "Community kitchens" in listing and "مطابخ مجتمعية" in listing  # every language together
    assert "someone@example.org" in listing
    assert "scores after the jury" in listing
    before = client.get(nomination_url(nomination))
    assert "score_table" not in before.context and "distributions" not in before.context
    assert "Zephyrine" not in before.content.decode()
    assert "2 of 4 jurors have scored" in before.content.decode()  # progress only (the demo's two and ours)
    assert client.post(nomination_url(nomination), scores_post(5, 5, 5)).status_code == 403  # not a juror

    yesterday = timezone.localdate(timezone=awards_2027.zone) - datetime.timedelta(days=1)
    AwardEditionPage.objects.filter(pk=awards_2027.pk).update(jury_deliberation=yesterday)
    after = client.get(nomination_url(nomination))
    table = after.context["score_table"]
    assert ("Zephyrine Quillfeather", [5, 4, 3]) in table and ("Bartholomew Inkwater", [1, 2, 2]) in table
    conflicts = client.get(nomination_url(arabic)).content.decode()
    assert "My cousin." in conflicts


def test_the_edition_list_for_editors_counts_nominations_across_languages(client, awards_2027, editor):
    nominate(awards_2027)
    nominate(edition("2027", "fr"))
    client.force_login(editor)
    response = client.get("/admin/awards/")
    assert response.status_code == 200
    rows = {page.slug: count for page, count in response.context["rows"]}
    assert rows["2027"] == Nomination.objects.filter(translation_key=awards_2027.translation_key).count()
    assert rows["2027"] >= 2
    assert rows["2026"] == 3  # the demo's nominations
