"""Practices as visitors browse and read them: only reviewed, in their language, with facets."""

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext

from cms import geography
from cms.factories import ThemeFactory
from cms.models import Country, ExpertReview
from practices.factories import PracticePageFactory
from practices.models import PracticeIndexPage, PracticePage
from tests.queries import cold_queries, warm_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(locales):
    return PracticeIndexPage.objects.get(locale=locales["en"])


def titles(content: str) -> list[str]:
    return re.findall(r'<h3 class="practice-card__title"><a href="[^"]+">([^<]+)</a></h3>', content)


def count(content: str) -> int:
    return int(re.search(r'id="practice-results-heading"[^>]*>\s*([\d,]+)', content).group(1).replace(",", ""))


def test_listing_shows_reviewed_practices_of_the_visitors_language_only(client, index):
    unreviewed = PracticePageFactory(parent=index, title="Unreviewed but live", reviewed=False)
    draft = PracticePageFactory(parent=index, title="A draft practice", live=False)
    english = client.get("/en/practices/").content.decode()
    assert count(english) == PracticePage.objects.filter(locale=index.locale, live=True).count() - 1
    assert unreviewed.title not in english and draft.title not in english
    spanish = client.get("/es/practices/").content.decode()
    # Every reviewed practice in every language: the six demo translations, the others as fallbacks.
    assert count(spanish) == count(english)
    assert "Presupuesto participativo" in spanish or "Porto Alegre" in spanish


def test_unreviewed_or_draft_practice_is_never_public(client, index):
    unreviewed = PracticePageFactory(parent=index, reviewed=False)
    assert client.get(unreviewed.url).status_code == 404
    draft = PracticePageFactory(parent=index, live=False)
    assert client.get(f"/en/practices/{draft.slug}/").status_code == 404


def test_facets_filter_and_count_with_shareable_urls(client):
    content = client.get("/en/practices/?theme=health&region=002").content.decode()
    assert "Rwanda" in content
    assert all("Finland" not in title for title in titles(content))
    # A facet's counts apply the other facets: the region facet counts health practices per region.
    assert re.search(
        r'name="region" value="002" checked>\s*<label[^>]*>Africa <span class="facet__count">\((\d+)\)', content
    )
    assert 'href="?region=002"' in content  # removing the theme keeps the region: a shareable link
    cities_americas = client.get("/es/practices/?theme=cities&region=019").content.decode()
    assert count(cities_americas) == count(client.get("/en/practices/?theme=cities&region=019").content.decode()) == 3
    assert "/es/practices/participatory-budgeting-porto-alegre/" in cities_americas


def test_facets_are_labelled_in_the_visitors_language(client):
    arabic = client.get("/ar/practices/?theme=health").content.decode()
    assert 'dir="rtl"' in arabic
    assert "أفريقيا" in arabic  # Africa, from CLDR
    assert "الصحة" in arabic or "صحة" in arabic  # the health theme's Arabic name
    chinese = client.get("/zh-hans/practices/").content.decode()
    assert "消除贫困" in chinese or "无贫穷" in chinese  # SDG 1 in Chinese


def test_full_text_query_and_sorting(client):
    found = client.get("/en/practices/?q=housing").content.decode()
    assert any("Housing First" in title for title in titles(found))
    alphabetical = titles(client.get("/en/practices/?sort=title").content.decode())
    assert alphabetical == sorted(alphabetical, key=str.casefold)
    assert client.get("/en/practices/?sort=nonsense&page=999").status_code == 200


def test_listing_works_without_javascript(client):
    content = client.get("/en/practices/").content.decode()
    assert '<form class="practice-filters" method="get" action="/en/practices/"' in content
    assert '<button type="submit" class="button">Apply filters</button>' in content


def test_the_filter_groups_fold_behind_a_disclosure_counting_the_active_filters(client):
    plain = client.get("/en/practices/").content.decode()
    assert '<summary class="filters-disclosure__summary">Filters</summary>' in plain
    filtered = client.get("/fr/practices/?theme=health&region=002&region=019&q=eau").content.decode()
    assert '<summary class="filters-disclosure__summary">Filtres (3)</summary>' in filtered  # the search is no filter
    start = filtered.index('<details class="filters-disclosure"')
    disclosure = filtered[start : filtered.index("</details>", start)]
    assert disclosure.count('<fieldset class="facet"') >= 2 and 'name="q"' not in disclosure
    # The results follow the disclosure, before anything else of the page.
    assert filtered.index("</details>", start) < filtered.index('class="practice-results"')
    # An error opens the filters, where the refused value is.
    assert (
        '<details class="filters-disclosure" data-filters-disclosure open>'
        in client.get("/en/practices/?region=999").content.decode()
    )


def _page_queries(client, url) -> tuple[int, int]:
    """A page's queries warm, and on the first request after a content change."""
    return len(warm_queries(client, url)), len(cold_queries(client, url))


def test_listing_and_practice_queries_do_not_grow_with_the_number_of_practices(client, locales):
    from home.factories import StandardPageFactory  # noqa: F401 - keeps factories importable together

    index = PracticeIndexPage.objects.get(locale=locales["fr"])
    for number in range(10):
        PracticePageFactory(parent=index, slug=f"q-{number}", countries=["KE", "BR"], themes=["health", "work"])
    practice = PracticePage.objects.get(locale=locales["fr"], slug="q-0")
    url = "/fr/practices/?theme=health&sort=title"
    small = (_page_queries(client, url), _page_queries(client, practice.url))
    for number in range(10, 40):  # more than three pages of 12 (practices.browsing.PER_PAGE)
        PracticePageFactory(parent=index, slug=f"q-{number}", countries=["KE", "IN"], themes=["health", "cities"])
    large = (_page_queries(client, url), _page_queries(client, practice.url))
    assert small == large
    assert large[0][1] <= 35 and large[1][1] <= 30


def test_a_warm_listing_reads_only_its_page_of_results_and_counts_a_new_practice_at_once(client, index):
    """The language's catalogue (facets, names) is kept until any content changes
    (`PracticeBrowser.catalogue`): a new practice is listed and counted on the next request."""
    queries = warm_queries(client, "/en/practices/?theme=health")
    assert len(queries) <= 4, [query["sql"][:120] for query in queries]
    assert not any("practices_practicepage_themes" in query["sql"] for query in queries)
    before = count(client.get("/en/practices/?theme=health").content.decode())
    PracticePageFactory(parent=index, title="Community fridges", themes=["health"])
    content = client.get("/en/practices/?theme=health").content.decode()
    assert count(content) == before + 1 and "Community fridges" in content


def test_a_warm_practice_page_reads_only_its_own_rows_and_shows_a_change_at_once(client, index):
    """Its reviews, places, terms, related practices and community panel are kept in the cache
    until any content changes (`PracticePage.shared_context`): the next reader sees a change."""
    practice = PracticePageFactory(parent=index, title="Tool libraries", countries=["KE"], themes=["health"])
    queries = warm_queries(client, practice.url)
    assert len(queries) <= 3, [query["sql"][:120] for query in queries]
    shared = ("cms_expertreview", "practices_practicepage_countries", "practices_practicepage_themes", "community_")
    assert not any(table in query["sql"] for query in queries for table in shared)
    assert "Seed banks" not in client.get(practice.url).content.decode()
    PracticePageFactory(parent=index, title="Seed banks", countries=["KE"], themes=["health"])
    assert "Seed banks" in client.get(practice.url).content.decode()  # now a related practice
    practice.countries.add(Country.objects.get(code="UG"))
    practice.save_revision().publish()
    assert "Uganda" in client.get(practice.url).content.decode()


def test_a_practice_whose_approved_review_is_withdrawn_is_gone_on_the_next_request(client, index):
    practice = PracticePageFactory(parent=index, title="Repair cafés")
    assert client.get(practice.url).status_code == 200
    ExpertReview.objects.filter(translation_key=practice.translation_key).delete()
    assert client.get(practice.url).status_code == 404


def test_practice_page_shows_review_facts_and_never_the_contact_email(client, index):
    practice = PracticePageFactory(
        parent=index,
        countries=["KE"],
        themes=["health"],
        contact_email="private@example.org",
        reviewed__name_publicly=True,
    )
    content = client.get(practice.url).content.decode()
    assert "Expert-reviewed" in content
    assert "Evidence of results" in content and "Participation of those affected" in content
    assert "Asia Reviewer" in content
    assert "private@example.org" not in content
    assert "Kenya" in content and "Africa" in content


def test_reviewer_names_appear_only_with_their_consent(client, index):
    practice = PracticePageFactory(parent=index, reviewed__name_publicly=False)
    assert "Asia Reviewer" not in client.get(practice.url).content.decode()


def test_related_practices_share_themes_or_region(client):
    content = client.get("/en/practices/rwanda-community-health-workers/").content.decode()
    related = content.split('id="related-heading"')[1]
    assert related.count('class="card"') == 3
    assert "/en/practices/rwanda-community-health-workers/" not in related


def test_related_practices_match_a_theme_not_translated_into_the_readers_language(client, index, locales):
    """A linked theme with no translation into the page's language is not listed, but practices
    sharing it are still related (matched on the slug all of a theme's translations share)."""
    theme = ThemeFactory(locale=locales["fr"], name="Tiers-lieux", slug="tiers-lieux")
    practice = PracticePageFactory(parent=index, title="Practice sharing a French theme", countries=["NZ"])
    other = PracticePageFactory(parent=index, title="Another practice sharing it", countries=["JP"])
    for page in (practice, other):
        page.themes.set([theme])
        page.save()  # parental many-to-many values are written on save
    content = client.get(practice.url).content.decode()
    assert "Tiers-lieux" not in content
    assert other.url in content.split('id="related-heading"')[1]


def test_related_practices_rank_by_shared_themes_then_shared_regions_each_counted_once(index, locales):
    """Two shared themes before one; among those sharing one theme, the one also in the region first;
    two countries of the region count as one shared region."""
    themes = [ThemeFactory(locale=locales["en"], slug=slug) for slug in ("rank-one", "rank-two")]
    practice = PracticePageFactory(parent=index, title="Ranked practice", countries=["NZ"])
    both = PracticePageFactory(parent=index, title="Z shares both themes", countries=["JP"])
    in_region = PracticePageFactory(parent=index, title="Y shares one, in the region", countries=["AU", "FJ"])
    one = PracticePageFactory(parent=index, title="X shares one theme", countries=["JP"])
    for page, linked in ((practice, themes), (both, themes), (in_region, themes[:1]), (one, themes[1:])):
        page.themes.set(linked)
        page.save()  # parental many-to-many values are written on save
    related = practice.related_practices(["rank-one", "rank-two"], ["009"])
    assert [(page.pk, page.shared_themes, page.shared_regions) for page in related] == [
        (both.pk, 2, 0),
        (in_region.pk, 1, 1),
        (one.pk, 1, 0),
    ]


def test_a_practice_with_no_theme_or_country_has_no_related_practices(client, index):
    practice = PracticePageFactory(parent=index, title="A practice filed nowhere")
    practice.themes.set([])
    practice.countries.set([])
    practice.save()
    response = client.get(practice.url)
    assert response.status_code == 200
    assert 'id="related-heading"' not in response.content.decode()


def test_translated_practice_keeps_facts_and_translates_prose(client, locales):
    english = PracticePage.objects.get(locale=locales["en"], slug="housing-first-finland")
    arabic = english.get_translation(locales["ar"])
    assert list(arabic.countries.values_list("code", flat=True)) == ["FI"]
    assert arabic.start_year == english.start_year
    assert arabic.title != english.title
    content = client.get(arabic.url).content.decode()
    assert "فنلندا" in content  # Finland, named in Arabic
    assert "Expert-reviewed" not in content  # the interface is in Arabic too


def test_site_search_never_finds_an_unreviewed_practice(client, index):
    PracticePageFactory(parent=index, title="Zanzibar seaweed cooperatives", reviewed=False)
    reviewed = PracticePageFactory(parent=index, title="Zanzibar solar cooperatives")
    content = client.get("/en/search/?q=Zanzibar").content.decode()
    assert reviewed.title in content
    assert "seaweed" not in content


@pytest.mark.parametrize("url", ['/en/search/?q="', '/en/practices/?q="housing', "/ar/search/?q=%22%22%22"])
def test_quotes_in_a_query_are_harmless(client, url):
    assert client.get(url).status_code == 200


def test_the_theme_chooser_offers_only_the_themes_of_the_pages_language(admin_client, locales):
    from cms.models import Theme

    english = PracticePage.objects.filter(locale=locales["en"]).first()
    html = admin_client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    english_themes = list(Theme.objects.filter(locale=locales["en"]))
    assert english_themes
    assert html.count('name="themes"') == len(english_themes)
    spanish_theme = Theme.objects.get(locale=locales["es"], slug=english_themes[0].slug)
    assert f'name="themes" value="{spanish_theme.pk}"' not in html

    form_class = type(english).get_edit_handler().get_form_class()
    form = form_class(instance=english, for_user=None)
    assert set(form.fields["themes"].queryset) == set(english_themes)
    assert not form.fields["themes"].queryset.filter(pk=spanish_theme.pk).exists()


@pytest.mark.parametrize("language", ["en", "ar", "zh-hans"])
def test_a_practice_shows_its_country_on_a_locator_map_linking_to_the_listing_filtered_by_it(client, language):
    response = client.get(f"/{language}/practices/housing-first-finland/")
    locator = response.context["locator"]
    finland = geography.country_name("FI", language)
    with translation.override(language):
        title = gettext("Located in %(places)s") % {"places": finland}
        label = gettext("Practices in %(country)s") % {"country": finland}
    assert title != "Located in Finland" or language == "en"  # translated in the reader's language
    assert locator.title == title and [place.label for place in locator.places] == [label]
    content = response.content.decode()
    figure = content.split('<figure class="locator-map" id="locator">')[1].split("</figure>")[0]
    assert figure.startswith('\n  <div dir="ltr">')  # the drawing is not mirrored, in Arabic either
    assert f'<figcaption class="locator-map__caption" id="locator-caption">{title}</figcaption>' in figure
    url = f"/{language}/practices/?country=FI"
    assert f'<a href="{url}" class="locator-map__place" aria-label="{label}"><title>{label}</title><path d="M' in figure
    assert len(figure) < 5_000  # a few KB: the crop and its neighbours, not the world
    listing = client.get(url)
    assert listing.status_code == 200 and listing.context["results"].paginator.count >= 1


def test_a_practice_in_countries_the_map_cannot_draw_names_them_in_words_only(client, index):
    practice = PracticePageFactory(parent=index, title="Harbour kitchens", countries=["SG"])
    response = client.get(practice.url)
    assert response.context["locator"] is None and 'class="locator-map"' not in response.content.decode()
    assert "Singapore" in response.content.decode()


def test_a_practice_costs_the_same_queries_for_few_or_many_terms_and_voices_in_any_language(client, locales):
    """Themes, goals and keywords (translated or not into the reader's language) and recognized
    voices on the practice's themes: two or many of each cost the same, in English and in Arabic."""
    from cms.models import Country, Theme
    from community.factories import MemberProfileFactory
    from practices.models import Keyword, SustainableDevelopmentGoal

    english = PracticePage.objects.get(locale=locales["en"], slug="housing-first-finland")
    arabic = english.get_translation(locales["ar"])
    few = {page.url: _page_queries(client, page.url) for page in (english, arabic)}
    themes = list(Theme.objects.filter(locale=locales["en"]).exclude(slug__in=["health"])[:5])
    goals = list(SustainableDevelopmentGoal.objects.filter(locale=locales["en"])[:8])
    keywords = [Keyword.objects.create(locale=locales["en"], name=f"Term {number}") for number in range(8)]
    for keyword in keywords[:4]:  # half of them translated into Arabic
        keyword.copy_for_translation(locales["ar"]).save()
    for page in (english, arabic):
        page.themes.add(*themes)
        page.sdgs.add(*goals)
        page.keywords.add(*keywords)
        page.countries.add(*Country.objects.filter(code__in=["SE", "NO", "DK", "EE"]))
        page.save()
    for _number in range(10):
        MemberProfileFactory().recognized_themes.add(*themes)
    many = {page.url: _page_queries(client, page.url) for page in (english, arabic)}
    assert many == few
    content = client.get(arabic.url).content.decode()
    assert content.count("practice-keyword--untranslated") == 4  # the keywords not translated yet
    assert 'id="recognized-voices"' in content
