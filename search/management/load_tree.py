"""Append many pages to Wagtail's tree at once, for `generate_load_content`.

`Page.add_child` costs a dozen queries and a search index write per page; at 100,000 pages that
is most of an hour. Here the treebeard materialised paths are computed in Python (a child's path
is its parent's plus a 4-character base-36 step, `Page.steplen`), the `wagtailcore_page` rows
and the page type's own rows are inserted in batches, the parent's `numchild` is bumped once, and
the new pages are indexed through the search backend's bulk `add_bulk` (`bulk_indexing`). No revisions are made:
load pages are live and searchable, which is all a benchmark needs.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

BATCH = 1000


def next_step(parent: Page) -> int:
    """The step number after the parent's last child (1 for a parent without children)."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


def append_children(parent: Page, pages: Iterable[Page]) -> list[Page]:
    """Insert unsaved specific pages (all of one type) as the parent's last children, live, in the
    parent's locale; returns them saved. The caller indexes them (see `index`)."""
    pages = list(pages)
    if not pages:
        return []
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    step = next_step(parent)
    for offset, page in enumerate(pages):
        page.path = Page._get_path(parent.path, parent.depth + 1, step + offset)
        page.depth = parent.depth + 1
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = now
        page.translation_key = uuid.uuid4()
    page_fields = [field.attname for field in Page._meta.concrete_fields if not field.primary_key]
    own_fields = model._meta.local_concrete_fields
    with transaction.atomic():
        for start in range(0, len(pages), BATCH):
            batch = pages[start : start + BATCH]
            rows = Page.objects.bulk_create([Page(**{name: getattr(p, name) for name in page_fields}) for p in batch])
            for page, row in zip(batch, rows, strict=True):
                page.pk = page.page_ptr_id = row.pk
            # bulk_create refuses multi-table models: the page type's own table is filled directly.
            model._base_manager._insert(batch, fields=own_fields, using=Page.objects.db)
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


@contextmanager
def bulk_indexing() -> Iterator[Callable[[list[Page]], None]]:
    """Yield `index(pages)`, which indexes pages of one type in bulk in every auto-updated backend
    (what `update_index` does); the database backends' title norms are refreshed once, at the end."""
    backends = list(get_search_backends(with_auto_update=True))
    models = set()

    def index(pages: list[Page]) -> None:
        if not pages:
            return
        models.add(type(pages[0]))
        for backend in backends:
            for start in range(0, len(pages), BATCH):
                backend.add_bulk(type(pages[0]), pages[start : start + BATCH])

    for backend in backends:
        backend.defer_title_norms = True
    try:
        yield index
    finally:
        for backend in backends:
            backend.defer_title_norms = False
            for model in models:
                search_index = backend.get_index_for_model(model)
                if hasattr(search_index, "_refresh_title_norms"):
                    search_index._refresh_title_norms()
