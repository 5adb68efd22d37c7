"""Wagtail's publishing signal, the one place every way of publishing passes: each published
report or chapter gets its PDF made in the background, in its language."""

from django.conf import settings
from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from cms import fallbacks
from reports.models import ChapterPage, ReportPage


@receiver(page_published, sender=ChapterPage)
@receiver(page_published, sender=ReportPage)
def make_pdf_of_published_page(sender, instance, **kwargs):
    # Aliases (fallbacks) show their original's content; bulk seeding leaves PDFs to the first download.
    if instance.alias_of_id is not None or fallbacks.is_paused() or not settings.REPORTS_PDF_ON_PUBLISH:
        return
    from reports.tasks import generate_pdf

    page_ids = [instance.pk]
    if isinstance(instance, ChapterPage):
        page_ids.append(instance.get_parent().pk)  # the report's PDF lists its chapters
    for page_id in page_ids:
        transaction.on_commit(lambda page_id=page_id: generate_pdf.enqueue(page_id))
