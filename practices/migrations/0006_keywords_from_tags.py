"""Practice tags (django-taggit) become translatable keywords, without loss.

Each distinct tag becomes a keyword with the tag's name and slug, in the default language when a
practice of that language uses it (translations and fallbacks carry their original's tags), else
in the language of the first practice that used it (a tag typed on an Arabic submission); every
practice keeps its keywords, and so do its stored revisions and wagtail-localize's copies of its
source, so restoring an old revision or syncing a translation keeps them too.
"""

import json
from collections import defaultdict

from django.conf import settings
from django.db import migrations
from django.utils.text import slugify

BATCH = 500


def _with_keywords(content: dict, keyword_of_tag: dict[int, int]) -> dict | None:
    """A serialised practice with its tags as keywords; None when it had no tags to convert."""
    items = content.pop("tagged_items", None)
    if items is None:
        return None
    keywords = [keyword_of_tag[item["tag"]] for item in items if item.get("tag") in keyword_of_tag]
    content["keywords"] = sorted(set(content.get("keywords") or []) | set(keywords))
    return content


def tags_to_keywords(apps, schema_editor):
    Keyword = apps.get_model("practices", "Keyword")
    Locale = apps.get_model("wagtailcore", "Locale")
    PracticePage = apps.get_model("practices", "PracticePage")
    PracticeTag = apps.get_model("practices", "PracticeTag")
    links = list(
        PracticeTag.objects.order_by("content_object_id", "pk").values_list(
            "content_object_id", "content_object__locale_id", "tag_id", "tag__name", "tag__slug"
        )
    )
    if not links:
        return
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).values_list("pk", flat=True).first()
    tags: dict[int, tuple[str, str]] = {}
    locales: dict[int, list[int]] = defaultdict(list)  # tag → languages of its practices, in page order
    for _page_id, locale_id, tag_id, name, slug in links:
        tags[tag_id] = (name, slug)
        locales[tag_id].append(locale_id)
    keyword_of_tag: dict[int, int] = {}
    for tag_id, (name, slug) in tags.items():
        name = " ".join(name.split())[:100]
        slug = (slug or slugify(name, allow_unicode=True))[:100]
        # The default language when a practice of it uses the tag (its translations and fallbacks
        # carry the same tags), else the language of the first practice that used it.
        locale_id = default if default in locales[tag_id] else locales[tag_id][0]
        keyword, _created = Keyword.objects.get_or_create(locale_id=locale_id, slug=slug, defaults={"name": name})
        keyword_of_tag[tag_id] = keyword.pk

    through = PracticePage.keywords.through
    through.objects.bulk_create(
        [through(practicepage_id=page_id, keyword_id=keyword_of_tag[tag_id]) for page_id, _l, tag_id, _n, _s in links],
        ignore_conflicts=True,
    )

    # Stored copies of the practices: revisions and wagtail-localize's translation sources.
    ContentType = apps.get_model("contenttypes", "ContentType")
    practice_type = ContentType.objects.filter(app_label="practices", model="practicepage").first()
    if practice_type is None:
        return
    Revision = apps.get_model("wagtailcore", "Revision")
    changed = []
    for revision in Revision.objects.filter(content_type=practice_type).only("pk", "content").iterator(BATCH):
        content = _with_keywords(revision.content, keyword_of_tag)
        if content is not None:
            revision.content = content
            changed.append(revision)
    Revision.objects.bulk_update(changed, ["content"], batch_size=BATCH)
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    sources = []
    for source in TranslationSource.objects.filter(specific_content_type=practice_type).only("pk", "content_json"):
        content = _with_keywords(json.loads(source.content_json), keyword_of_tag)
        if content is not None:
            source.content_json = json.dumps(content)
            sources.append(source)
    TranslationSource.objects.bulk_update(sources, ["content_json"], batch_size=BATCH)


def keywords_to_tags(apps, schema_editor):
    """Back to tags: each practice's keywords, by their names, as tags."""
    PracticePage = apps.get_model("practices", "PracticePage")
    PracticeTag = apps.get_model("practices", "PracticeTag")
    Tag = apps.get_model("taggit", "Tag")
    links = PracticePage.keywords.through.objects.values_list("practicepage_id", "keyword__name", "keyword__slug")
    tag_ids: dict[str, int] = {}
    rows = defaultdict(set)
    for page_id, name, slug in links:
        if name not in tag_ids:
            tag, _created = Tag.objects.get_or_create(name=name, defaults={"slug": slug})
            tag_ids[name] = tag.pk
        rows[page_id].add(tag_ids[name])
    PracticeTag.objects.bulk_create(
        [PracticeTag(content_object_id=page_id, tag_id=tag_id) for page_id, ids in rows.items() for tag_id in ids]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0005_keyword_snippets"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(tags_to_keywords, keywords_to_tags)]
