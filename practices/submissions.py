"""Turn a visitor's "Share a practice" submission into a draft practice awaiting expert review.

The submission is stored as typed (`PracticeSubmission.data`) and becomes a draft `PracticePage`
in the visitor's language, entered straight into the index's "Expert review" workflow: nothing a
visitor sends is lost, and nothing is public before experts and a moderator have approved it.
The confirmation to the submitter and the notice to editors are background tasks (django-tasks).
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Locale, Page

from cms.links import absolute_url, page_url
from cms.models import Country, Theme
from cms.notifications import deliver, deliver_to_staff, notify
from cms.roles import EDITORS
from cms.tasks import retrying_task
from practices.models import PracticeIndexPage, PracticePage, PracticeSubmission


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def _unique_slug(parent: Page, title: str) -> str:
    base = slugify(title, allow_unicode=True)[:60].strip("-") or "practice"
    slug, number = base, 1
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def create_draft(index: PracticeIndexPage, data: dict, language: str) -> PracticeSubmission:
    submitted = {key: value for key, value in data.items() if key not in ("consent", "homepage")}
    submission = PracticeSubmission.objects.create(
        language=language,
        submitter_name=data["name"],
        submitter_email=data["email"],
        data=submitted,
    )
    page = PracticePage(
        title=data["title"],
        slug=_unique_slug(index, data["title"]),
        summary=data["summary"],
        approach=_paragraphs(data.get("approach") or ""),
        results=_paragraphs(data.get("results") or ""),
        organisations=[("organisation", {"name": data["organisation"], "role": "lead", "website": ""})],
        scale=data["scale"],
        actor_type=data["actor_type"],
        start_year=data.get("start_year"),
        website=data.get("website") or "",
        contact_name=data["name"],
        contact_email=data["email"],
        live=False,
    )
    page.countries = list(Country.objects.filter(code__in=data["countries"]))
    page.themes = list(Theme.objects.filter(locale=index.locale, slug__in=data["themes"]))
    index.add_child(instance=page)
    page.save_revision(log_action=True)
    workflow = page.get_workflow()
    if workflow is not None:
        workflow.start(page, user=None)
    submission.page = page
    submission.save(update_fields=["page"])
    transaction.on_commit(lambda: send_submission_emails.enqueue(submission.pk))
    return submission


@retrying_task()
def send_submission_emails(submission_id: int) -> None:
    submission = PracticeSubmission.objects.select_related("page").get(pk=submission_id)
    page = submission.page
    admin_url = absolute_url(reverse("wagtailadmin_pages:edit", args=[page.pk])) if page else ""
    context = {"submission": submission, "title": submission.data.get("title", ""), "admin_url": admin_url}
    deliver("practices/email/submission_received", [submission.submitter_email], context, submission.language)
    deliver_to_staff("practices/email/submission_for_editors", EDITORS, context)


def tell_proposers_it_is_live(page) -> None:
    """On a practice's first publication: each person who proposed it is told, in the language they
    proposed it in, with the public address (in that language when the practice exists in it)."""
    if page.alias_of_id is not None or page.first_published_at != page.last_published_at:
        return  # a fallback in another language (Wagtail publishes those too), or published before
    for submission in PracticeSubmission.objects.filter(page__translation_key=page.translation_key).distinct():
        locale = Locale.objects.filter(language_code=submission.language).first()
        translated = page.get_translation_or_none(locale) if locale else None
        shown = translated if translated is not None and translated.live else page
        context = {"title": shown.title, "name": submission.submitter_name, "url": page_url(shown)}
        notify(
            "practices/email/practice_published", [submission.submitter_email], context, language=submission.language
        )
