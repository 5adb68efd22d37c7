"""Per-field translation decisions for wagtail-localize, declared on every model.

`translated(...)` fields are offered to translators segment by segment (prose, titles, captions,
alt text, the choice of document per language). `synchronised(...)` fields are copied from the
source on every sync (dates, numbers, identifiers, links to people, taxonomies and pages); with
`overridable=True` a translator may replace the value for one language (an image with text in it).
tests/cms/test_translation_decisions.py fails when a model field has no decision.
"""

from wagtail_localize.fields import SynchronizedField, TranslatableField


def translated(*names: str) -> list[TranslatableField]:
    return [TranslatableField(name) for name in names]


def synchronised(*names: str, overridable: bool = False) -> list[SynchronizedField]:
    return [SynchronizedField(name, overridable=overridable) for name in names]
