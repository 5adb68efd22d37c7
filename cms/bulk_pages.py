"""Create many pages at once: what `parent.add_child(instance=page)` and `page.save_revision()` do for
one page, done for N new siblings in a handful of queries (bulk imports, `practices.importer`).

- Tree: treebeard's `MP_Node.add_child` gives a new child the path after its last sibling's
  (`_get_path(parent.path, depth, last position + 1)`), the parent's depth + 1, and adds one to
  the parent's `numchild`. Here the N paths follow the last sibling's in order, the rows are
  inserted in one statement per table (the `wagtailcore_page` row, then the specific table's,
  multi-table inheritance), and the parent's `numchild` grows by N in one update.
- Page fields: `_set_core_field_defaults` (draft title, locale) and `set_url_path`, as `save()`.
- Many-to-many (`ParentalManyToManyField`): the in-memory values, as through rows in bulk.
- Revisions: one per page, the page's `serializable_data()` as `save_revision()` stores it, with
  `latest_revision`, `latest_revision_created_at` and `has_unpublished_changes` set as it does.
- Publishing: a new page's one revision published, as `revision.publish()` (live, dates, logged).
- Log entries (`wagtail.create`, `wagtail.edit`, `wagtail.workflow.start`) as `log()` writes them.
- Workflows: a `WorkflowState` and the first task's `TaskState` per page, as `Workflow.start`.
- Search: every page indexed in one `add_bulk` per search backend (database or Elasticsearch alike).

No model signal is sent (bulk inserts send none): the caller does in bulk what the receivers that
matter would have done (see `practices.importer.BulkApplier`, `cms.bulk_translations`).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import models, router
from django.db.models import F
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from modelsearch.backends import get_search_backends_with_name
from modelsearch.index import Indexed, class_is_indexed
from wagtail.models import (
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
    Task,
    TaskState,
    Workflow,
    WorkflowState,
)

logger = logging.getLogger(__name__)

BATCH = 500  # rows per INSERT: well under PostgreSQL's 65,535 parameters for wide page tables


def add_children(parent: Page, pages: Sequence[Page]) -> None:
    """Insert `pages` (unsaved instances of one specific page class) as the last children of
    `parent`, in order. Validation is the caller's (slugs must be free under `parent`)."""
    if not pages:
        return
    model = type(pages[0])
    db = router.db_for_write(Page)
    last = Page.objects.using(db).filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path")
    last_path = last.values_list("path", flat=True).first()
    start = Page._str2int(last_path[-Page.steplen :]) if last_path else 0
    depth = parent.depth + 1
    for number, page in enumerate(pages, start=start + 1):
        page.depth = depth
        page.path = Page._get_path(parent.path, depth, number)
        page.numchild = 0
        page._set_core_field_defaults()
        page.set_url_path(parent)
        page._cached_parent_obj = parent
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    for chunk in _chunks(pages):
        # The wagtailcore_page rows first (their ids come back), then the specific table's rows.
        rows = [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in chunk]
        Page.objects.using(db).bulk_create(rows)
        for page, row in zip(chunk, rows, strict=True):
            page.pk = page.id = row.pk
            for link in model._meta.parents.values():
                setattr(page, link.attname, row.pk)
        if model is not Page:
            local = list(model._meta.local_concrete_fields)
            model._base_manager.using(db)._insert(chunk, fields=local, using=db)
        for page in chunk:
            page._state.adding = False
            page._state.db = db
    Page.objects.using(db).filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    _add_m2m(model, pages, db)


def _add_m2m(model: type[models.Model], pages: Sequence[Page], db: str) -> None:
    for field in model._meta.get_fields():
        if not isinstance(field, ParentalManyToManyField):
            continue
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [
            through(**{f"{source}_id": page.pk, f"{target}_id": item.pk})
            for page in pages
            for item in getattr(page, field.name).all()
        ]
        through._default_manager.using(db).bulk_create(rows, batch_size=BATCH * 4)


def add_child_objects(model: type[Page], pages: Sequence[Page]) -> None:
    """Insert the in-memory child objects (inline panels: `ParentalKey` relations) of pages just
    inserted by `add_children`, as saving each page would (modelcluster's `commit`)."""
    for relation in get_all_child_relations(model):
        objects = []
        for page in pages:
            for child in getattr(page, relation.get_accessor_name()).all():
                setattr(child, relation.field.attname, page.pk)
                objects.append(child)
        relation.related_model._default_manager.bulk_create(objects, batch_size=BATCH)


def free_slug(slug: str, taken: set[str]) -> str:
    """Wagtail's `find_available_slug` against the slugs `taken` under the parent (which gets this
    one): the slug itself, else the slug with "-1", "-2"... appended."""
    free, number = slug, 1
    while free in taken:
        free, number = f"{slug}-{number}", number + 1
    taken.add(free)
    return free


def save_revisions(pages: Sequence[Page], user=None) -> list[Revision]:
    """`page.save_revision(user=user, changed=True)` for each page (already validated)."""
    if not pages:
        return []
    now = timezone.now()
    base_type = ContentType.objects.get_for_model(Page)
    revisions = [
        Revision(
            content_type=ContentType.objects.get_for_model(page),
            base_content_type=base_type,
            object_id=str(page.pk),
            user=user,
            created_at=now,
            content=page.serializable_data(),
            object_str=str(page),
        )
        for page in pages
    ]
    Revision.objects.bulk_create(revisions, batch_size=BATCH)
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        page.latest_revision_created_at = revision.created_at
        page.draft_title = page.title
        page.has_unpublished_changes = True
    rows = [
        Page(pk=page.pk, latest_revision_id=page.latest_revision_id, draft_title=page.draft_title) for page in pages
    ]
    Page.objects.bulk_update(rows, ["latest_revision", "draft_title"], batch_size=BATCH)
    # The other two fields are the same for every page of the batch: one plain update.
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        latest_revision_created_at=now, has_unpublished_changes=True
    )
    return revisions


def publish(pages: Sequence[Page], revisions: Sequence[Revision], user=None) -> None:
    """`revision.publish(user=user)` of the one revision of each new page (`save_revisions`): the
    revision made the live one, the page live, first and last published now, `wagtail.publish`
    logged. `page_published` is not sent."""
    now = timezone.now()
    for page, revision in zip(pages, revisions, strict=True):
        page.live, page.has_unpublished_changes, page.expired = True, False, False
        page.first_published_at = page.last_published_at = now
        page.live_revision = revision
    live = [Page(pk=page.pk, live_revision_id=page.live_revision_id) for page in pages]
    Page.objects.bulk_update(live, ["live_revision"], batch_size=BATCH)
    Page.objects.filter(pk__in=[page.pk for page in pages]).update(
        live=True, has_unpublished_changes=False, expired=False, first_published_at=now, last_published_at=now
    )
    log_entries(pages, "wagtail.publish", user, revisions=revisions, content_changed=True)


def save_drafts(pages: Sequence[Page], rows: Sequence[Page]) -> None:
    """`page.save()` for existing pages of one specific class whose slug and place in the tree are
    unchanged (a draft's row following its new content), given each page's row as the database
    holds it: the fields that differ (one bulk update per set of changed fields), and the
    many-to-many rows (`ParentalManyToManyField`) replaced by the in-memory values."""
    if not pages:
        return
    model = type(pages[0])
    db = router.db_for_write(Page)
    kept = {"id", "page_ptr", "path", "depth", "numchild", "url_path", "slug", "content_type", "translation_key"}
    fields = [field for field in model._meta.concrete_fields if field.name not in kept]
    groups: dict[tuple[str, ...], list[Page]] = {}
    for page, row in zip(pages, rows, strict=True):
        changed = tuple(
            field.name
            for field in fields
            if field.get_prep_value(getattr(page, field.attname)) != field.get_prep_value(getattr(row, field.attname))
        )
        if changed:
            groups.setdefault(changed, []).append(page)
    for changed, group in groups.items():
        model.objects.using(db).bulk_update(group, list(changed), batch_size=BATCH)
    for field in model._meta.get_fields():
        if isinstance(field, ParentalManyToManyField):
            through = field.remote_field.through
            source = field.m2m_field_name()
            through._default_manager.using(db).filter(**{f"{source}_id__in": [page.pk for page in pages]}).delete()
    _add_m2m(model, pages, db)


def cancel_workflows(states: Sequence[WorkflowState], pages: Sequence[Page], user=None) -> None:
    """`state.cancel(user)` for workflow states in progress, one per page (the specific instances,
    already loaded): the states and their tasks in progress cancelled, logged."""
    if not states:
        return
    now = timezone.now()
    for state in states:
        state.status = WorkflowState.STATUS_CANCELLED
    WorkflowState.objects.bulk_update(states, ["status"], batch_size=BATCH)
    by_page = {page.pk: state for state, page in zip(states, pages, strict=True)}
    log_entries(
        pages,
        "wagtail.workflow.cancel",
        user,
        revisions=[state.current_task_state.revision for state in states],
        data=lambda page: _cancel_data(by_page[page.pk]),
    )
    TaskState.objects.filter(
        workflow_state__in=[state.pk for state in states], status=TaskState.STATUS_IN_PROGRESS
    ).update(status=TaskState.STATUS_CANCELLED, finished_at=now, comment="", finished_by=user)


def _cancel_data(state: WorkflowState) -> dict:
    task_state = state.current_task_state
    return {
        "workflow": {
            "id": state.workflow_id,
            "title": state.workflow.name,
            "status": state.status,
            "task_state_id": task_state.id,
            "task": {"id": task_state.task.id, "title": task_state.task.name},
        }
    }


def log_entries(pages: Sequence[Page], action: str, user=None, *, revisions=None, data=None, **fields) -> None:
    """`log(instance=page, action=action, user=user, revision=...)` for each page."""
    now = timezone.now()
    entries = [
        PageLogEntry(
            content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
            label=page.get_admin_display_title(),
            action=action,
            timestamp=now,
            data=(data(page) if callable(data) else data) or {},
            user=user,
            page=page,
            revision=revisions[number] if revisions is not None else None,
            uuid=uuid.uuid4(),
            **fields,
        )
        for number, page in enumerate(pages)
    ]
    PageLogEntry.objects.bulk_create(entries, batch_size=BATCH)


def start_workflows(pages: Sequence[Page], workflow: Workflow, user=None) -> list[WorkflowState]:
    """`workflow.start(page, user)` for each page (new pages, no workflow in progress): a state, and
    the first active task's state on the page's latest revision, logged as Wagtail logs it.
    `workflow_submitted`/`task_submitted` are not sent (their receivers only send e-mails)."""
    if not pages:
        return []
    task = (
        Task.objects.filter(workflow_tasks__workflow=workflow, active=True)
        .order_by("workflow_tasks__sort_order")
        .first()
    )
    base_type = ContentType.objects.get_for_model(Page)
    states = [
        WorkflowState(
            content_type=ContentType.objects.get_for_model(page),
            base_content_type=base_type,
            object_id=str(page.pk),
            workflow=workflow,
            status=WorkflowState.STATUS_IN_PROGRESS,
            requested_by=user,
        )
        for page in pages
    ]
    WorkflowState.objects.bulk_create(states, batch_size=BATCH)
    task_states = []
    if task is not None:
        task_state_class = task.specific.get_task_state_class()
        task_states = [
            task_state_class(
                workflow_state=state,
                status=TaskState.STATUS_IN_PROGRESS,
                revision_id=page.latest_revision_id,
                task=task,
            )
            for state, page in zip(states, pages, strict=True)
        ]
        if task_state_class is not TaskState:
            raise NotImplementedError(f"Bulk start of {task_state_class.__name__} (multi-table) is not supported.")
        TaskState.objects.bulk_create(task_states, batch_size=BATCH)
        for state, task_state in zip(states, task_states, strict=True):
            state.current_task_state = task_state
        WorkflowState.objects.bulk_update(states, ["current_task_state"], batch_size=BATCH)
    next_task = {"id": task.id, "title": task.name} if task is not None else None
    by_page = {page.pk: task_state for page, task_state in zip(pages, task_states, strict=False)}
    log_entries(
        pages,
        "wagtail.workflow.start",
        user,
        revisions=[page.latest_revision for page in pages],
        data=lambda page: {
            "workflow": {
                "id": workflow.id,
                "title": workflow.name,
                "status": WorkflowState.STATUS_IN_PROGRESS,
                "next": next_task,
                "task_state_id": by_page[page.pk].id if page.pk in by_page else None,
            }
        },
    )
    return states


def update_references(pages: Sequence[Page]) -> None:
    """What Wagtail's `post_save` receiver does for each saved page: its entries in the reference
    index (the admin's "usage" of themes, countries, keywords, images), from the in-memory pages."""
    if not ReferenceIndex.is_indexed(type(pages[0]) if pages else Page):
        return
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)


def index(model: type[Indexed], ids: Sequence[int]) -> None:
    """Index the objects (re-read through the model's indexed queryset) in every search backend
    that updates automatically: one `add_bulk` per backend and batch instead of one `add` per save."""
    if not ids or not class_is_indexed(model):
        return
    backends = list(get_search_backends_with_name(with_auto_update=True))
    for start in range(0, len(ids), BATCH):
        objects = list(model.get_indexed_objects().filter(pk__in=ids[start : start + BATCH]).order_by("pk"))
        for name, backend in backends:
            try:
                backend.add_bulk(model, objects)
            except Exception:
                logger.exception("Bulk indexing of %s failed in the %r search backend", model.__name__, name)
                if not backend.catch_indexing_errors:
                    raise


def _chunks(items: Sequence, size: int = BATCH):
    for start in range(0, len(items), size):
        yield items[start : start + size]
