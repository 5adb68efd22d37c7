"""The app's receivers: Wagtail's publishing signal, the one place every way of publishing passes
(the workflow's last approval, the edit view, scheduled publishing, the import), and keywords
renamed or translated."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from practices import submissions
from practices.models import Keyword, PracticePage


@receiver(page_published, sender=PracticePage)
def tell_proposers(sender, instance, **kwargs):
    submissions.tell_proposers_it_is_live(instance)


@receiver(post_save, sender=Keyword, dispatch_uid="practices.keyword_reindex")
def reindex_practices_of_keyword(sender, instance: Keyword, raw: bool = False, **kwargs) -> None:
    """A keyword named or translated: the practices of its language are found by the new name."""
    from modelsearch.backends import get_search_backends
    from wagtail.search import index

    if raw or not any(True for _backend in get_search_backends(with_auto_update=True)):
        return  # no search backend updates on save (seeding: reindexed once at the end)
    pages = PracticePage.objects.filter(locale_id=instance.locale_id, keywords__slug=instance.slug).distinct()
    for page in pages.select_related("locale", "alias_of__locale"):
        index.insert_or_update_object(page)
