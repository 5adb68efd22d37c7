"""Every block an editor picks from a block chooser has an icon, a description and a preview that
renders in the admin (Wagtail's block previews), and single-type streams' blocks say what they are."""

import pytest
from django.apps import apps
from wagtail import blocks
from wagtail.fields import StreamField

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"cms", "home", "practices", "reports", "events", "news", "community", "search"}


def stream_blocks() -> list[tuple[str, blocks.StreamBlock]]:
    """Every StreamBlock of the project's models, nested ones (a chapter section's content) included."""
    found, seen = [], set()

    def walk(name: str, block: blocks.Block) -> None:
        if id(block) in seen:
            return
        seen.add(id(block))
        if isinstance(block, blocks.StreamBlock):
            found.append((name, block))
        for child_name, child in getattr(block, "child_blocks", {}).items():
            walk(f"{name}.{child_name}", child)
        if isinstance(block, blocks.ListBlock):
            walk(f"{name}[]", block.child_block)

    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                walk(f"{model.__name__}.{field.name}", field.stream_block)
    return found


def chooser_blocks() -> list[tuple[str, blocks.Block]]:
    """The blocks offered in a chooser: children of streams with more than one block type."""
    return [
        (f"{name}.{child_name}", child)
        for name, stream in stream_blocks()
        if len(stream.child_blocks) > 1
        for child_name, child in stream.child_blocks.items()
    ]


def test_the_project_has_block_choosers():
    names = {name for name, _block in chooser_blocks()}
    assert {"StandardPage.body.paragraph", "ChapterPage.body.section.content.figure"} <= names


@pytest.mark.parametrize(("name", "block"), chooser_blocks(), ids=[name for name, _ in chooser_blocks()])
def test_every_block_in_a_chooser_has_an_icon_a_description_and_a_preview(admin_client, name, block):
    assert block.meta.icon and block.meta.icon != "placeholder", name
    assert str(block.get_description()).strip(), name
    assert block.is_previewable, name
    assert block.get_preview_value() not in (None, "", {}), name
    response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200, name
    html = response.content.decode()
    assert "cms/css/main.css" in html  # in the site's own styles
    assert f"block-{block.name}" in html


def test_single_type_streams_describe_their_block():
    single = [
        (f"{name}.{child_name}", child)
        for name, stream in stream_blocks()
        if len(stream.child_blocks) == 1
        for child_name, child in stream.child_blocks.items()
        if isinstance(child, blocks.StructBlock) and type(child) is not blocks.StructBlock
    ]
    assert single
    assert [name for name, block in single if not str(block.get_description()).strip()] == []
