"""Machine pre-translation: configured from the environment, routed per language, never published alone.

Uses wagtail-localize's dummy translator (it reverses word order) in place of the real services.
"""

import os

import pytest
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.factories import UserFactory
from cms.machine_translation import RoutingTranslator
from cms.roles import translators_group_name
from cms.settings import env
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


class SecondDummyTranslator(DummyTranslator):
    display_name = "Second dummy"


ROUTED = {
    "CLASS": "cms.machine_translation.RoutingTranslator",
    "OPTIONS": {
        "TRANSLATORS": {
            "first": {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"},
            "second": {"CLASS": "tests.cms.test_machine_translation.SecondDummyTranslator"},
        },
        "ROUTES": {"ar": "second", "*": "first"},
    },
}


@pytest.fixture
def draft_translation(english_home):
    """A new English page sent for translation: the translated drafts exist, no segment is translated yet."""

    def make(code: str) -> Translation:
        page = StandardPageFactory(
            parent=english_home,
            title="Care work counts",
            slug=f"care-work-{code}",
            introduction="Unpaid care sustains every society.",
        )
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code=code))
        translation.save_target(publish=False)
        return translation

    return make


def machine_translate(client, user, translation: Translation):
    client.force_login(user)
    return client.post(reverse("wagtail_localize:machine_translate", args=(translation.pk,)), {"next": "/admin/"})


def machine_strings(translation: Translation):
    return StringTranslation.objects.filter(
        locale=translation.target_locale, context__object_id=translation.source.object_id
    )


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=ROUTED)
def test_each_language_goes_to_its_service_and_segments_say_which(client, draft_translation):
    french, arabic = draft_translation("fr"), draft_translation("ar")
    machine_translate(client, UserFactory(groups=[translators_group_name("fr")]), french)
    machine_translate(client, UserFactory(groups=[translators_group_name("ar")]), arabic)
    assert {(s.translation_type, s.tool_name) for s in machine_strings(french)} == {("machine", "Dummy translator")}
    assert {(s.translation_type, s.tool_name) for s in machine_strings(arabic)} == {("machine", "Second dummy")}
    assert machine_strings(french).filter(data="counts work Care").exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=ROUTED)
def test_machine_translation_is_never_published_on_its_own(client, draft_translation):
    translation = draft_translation("fr")
    machine_translate(client, UserFactory(groups=[translators_group_name("fr")]), translation)
    page = translation.get_target_instance()
    assert not page.live
    assert machine_strings(translation).exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=ROUTED)
def test_translator_cannot_machine_translate_another_locale(client, draft_translation):
    translation = draft_translation("ar")
    machine_translate(client, UserFactory(groups=[translators_group_name("fr")]), translation)
    assert not machine_strings(translation).exists()


def test_router_declines_languages_without_a_service():
    router = RoutingTranslator({"TRANSLATORS": ROUTED["OPTIONS"]["TRANSLATORS"], "ROUTES": {"ar": "second"}})
    english, arabic, hindi = (Locale(language_code=code) for code in ("en", "ar", "hi"))
    assert router.can_translate(english, arabic)
    assert not router.can_translate(english, hindi)


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, None),
        ({"DEEPL_API_KEY": "k"}, ({"deepl"}, {})),
        ({"LIBRETRANSLATE_URL": "https://lt.example.org"}, ({"libretranslate"}, {})),
        (
            {
                "DEEPL_API_KEY": "k",
                "LIBRETRANSLATE_URL": "https://lt.example.org",
                "MACHINE_TRANSLATION_ROUTES": "hi=deepl",
            },
            ({"deepl", "libretranslate"}, {"fr": "deepl", "ar": "deepl", "hi": "deepl", "*": "libretranslate"}),
        ),
    ],
)
def test_machine_translator_is_configured_from_the_environment(monkeypatch, environment, expected):
    for name in ("DEEPL_API_KEY", "LIBRETRANSLATE_URL", "MACHINE_TRANSLATION_ROUTES"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    config = env.machine_translator()
    if expected is None:
        assert config is None
        return
    names, routes = expected
    assert set(config["OPTIONS"]["TRANSLATORS"]) == names
    for code, name in routes.items():
        assert config["OPTIONS"]["ROUTES"][code] == name


def test_bad_machine_translation_settings_are_clear(monkeypatch):
    monkeypatch.setenv("LIBRETRANSLATE_URL", "lt.example.org")
    with pytest.raises(env.ConfigurationError, match="LIBRETRANSLATE_URL must be an http"):
        env.machine_translator()
    monkeypatch.setenv("LIBRETRANSLATE_URL", "https://lt.example.org")
    monkeypatch.setenv("MACHINE_TRANSLATION_ROUTES", "fr=deepl")
    with pytest.raises(env.ConfigurationError, match="not configured"):
        env.machine_translator()
    assert os.environ["LIBRETRANSLATE_URL"] == "https://lt.example.org"
