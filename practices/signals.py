"""Wagtail's publishing signal, the one place every way of publishing passes (the workflow's last
approval, the edit view, scheduled publishing, the import)."""

from django.dispatch import receiver
from wagtail.signals import page_published

from practices import submissions
from practices.models import PracticePage


@receiver(page_published, sender=PracticePage)
def tell_proposers(sender, instance, **kwargs):
    submissions.tell_proposers_it_is_live(instance)
