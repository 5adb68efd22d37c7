import re

import pytest
from django.conf import settings
from wagtail.models import Page

from home.factories import StandardPageFactory
from home.models import HomePage, StandardPage
from practices.models import PracticeIndexPage
from reports.models import ReportIndexPage

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
RTL = {"ar", "ur"}


def html_tag(content: str) -> str:
    return re.search(r"<html[^>]*>", content).group(0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_has_language_and_direction(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    tag = html_tag(response.content.decode())
    assert f'lang="{language}"' in tag
    assert f'dir="{"rtl" if language in RTL else "ltr"}"' in tag


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_lists_every_translation_as_hreflang_alternate(client, language):
    content = client.get(f"/{language}/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', content))
    assert set(alternates) == {*LANGUAGES, "x-default"}
    assert alternates["x-default"] == alternates["en"]
    for code in LANGUAGES:
        assert alternates[code].endswith(f"/{code}/")


def test_language_switcher_links_to_the_same_page_in_each_language(client):
    content = client.get("/fr/about/").content.decode()
    switcher = content[content.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    for code in LANGUAGES:
        assert f'href="/{code}/about/"' in switcher
    assert 'aria-current="true" lang="fr"' in switcher


def test_language_switcher_falls_back_to_home_page_where_no_translation_exists(client, english_home):
    page = StandardPageFactory(parent=english_home, title="Only in English", slug="only-in-english")
    content = client.get(page.url).content.decode()
    assert 'href="/ar/" lang="ar" dir="rtl" hreflang="ar" class="language-switcher__fallback"' in content
    assert 'hreflang="ar" href=' not in content  # no hreflang alternate for a translation that does not exist


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar,en;q=0.5", "/ar/"),
        ("fr-CA,fr;q=0.9", "/fr/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("de-DE", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_renders_within_query_budget(client, django_assert_max_num_queries, language):
    client.get(f"/{language}/")  # warm per-process caches (site root paths, content types)
    # Routing (3: the site, the pages on the path with their view restrictions, the home page's row),
    # the chrome (1, the translation notice's facts included) and one query per section of the front
    # door (7: home.front_door, the original language of fallbacks read with their items).
    with django_assert_max_num_queries(11):
        assert client.get(f"/{language}/").status_code == 200


def test_home_page_queries_do_not_grow_with_content(client, english_home, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/en/")
    with CaptureQueriesContext(connection) as before:
        client.get("/en/")
    for number in range(25):
        StandardPageFactory(parent=english_home, title=f"Extra page {number}", show_in_menus=True, show_in_footer=True)
    client.get("/en/")
    with CaptureQueriesContext(connection) as after:
        client.get("/en/")
    assert len(after) == len(before)


def test_the_menu_and_footer_leave_out_a_private_section_and_the_pages_below_it(client, english_home):
    from wagtail.models import PageViewRestriction

    section = StandardPageFactory(parent=english_home, title="Members area", show_in_menus=True, show_in_footer=True)
    StandardPageFactory(parent=section, title="Members minutes", show_in_footer=True)
    content = client.get("/en/").content.decode()
    assert "Members area" in content and "Members minutes" in content  # shown while public
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    content = client.get("/en/").content.decode()
    assert "Members area" not in content
    assert "Members minutes" not in content


def test_interface_strings_are_translated(client):
    content = client.get("/fr/").content.decode()
    assert "Aller au contenu principal" in content or "Passer au contenu principal" in content
    assert "Skip to main content" not in content
    arabic = client.get("/ar/").content.decode()
    assert "Skip to main content" not in arabic


def test_standard_page_shows_breadcrumbs_and_body(client):
    content = client.get("/en/about/how-the-panel-works/").content.decode()
    assert 'aria-label="Breadcrumb"' in content
    assert '<a href="/en/about/">About the Panel</a>' in content
    assert '<h2 id="expert-review">Expert review</h2>' in content


def test_draft_pages_are_never_shown_to_visitors(client, english_home):
    draft = StandardPageFactory(parent=english_home, title="Secret draft", slug="secret-draft", live=False)
    assert client.get("/en/secret-draft/").status_code == 404
    assert "Secret draft" not in client.get("/en/").content.decode()
    assert client.get("/en/search/?q=Secret").content.decode().count("Secret draft") == 0
    assert not Page.objects.get(pk=draft.pk).live


def test_unknown_page_gives_translated_404(client):
    response = client.get("/es/does-not-exist/")
    assert response.status_code == 404
    assert 'lang="es"' in response.content.decode()


def test_page_tree_rules():
    assert HomePage.parent_page_types == ["wagtailcore.Page"]
    assert StandardPage in HomePage.allowed_subpage_models()
    assert PracticeIndexPage in HomePage.allowed_subpage_models()
    assert ReportIndexPage in HomePage.allowed_subpage_models()
    assert HomePage not in StandardPage.allowed_subpage_models()
    assert PracticeIndexPage not in StandardPage.allowed_subpage_models()


def test_robots_txt_points_to_sitemap(client):
    content = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in content
    assert "Disallow: /admin/" in content


def test_sitemap_lists_live_pages_in_every_language(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    content = response.content.decode()
    for code in LANGUAGES:
        assert f"/{code}/about/</loc>" in content
    assert "secret-draft" not in content
