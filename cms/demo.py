"""Shared machinery for the demo seeders each app provides in its own `demo.py`.

`manage.py seed_demo` runs every installed app's `demo.seed(context)` in `order`. Seeders create
only what is missing, so running it twice changes nothing and content editors made is never
touched. Translations go through wagtail-localize's own models (TranslationSource, Translation,
StringTranslation) exactly as the translation editor stores them.

A seeder's data is JSON beside it, `<app>/demo_content.json`, read with `load(__file__)`; its
English strings' translations are in `<app>/demo_translations/<language>.json`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms import roles

DEMO_PASSWORD = "ipsp-demo-2026"  # noqa: S105 - printed by `make run`; seed_demo refuses production settings

DEMO_USERS = [
    # username, groups, superuser, world region (UN M49; expert review needs one from outside the practice's)
    ("admin", [], True, ""),
    ("editor", [roles.EDITORS], False, ""),
    ("reviewer", [roles.EXPERT_REVIEWERS], False, "150"),
    ("reviewer-africa", [roles.EXPERT_REVIEWERS], False, "002"),
    ("reviewer-americas", [roles.EXPERT_REVIEWERS], False, "019"),
    ("reviewer-asia", [roles.EXPERT_REVIEWERS], False, "142"),
    ("moderator", [roles.MODERATORS], False, ""),
    ("juror-1", [roles.JURY], False, "002"),
    ("juror-2", [roles.JURY], False, "150"),
    ("journalist", [roles.ACCREDITED_JOURNALISTS], False, ""),
] + [
    (f"translator-{code}", [roles.translators_group_name(code)], False, "")
    for code in ("zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur")
]


@dataclass
class SeedContext:
    """Passed from seeder to seeder: pages by key, the admin user, a log function."""

    log: Callable[[str], None]
    languages: list[str] | None = None
    admin: object = None
    pages: dict[str, Page] = field(default_factory=dict)
    created: int = 0
    translated: int = 0


def load(seeder: str) -> dict[str, Any]:
    """The demo data of the seeder whose file is `seeder` (pass `__file__`): `demo_content.json` beside it.

    An object whose keys name the data (`index`, `practices`, ...) and whose values are plain JSON:
    dicts, lists (a "row" is a list whose columns a note describes), strings, numbers, null. Dates
    are ISO strings (`"2026-06-15"`, times `"09:00"`) the seeder parses; a date that moves with the
    seeding day is a number of days from it (`days_ago`, `opens_days`...) the seeder counts, as its
    note says. Keys starting with "_" are notes for the reader (`_about` on the file, `_<key>` on
    `<key>`) and are left out.
    """
    path = Path(seeder).with_name("demo_content.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if not key.startswith("_")}


class TranslationCatalogue:
    """English source string → translation, per language, from JSON files beside the seeder."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._cache: dict[str, dict[str, str]] = {}

    def for_language(self, code: str) -> dict[str, str]:
        if code not in self._cache:
            path = self.directory / f"{code}.json"
            self._cache[code] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        return self._cache[code]


def _demo_last_name(username: str) -> str:
    """ "Translator" plus the language's own name, "Reviewer" plus the region, "Editor" plus "IPSP"."""
    _role, _sep, rest = username.partition("-")
    if username.startswith("translator-"):
        return dict(settings.LANGUAGES).get(rest, rest)
    return rest.capitalize() if rest else "IPSP"


def seed_users(context: SeedContext) -> None:
    User = get_user_model()
    for username, group_names, superuser, region in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@demo.ipsp.org",
                "is_superuser": superuser,
                "is_staff": superuser,
                "first_name": username.split("-")[0].capitalize(),
                "last_name": _demo_last_name(username),
                "region": region,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.set(Group.objects.filter(name__in=group_names))
            context.created += 1
        if username == "admin":
            context.admin = user


def other_locales(context: SeedContext) -> list[Locale]:
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("id")
    if context.languages is not None:
        locales = locales.filter(language_code__in=context.languages)
    return list(locales)


@transaction.atomic
def translate(instance, locale: Locale, catalogue: TranslationCatalogue, user=None):
    """Translate a page or snippet into `locale` through wagtail-localize, publishing the result.

    Every string segment must have a translation in the catalogue, except the slug, which keeps
    its English form so URLs stay recognisable across languages.
    """
    strings = catalogue.for_language(locale.language_code)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    missing = []
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = segment.string.data
        if segment.context.path == "slug":
            translated = text
        elif text in strings:
            translated = strings[text]
        else:
            missing.append(text)
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": translated, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    if missing:
        raise ValueError(
            f"Demo translation into {locale.language_code} is missing {len(missing)} string(s), first: {missing[0]!r}"
        )
    translation.save_target(user=user, publish=True)
    return instance.get_translation(locale)


def has_real_translation(instance, locale: Locale) -> bool:
    """Translated into `locale` (a fallback alias of a page does not count: `translate` converts it)."""
    queryset = type(instance).objects.filter(translation_key=instance.translation_key, locale=locale)
    if isinstance(instance, Page):
        queryset = queryset.filter(alias_of__isnull=True)
    return queryset.exists()


def publish(page: Page, user) -> None:
    page.save_revision(user=user, log_action=True).publish(user=user)


IndexPage = TypeVar("IndexPage", bound=Page)


def ensure_index(
    parent: Page, model: type[IndexPage], data: dict[str, Any], context: SeedContext, **fields: Any
) -> IndexPage:
    """The `model` index page under `parent`, created and published from `data` (title, slug,
    introduction) in the parent's locale if it has none yet; `fields` are further field values."""
    index = model.objects.child_of(parent).first()
    if index is None:
        index = model(
            title=data["title"],
            slug=data["slug"],
            introduction=data["introduction"],
            locale=parent.locale,
            **fields,
        )
        parent.add_child(instance=index)
        publish(index, context.admin)
        context.created += 1
    return index


def translate_missing(
    instances: Iterable[Any],
    context: SeedContext,
    catalogue: TranslationCatalogue,
    *,
    translated: Callable[[Any, Locale], bool] = has_real_translation,
) -> None:
    """Translate each instance into every seeded language it is not yet `translated` into.

    Language by language, in `other_locales` order; an existing translation may hold a translator's
    work, so it is left alone. Counts each translation in `context.translated`.
    """
    instances = list(instances)
    for locale in other_locales(context):
        for instance in instances:
            if not translated(instance, locale):
                translate(instance, locale, catalogue, user=context.admin)
                context.translated += 1
