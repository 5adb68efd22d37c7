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
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any, TypeVar

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models.signals import post_delete, post_save
from django.test import override_settings
from django.utils import timezone
from modelsearch import signal_handlers as search_signal_handlers
from modelsearch.backends import get_search_backends_with_name
from modelsearch.conf import get_app_config as search_config
from modelsearch.index import get_indexed_models
from wagtail.models import Locale, Page, ReferenceIndex, RevisionMixin
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.tasks import update_reference_index_task
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue, validate_translation_links

from cms import bulk_pages, bulk_translations, roles

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
    # While `seeding` runs: objects a seeder bulk-created (no post_save), indexed when it ends.
    to_index: dict[type[models.Model], set[Any]] | None = None
    _password: str = field(default="", init=False, repr=False)

    def password(self) -> str:
        """`DEMO_PASSWORD` hashed, once per seeding for every demo account (the hasher is slow on purpose)."""
        if not self._password:
            self._password = make_password(DEMO_PASSWORD)
        return self._password

    def index(self, model: type[models.Model], pks: Iterable[Any]) -> None:
        """Add objects the seeder bulk-created to the search index: when `seeding` ends, or now."""
        if self.to_index is not None:
            self.to_index[model].update(pks)
        else:
            bulk_pages.index(model, sorted(pks))


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


@contextmanager
def seeding(context: SeedContext) -> Iterator[None]:
    """Seed without updating the search index and Wagtail's reference index on every save: each
    object saved or deleted meanwhile is brought up to date once, when the block ends.

    Seeding saves a page many times (created, revised, published, translated, aliased) and each
    save re-indexed it twice, a third of the seeding's time. Inside the block, Wagtail's own switch
    stops the reference index (`disable_reference_index_auto_update`); the search backends'
    `AUTO_UPDATE` is off (modelsearch's switch, which every automatic update honours) and their
    save and delete receivers are disconnected; commits do not wait for the disk (seed_demo also
    pauses the e-mails to translators, `cms.translators.paused`). On leaving, each object gets what
    those receivers would have given it last: its references (`update_reference_index_task`'s work, or
    their removal) and its index entry, one `add_bulk` per model and search backend
    (`cms.bulk_pages.index`), with what the seeders bulk-created (`SeedContext.index`); then the
    database gathers its planner statistics (`ANALYZE`).
    """
    touched: dict[type[models.Model], set[Any]] = defaultdict(set)

    def note(sender, instance, raw=False, **kwargs) -> None:
        if not raw:
            touched[sender].add(instance.pk)

    indexed = [model for model in get_indexed_models() if getattr(model, "search_auto_update", True)]
    context.to_index = defaultdict(set)
    backends = {
        name: {**params, "AUTO_UPDATE": False} for name, params in search_config().get_search_backend_config().items()
    }
    receivers = [
        (post_save, search_signal_handlers.post_save_signal_handler),
        (post_delete, search_signal_handlers.post_delete_signal_handler),
    ]
    for signal, receiver in receivers:
        for model in indexed:
            signal.disconnect(receiver, sender=model)
    post_save.connect(note, weak=False, dispatch_uid="cms.demo.seeding")
    post_delete.connect(note, weak=False, dispatch_uid="cms.demo.seeding")
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        # Seeding commits thousands of small transactions: none waits for the disk (PostgreSQL's
        # per-session switch; a crash could lose the last ones, and seeding again makes them).
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO off")
    try:
        with (
            disable_reference_index_auto_update(),
            override_settings(**{search_config().backend_setting_name: backends}),
        ):
            yield
    finally:
        if postgresql:
            with connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")
        post_save.disconnect(dispatch_uid="cms.demo.seeding")
        post_delete.disconnect(dispatch_uid="cms.demo.seeding")
        for signal, receiver in receivers:
            for model in indexed:
                signal.connect(receiver, sender=model)
        bulk_created: dict[type[models.Model], set[Any]] = context.to_index or {}
        context.to_index = None
        # Also what was saved before an error stopped the seeding.
        _update_indexes(touched, bulk_created, set(indexed))
        # The planner's statistics for what was just written: until autovacuum gets to it (never, where
        # it is off), PostgreSQL guesses the tables' sizes and picks slow plans for the first readers.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _update_indexes(
    touched: dict[type[models.Model], set[Any]],
    bulk_created: dict[type[models.Model], set[Any]],
    indexed: set[type[models.Model]],
) -> None:
    """The references and search index entries of the objects `touched` (saved or deleted), and the
    index entries of the objects `bulk_created`, by model."""
    to_index: dict[type[models.Model], set[Any]] = defaultdict(set, bulk_created)
    for model, pks in touched.items():
        found = set(model._default_manager.filter(pk__in=pks).values_list("pk", flat=True))
        if model in ReferenceIndex.tracked_models:
            for pk in sorted(found):
                update_reference_index_task.call(model._meta.app_label, model._meta.model_name, str(pk))
            for pk in pks - found:
                ReferenceIndex.remove_for_object(model(pk=pk))
                ReferenceIndex.remove_references_to(model(pk=pk))
        if model not in indexed:
            continue
        if issubclass(model, Page):  # indexed as its specific page type, as `Page.get_indexed_instance`
            for pk, content_type_id in Page.objects.filter(pk__in=found).values_list("pk", "content_type_id"):
                specific = ContentType.objects.get_for_id(content_type_id).model_class()
                if specific is not None:
                    to_index[specific].add(pk)
        else:
            to_index[model] |= found
        for pk in pks - found:
            for _name, backend in get_search_backends_with_name(with_auto_update=True):
                backend.delete(model(pk=pk))
    for model, pks in to_index.items():
        if model in indexed:
            bulk_pages.index(model, sorted(pks))


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
            user.password = context.password()
            user.save()
            user.groups.set(Group.objects.filter(name__in=group_names))
            context.created += 1
        if username == "admin":
            context.admin = user
        _, _, language = username.partition("translator-")
        if language and (context.languages is None or language in context.languages):
            # The translator's admin preferences, which the first e-mail about new translations made
            # (for its language); seeding sends none (`seeding`).
            UserProfile.get_for_user(user)


def other_locales(context: SeedContext) -> list[Locale]:
    locales = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("id")
    if context.languages is not None:
        locales = locales.filter(language_code__in=context.languages)
    return list(locales)


@transaction.atomic
def translate(instance, locale: Locale, catalogue: TranslationCatalogue, user=None, sources: dict | None = None):
    """Translate a page or snippet into `locale` through wagtail-localize, publishing the result.

    Every string segment must have a translation in the catalogue, except the slug, which keeps
    its English form so URLs stay recognisable across languages (`sources`: see `_store_translations`).
    """
    translation = _store_translations(instance, locale, catalogue, sources)
    translation.save_target(user=user, publish=True)
    return instance.get_translation(locale)


def _store_translations(
    instance, locale: Locale, catalogue: TranslationCatalogue, sources: dict | None = None
) -> Translation:
    """The instance's source and its translation into `locale`, with every string's translation
    from the catalogue stored as the translation editor stores it (the slug keeps its English form).

    `sources` keeps each instance's source and segments from one language to the next."""
    strings = catalogue.for_language(locale.language_code)
    known = (type(instance), instance.pk)
    if sources is None or known not in sources:
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
        if sources is not None:
            sources[known] = (source, segments)
    else:
        source, segments = sources[known]
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # What `StringTranslation.objects.update_or_create` per segment would store, in two queries:
    # the rows already there are updated, the others inserted in segment order.
    existing = {
        (row.translation_of_id, row.context_id): row
        for row in StringTranslation.objects.filter(
            locale=locale, context_id__in={segment.context_id for segment in segments}
        )
    }
    rows: dict[tuple[int, int], StringTranslation] = {}
    missing = []
    for segment in segments:
        text = segment.string.data
        if segment.context.path == "slug":
            translated = text
        elif text in strings:
            translated = strings[text]
        else:
            missing.append(text)
            continue
        _check_translation(text, translated, locale)
        key = (segment.string_id, segment.context_id)
        row = rows.get(key) or existing.get(key)
        if row is None:
            row = StringTranslation(translation_of=segment.string, locale=locale, context=segment.context)
        row.data, row.translation_type = translated, StringTranslation.TRANSLATION_TYPE_MANUAL
        rows[key] = row
    if missing:
        raise ValueError(
            f"Demo translation into {locale.language_code} is missing {len(missing)} string(s), first: {missing[0]!r}"
        )
    now = timezone.now()
    for row in rows.values():
        row.updated_at = now
    StringTranslation.objects.bulk_create([row for row in rows.values() if row.pk is None])
    StringTranslation.objects.bulk_update(
        [row for row in rows.values() if row.pk is not None], ["data", "translation_type", "updated_at"]
    )
    return translation


def _check_translation(text: str, translated: str, locale: Locale) -> None:
    """What `StringTranslation.save` checks (a bulk insert skips it): a translation that fails is
    marked in error there, and the translated page could not be made; here it stops the seeding."""
    try:
        StringValue.from_translated_html(translated)
        validate_translation_links(text, translated)
    except ValueError as error:
        raise ValueError(f"Demo translation into {locale.language_code} of {text!r} is not valid: {error}") from error


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

    Pages that have no page at all in the language yet (no alias either) and go live now, and
    snippets without drafts, are made in bulk (`cms.bulk_translations`: what `translate` makes of
    each, in a few queries per batch of consecutive instances of one kind), then added to the search
    and reference indexes; the others (home pages, aliases to convert, snippets with drafts) go
    through `translate`, one by one, in their order among the instances.
    """
    instances = list(instances)
    sources: dict = {}  # each instance's source and segments, read once for every language
    for locale in other_locales(context):
        todo = [instance for instance in instances if not translated(instance, locale)]
        present = set(
            Page.objects.filter(
                translation_key__in=[instance.translation_key for instance in todo if isinstance(instance, Page)],
                locale=locale,
            ).values_list("translation_key", flat=True)
        )
        batch: list[tuple[TranslationSource, Any]] = []
        batch_kind = None  # the kind of the instances in `batch`
        for instance in todo:
            kind = _bulk_kind(instance, present)
            if batch and kind is not batch_kind:
                _add_translations(batch, locale, context)
                batch = []
            batch_kind = kind
            if kind is not None:
                batch.append((_store_translations(instance, locale, catalogue, sources).source, instance))
            else:
                translate(instance, locale, catalogue, user=context.admin, sources=sources)
                context.translated += 1
        _add_translations(batch, locale, context)


def _bulk_kind(instance, present: set) -> type[models.Model] | None:
    """Page, or the snippet's model, when `instance`'s translation can be made in bulk; else None."""
    if isinstance(instance, Page):
        if (
            instance.depth > 2  # a home page's translation is a new locale root (wagtail-localize's rules)
            and instance.translation_key not in present
            and not (instance.go_live_at and instance.go_live_at > timezone.now())
        ):
            return Page
        return None
    return None if isinstance(instance, RevisionMixin) else type(instance)


@transaction.atomic
def _add_translations(batch: list[tuple[TranslationSource, Any]], locale: Locale, context: SeedContext) -> None:
    if not batch:
        return
    if isinstance(batch[0][1], Page):
        made = bulk_translations.translate_pages(
            [(source, instance.specific) for source, instance in batch], locale, context.admin
        )
    else:
        made = bulk_translations.translate_snippets(batch, locale)
    for model, group in groupby(sorted(made, key=lambda item: type(item).__name__), key=type):
        of_model = list(group)
        context.index(model, [item.pk for item in of_model])
        bulk_pages.update_references(of_model)
    context.translated += len(made)
