"""Keep the index right for pages Wagtail copies into another language.

A translation or alias page is indexed when it is first saved, before Wagtail has copied its
many-to-many relations (a practice's countries and themes), so the names of its places and themes
would be missing from its index entry until its next save. Once the copy is complete, the page is
indexed again.
"""

from __future__ import annotations

from wagtail.search import index
from wagtail.signals import copy_for_translation_done


def reindex_copy(sender, source_obj, target_obj, **kwargs) -> None:
    if isinstance(target_obj, index.Indexed):
        index.insert_or_update_object(target_obj.specific if hasattr(target_obj, "specific") else target_obj)


copy_for_translation_done.connect(reindex_copy, dispatch_uid="search.indexing.reindex_copy")
