"""Where every page stands in every language: missing, in progress, up to date or outdated.

Reads the whole picture in a fixed number of queries (pages, wagtail-localize sources and
translations, segment counts), whatever the number of pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Exists, Max, OuterRef
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from cms import translation_requests

MISSING, IN_PROGRESS, UP_TO_DATE, OUTDATED = "missing", "in_progress", "up_to_date", "outdated"
STATE_LABELS = {
    MISSING: _("Missing"),
    IN_PROGRESS: _("In progress"),
    UP_TO_DATE: _("Up to date"),
    OUTDATED: _("Outdated"),
}
WAITING_STATES = {MISSING, IN_PROGRESS, OUTDATED}


@dataclass
class LocaleStatus:
    state: str
    percent: int = 0
    page: Page | None = None
    requests: int = 0  # readers who asked for this page in this language (cms.translation_requests)

    @property
    def label(self) -> str:
        if self.state == IN_PROGRESS:
            label = f"{STATE_LABELS[IN_PROGRESS]} ({self.percent}%)"
        else:
            label = str(STATE_LABELS[self.state])
        if self.requests and self.state != UP_TO_DATE:
            label += " · " + gettext("Readers' requests: %(count)s") % {"count": self.requests}
        return label


@dataclass
class PageStatus:
    page: Page
    section: str
    locales: dict[str, LocaleStatus] = field(default_factory=dict)

    def __getattr__(self, name: str):
        # "status_fr" and friends, for the CSV export.
        if name.startswith("status_") and name[7:] in self.locales:
            return self.locales[name[7:]].label
        raise AttributeError(name)

    @property
    def title(self) -> str:
        return self.page.title

    @property
    def url_path(self) -> str:
        return self.page.url_path

    def demand(self, codes: list[str]) -> int:
        """Readers' requests for the languages in `codes` where this page still waits."""
        waiting = (status for code, status in self.locales.items() if code in codes and status.state != UP_TO_DATE)
        return sum(status.requests for status in waiting)


def target_language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def page_statuses(section_path: str | None = None) -> list[PageStatus]:
    """One row per page of the source language, with the state of each translation."""
    source_locale = Locale.get_default()
    locales = {locale.pk: locale.language_code for locale in Locale.objects.all()}
    sources_qs = Page.objects.filter(locale=source_locale, depth__gte=2).order_by("path")
    if section_path:
        sources_qs = sources_qs.filter(path__startswith=section_path)
    sources = list(
        sources_qs.only("id", "title", "path", "depth", "url_path", "translation_key", "latest_revision_created_at")
    )
    keys = [page.translation_key for page in sources]
    sections = {
        page.path: page.title for page in Page.objects.filter(locale=source_locale, depth=3).only("id", "title", "path")
    }

    translated_pages = {
        (page.translation_key, locales[page.locale_id]): page
        for page in Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)  # a fallback is missing
        .exclude(locale=source_locale)
        .only("id", "title", "translation_key", "locale_id", "live", "latest_revision_created_at")
    }
    synced_at = dict(
        TranslationSource.objects.filter(object_id__in=keys, locale=source_locale).values_list(
            "object_id", "last_updated_at"
        )
    )
    totals = dict(
        StringSegment.objects.filter(source__object_id__in=keys, source__locale=source_locale)
        .values("source__object_id")
        .annotate(count=Count("id"))
        .values_list("source__object_id", "count")
    )
    done = {
        (row["context__object_id"], locales[row["locale_id"]]): row["count"]
        for row in StringTranslation.objects.filter(context__object_id__in=keys, has_error=False)
        .values("context__object_id", "locale_id")
        .annotate(count=Count("id"))
    }

    requests = translation_requests.demand(keys)
    rows = []
    for page in sources:
        row = PageStatus(page=page, section=sections.get(page.path[:12], page.title if page.depth <= 3 else ""))
        total = totals.get(page.translation_key, 0)
        for code in target_language_codes():
            translation = translated_pages.get((page.translation_key, code))
            if translation is None:
                row.locales[code] = LocaleStatus(MISSING, requests=requests.get((page.translation_key, code), 0))
                continue
            translated = min(done.get((page.translation_key, code), 0), total)
            percent = 100 if total == 0 else int(translated * 100 / total)
            source_changed = (
                page.latest_revision_created_at is not None
                and page.translation_key in synced_at
                and page.latest_revision_created_at > synced_at[page.translation_key]
            )
            asked = requests.get((page.translation_key, code), 0)
            if percent < 100:
                row.locales[code] = LocaleStatus(IN_PROGRESS, percent, translation, asked)
            elif source_changed:
                row.locales[code] = LocaleStatus(OUTDATED, 100, translation, asked)
            else:
                row.locales[code] = LocaleStatus(UP_TO_DATE, 100, translation)
        rows.append(row)
    return rows


def by_demand(rows: list[PageStatus], codes: list[str]) -> list[PageStatus]:
    """Most requested first (readers' requests in these languages), the tree order otherwise."""
    return sorted(rows, key=lambda row: -row.demand(codes))


def most_requested(language_codes: list[str], limit: int = 10) -> list[tuple[PageStatus, str, int]]:
    """(page, language, requests) still waiting in these languages that readers asked for, most first."""
    items = [
        (row, code, row.locales[code].requests)
        for row in page_statuses()
        for code in language_codes
        if row.locales[code].requests and row.locales[code].state in WAITING_STATES
    ]
    return sorted(items, key=lambda item: -item[2])[:limit]


def waiting_counts(language_codes: list[str]) -> dict[str, int]:
    """How many pages wait (missing, in progress, outdated) in each of these languages, in one pass."""
    rows = page_statuses()
    return {code: sum(1 for row in rows if row.locales[code].state in WAITING_STATES) for code in language_codes}


def ready_for_review(language_codes: list[str]) -> list[Page]:
    """Translated pages in these languages whose every segment is done and whose translators' work
    is not yet published or in review: what a translator can submit for review."""
    rows = page_statuses()
    candidates = {
        row.locales[code].page.pk: row.locales[code].page
        for row in rows
        for code in language_codes
        if row.locales[code].state in (UP_TO_DATE, OUTDATED) and row.locales[code].page is not None
    }
    if not candidates:
        return []
    from wagtail.models import WorkflowState

    pages = Page.objects.filter(pk__in=candidates).select_related("locale")
    in_review = set(
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type__model="page",
            object_id__in=[str(pk) for pk in candidates],
        ).values_list("object_id", flat=True)
    )
    last_translated = {
        (row["context__object_id"], row["locale_id"]): row["latest"]
        for row in StringTranslation.objects.filter(
            context__object_id__in=[page.translation_key for page in pages], locale__language_code__in=language_codes
        )
        .values("context__object_id", "locale_id")
        .annotate(latest=Max("updated_at"))
    }
    ready = []
    for page in pages:
        if str(page.pk) in in_review:
            continue
        translated_at = last_translated.get((page.translation_key, page.locale_id))
        if not page.live or (translated_at and page.last_published_at and translated_at > page.last_published_at):
            ready.append(page)
    return sorted(ready, key=lambda page: page.title)


def segments_left(translation, limit: int = 10) -> list[str]:
    """The source texts of the segments `translation` still lacks (the first `limit`), in the order
    the editor shows them: what a translator has left to do."""
    done = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
        has_error=False,
    )
    left = (
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(Exists(done))
        .select_related("string")
        .order_by("order")[:limit]
    )
    return [segment.string.data for segment in left]
