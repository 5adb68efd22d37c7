"""What visitors are told about translations: source language, machine help, outdated originals,
and pages that do not exist in their language yet."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from home.factories import StandardPageFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def notice(content: str) -> str:
    start = content.find('<aside class="translation-notice')
    return content[start : content.find("</aside>", start)] if start >= 0 else ""


def test_translated_page_names_its_source_language_in_the_readers_language(client):
    text = notice(client.get("/fr/about/").content.decode())
    assert "Traduit de l’original (anglais)." in text and "Anglais" not in text
    assert "<time datetime=" in text
    assert "translation-notice--outdated" not in text


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Traduit de l’original (anglais)."),
        ("es", "Traducido del original (inglés)."),
        ("pt", "(inglês)"),
        ("ru", "английск"),
        ("ar", "الإنجليزية"),
    ],
)
def test_the_notice_names_the_language_as_written_in_a_sentence_and_links_to_the_original(client, language, sentence):
    text = notice(client.get(f"/{language}/about/").content.decode())
    assert sentence in text
    assert 'href="/en/about/" hreflang="en"' in text  # "Read the original"


def test_original_pages_have_no_notice(client):
    assert notice(client.get("/en/about/").content.decode()) == ""


def test_changed_original_is_announced_with_a_link(client):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.title = "About the Panel (2027 edition)"
    about.save_revision().publish()
    text = notice(client.get("/ar/about/").content.decode())
    assert "translation-notice--outdated" in text
    assert 'href="/en/about/" hreflang="en"' in text


def test_machine_assistance_is_disclosed(client):
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    before = notice(client.get("/es/about/").content.decode())
    for string in StringTranslation.objects.filter(
        context__object_id=about.translation_key, locale=Locale.objects.get(language_code="es")
    ):  # saved one by one, as wagtail-localize saves a machine translation
        string.translation_type = StringTranslation.TRANSLATION_TYPE_MACHINE
        string.save()
    spanish = notice(client.get("/es/about/").content.decode())
    french = notice(client.get("/fr/about/").content.decode())
    assert spanish.count("<p>") == 1 and len(spanish) > len(french)
    assert spanish.startswith(before[: before.index("</time>")]) and len(spanish) > len(before)  # the sentence added


def test_notice_costs_no_extra_query(client, english_home):
    client.get("/fr/about/")
    with CaptureQueriesContext(connection) as translated:
        client.get("/fr/about/")
    client.get("/en/about/")
    with CaptureQueriesContext(connection) as original:
        client.get("/en/about/")
    assert len(translated) <= len(original) + 1  # the locale lookup differs, nothing else


def test_untranslated_page_says_so_in_the_visitors_language_and_offers_the_others(client, english_home):
    StandardPageFactory(parent=english_home, slug="english-only", title="English only")
    response = client.get("/ar/english-only/")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'lang="ar" dir="rtl"' in content
    assert 'href="/en/english-only/" hreflang="en" lang="en"' in content
    assert "Page not found" not in content


def test_unknown_page_is_a_plain_not_found(client):
    content = client.get("/fr/nothing-here/").content.decode()
    assert "other-languages" not in content
