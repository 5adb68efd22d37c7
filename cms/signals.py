"""Keep per-locale permissions, workflows, fallback aliases and caches in step with the page tree.

Translations are created by wagtail-localize (copy_for_translation), not through the admin's
create view, so admin hooks would miss them: a post_save receiver sees every new page.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail_localize.models import Translation

from cms import cache_purge, fallbacks, roles, translators


@receiver(post_save)
def apply_locale_rules_to_new_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page):
        roles.page_created(instance)


@receiver(post_save, sender=Translation)
def tell_translators_of_new_work(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        translators.translation_created(instance.pk)


@receiver(page_published)
def add_fallbacks_of_published_page(sender, instance, alias=False, **kwargs):
    if instance.alias_of_id is not None:
        # Wagtail refreshing an alias after its original (alias=True): nothing to do. Otherwise a
        # moderator published the translation under review on a fallback: it replaces the fallback.
        if not alias:
            fallbacks.published_translation(instance)
        return
    if not fallbacks.is_paused():
        fallbacks.sync_item(instance.translation_key)


@receiver(page_unpublished)
def move_or_remove_fallbacks_of_unpublished_page(sender, instance, **kwargs):
    # Also sent (unsaved) just before a live page is deleted: the page no longer counts as public.
    if instance.alias_of_id is None and not fallbacks.is_paused():
        fallbacks.sync_item(instance.translation_key, going_offline=instance.pk)


@receiver(pre_delete)
def remove_fallbacks_of_deleted_page(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.alias_of_id is None and not fallbacks.is_paused():
        key = instance.translation_key
        fallbacks.remove_aliases_of(instance)
        # Another language's page of the item, if public, becomes the original of new aliases.
        transaction.on_commit(lambda: fallbacks.sync_item(key))


# --- The page cache and the CDN (cms.cache_purge) ------------------------------------------------


@receiver(page_published)
@receiver(page_unpublished)
def purge_published_or_unpublished_page(sender, instance, **kwargs):
    # Also the aliases Wagtail refreshes after their original, and translations when published.
    cache_purge.page_changed(instance)


@receiver(post_page_move)
def purge_moved_page(sender, instance, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after:
        cache_purge.page_changed(instance, old_urls=cache_purge.moved_urls(instance, url_path_before, url_path_after))


@receiver(pre_delete)
def purge_deleted_page(sender, instance, **kwargs):
    # Before the deletion, while the page and its translations still have URLs.
    if isinstance(instance, Page) and instance.live:
        cache_purge.page_changed(instance)


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def purge_changed_content(sender, instance=None, **kwargs):
    """A draft saved, a snippet, setting, review or comment changed: pages may show it."""
    if sender is None or kwargs.get("action", "post_").startswith("pre_"):
        return
    meta = getattr(sender, "_meta", None) or getattr(instance, "_meta", None)
    if meta is None or meta.app_label not in settings.PAGE_CACHE_CONTENT_APPS:
        return
    if meta.label_lower not in settings.PAGE_CACHE_IGNORED_MODELS:
        cache_purge.content_changed()


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def purge_changed_account(sender, instance, update_fields=None, **kwargs):
    """Accounts are not content (every login saves one), but a deactivated account's profile
    leaves the directory, search and its suggestions: a save that may change `is_active` counts."""
    if update_fields is None or "is_active" in update_fields:
        cache_purge.content_changed()
