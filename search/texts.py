"""The searchable text of result pages, read in one query whatever their types, for snippets.

The search index holds analysed text (casefolded, segmented: see `search.analysis`), not what a
reader should see, so snippets are cut from the pages' own fields: the `SearchField`s each page type
declares. One query joins the tables of the page types present and loads only those columns.

StreamField text is read from the stored JSON block by block, without `to_python`: turning blocks
into values would look up every chosen page, image and document (queries per result), and the text
a reader searches for is in the text blocks anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from cms import page_cache
from search.highlight import SCAN_LIMIT
from search.types import model_of

# Page fields every result carries already: the title is shown on its own, the description leads.
_PAGE_TEXT_FIELDS = ("search_description",)
_TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def stream_text(block: blocks.Block, raw) -> Iterator[str]:
    """Text of a raw (JSON) block value: its char, text and rich text blocks, in reading order.
    Choosers (pages, images, documents, snippets) and choices are metadata, not prose: skipped."""
    if raw is None or not getattr(block, "search_index", True):
        return
    if isinstance(block, blocks.BaseStreamBlock):
        for item in raw:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                yield from stream_text(block.child_blocks[item["type"]], item.get("value"))
    elif isinstance(block, blocks.ListBlock):
        for item in raw:
            # Since Wagtail 2.16 list items are stored as {"type": "item", "value": …, "id": …}.
            is_wrapped = isinstance(item, dict) and item.get("type") == "item" and "value" in item
            yield from stream_text(block.child_block, item["value"] if is_wrapped else item)
    elif isinstance(block, blocks.BaseStructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                yield from stream_text(child, raw.get(name))
    elif isinstance(block, _TEXT_BLOCKS) and isinstance(raw, str) and raw:
        yield get_text_for_indexing(raw) if isinstance(block, blocks.RichTextBlock) else raw


def field_text(field: models.Field, value) -> list[str]:
    """Readable text of one model field value, without database access."""
    if value is None or value == "":
        return []
    if isinstance(field, StreamField):
        return list(stream_text(field.stream_block, value.raw_data))
    if isinstance(field, RichTextField):
        return [get_text_for_indexing(value)]
    if isinstance(value, str):
        return [value]
    return []


def _own_search_fields(model) -> list[models.Field]:
    """The model's searchable fields stored in its own table (not inherited from `Page`)."""
    fields = []
    for search_field in model.get_search_fields():
        if not isinstance(search_field, index.SearchField):
            continue
        try:
            field = model._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:  # a SearchField may name a method or property: no column to read
            continue
        if getattr(field, "concrete", False) and field.model is model and field not in fields:
            fields.append(field)
    return fields


def _accessor(model) -> str:
    """The reverse one-to-one name from `Page` to a page type (`reportpage`)."""
    return model._meta.get_field("page_ptr").remote_field.get_accessor_name()


def page_texts(pages: Iterable[Page]) -> dict[int, str]:
    """Searchable text of each page (by id): description, then its type's search fields. One query."""
    pages = list(pages)
    if not pages:
        return {}
    content_type_of = {page.pk: page.content_type_id for page in pages}
    models_by_type = {content_type_id: model_of(content_type_id) for content_type_id in set(content_type_of.values())}
    specific_models = {model for model in models_by_type.values() if model is not Page}
    # Deeper inheritance (a page type subclassing another) is not used here; such types keep their
    # description, as do types without searchable fields of their own (index pages): nothing to join.
    own_fields = {model: _own_search_fields(model) for model in specific_models if Page in model._meta.parents}
    direct = {model for model, fields in own_fields.items() if fields}
    columns = ["id", *_PAGE_TEXT_FIELDS]
    for model in direct:
        columns += [f"{_accessor(model)}__{field.name}" for field in own_fields[model]]
    rows = (
        Page.objects.filter(pk__in=[page.pk for page in pages])
        .select_related(*[_accessor(model) for model in direct])
        .only(*columns)
    )
    texts = {}
    for row in rows:
        parts = [row.search_description]
        model = models_by_type[content_type_of[row.pk]]
        if model in direct:
            specific = getattr(row, _accessor(model))
            for field in own_fields[model]:
                parts += field_text(field, getattr(specific, field.attname))
        # The description often repeats the summary word for word: say it once.
        unique = dict.fromkeys(part.strip() for part in parts if part and part.strip())
        texts[row.pk] = "\n".join(unique)
    return texts


def shown_texts(pages: Iterable[Page]) -> dict[int, str]:
    """`page_texts`, each page's kept in the cache until any content changes
    (`cms.page_cache.remember_each`: a search reads the texts it shows in one round trip, and only
    the pages read for the first time since a change from the database). A text is kept up to
    what a snippet reads of it (`search.highlight.SCAN_LIMIT`, one character more so that it
    still knows the text goes on)."""
    by_pk = {page.pk: page for page in pages}

    def read(missing: list[int]) -> dict[int, str]:
        return {pk: text[: SCAN_LIMIT + 1] for pk, text in page_texts(by_pk[pk] for pk in missing).items()}

    return page_cache.remember_each({pk: f"search:text:{pk}" for pk in by_pk}, read)
