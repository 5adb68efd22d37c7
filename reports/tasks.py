"""Background work of reports: making the PDF of a page just published."""

from __future__ import annotations

from cms.tasks import retrying_task


@retrying_task(attempts=3)
def generate_pdf(page_id: int) -> None:
    from wagtail.models import Page

    from reports import pdf

    page = Page.objects.filter(pk=page_id, live=True).specific().first()
    if page is None or not hasattr(page, "pdf_template"):
        return  # unpublished or deleted since: nothing to make
    pdf.generate(page)
