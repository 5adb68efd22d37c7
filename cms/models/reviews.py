"""Expert review: the workflow task experts act in, and the record each of their decisions leaves.

The "Expert review" workflow's first task is an `ExpertReviewTask`. Every decision taken in it
(approve or request changes) stores an `ExpertReview`: who, when, from which world region, a rating
against each published criterion, a short assessment, and whether the reviewer agrees to be named
publicly. Reviews are kept per `translation_key`, so every language of a page shows the same review.

Content with a place in the world (a practice's countries give its UN M49 regions) completes the
task only once a reviewer from *another* region has approved, so that nothing is judged only by its
neighbours; an approval from the same region is recorded and the task waits for the next reviewer.
"""

from __future__ import annotations

import logging

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from cms import geography
from cms.models.users import REGION_CHOICES

logger = logging.getLogger(__name__)

CRITERIA = [
    ("evidence", _("Evidence of results")),
    ("relevance", _("Relevance to social progress")),
    ("adaptability", _("Adaptability elsewhere")),
    ("participation", _("Participation of those affected")),
]
CRITERIA_HELP = {
    "evidence": _("Results are documented by evaluations, data or independent reports."),
    "relevance": _("It makes societies fairer, freer or more sustainable for those it reaches."),
    "adaptability": _("Others could adapt it to a different place or scale."),
    "participation": _("The people it concerns take part in designing, running or assessing it."),
}


class Rating(models.TextChoices):
    MEETS = "meets", _("Meets the criterion")
    PARTLY = "partly", _("Partly meets the criterion")
    DOES_NOT = "does-not", _("Does not meet the criterion")


class ExpertReviewQuerySet(QuerySet):
    def approved(self) -> ExpertReviewQuerySet:
        return self.filter(decision=ExpertReview.Decision.APPROVED)


class ExpertReview(models.Model):
    class Decision(models.TextChoices):
        APPROVED = "approved", _("Approved")
        CHANGES_REQUESTED = "changes-requested", _("Changes requested")

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="expert_reviews")
    translation_key = models.UUIDField(db_index=True, editable=False)
    revision = models.ForeignKey("wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL)
    task_state = models.ForeignKey(TaskState, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reviewer_name = models.CharField(_("reviewer"), max_length=255)
    reviewer_region = models.CharField(_("reviewer's region"), max_length=3, blank=True, choices=REGION_CHOICES)
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    evidence = models.CharField(CRITERIA[0][1], max_length=10, choices=Rating.choices)
    relevance = models.CharField(CRITERIA[1][1], max_length=10, choices=Rating.choices)
    adaptability = models.CharField(CRITERIA[2][1], max_length=10, choices=Rating.choices)
    participation = models.CharField(CRITERIA[3][1], max_length=10, choices=Rating.choices)
    assessment = models.TextField(_("assessment"))
    name_publicly = models.BooleanField(_("named publicly"), default=False)
    imported_from = models.CharField(
        _("imported from"),
        max_length=255,
        blank=True,
        help_text=_("For a review made before import: the imported file's name. Empty for reviews made here."),
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    objects = ExpertReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert review")
        verbose_name_plural = _("expert reviews")
        ordering = ["-created_at", "-id"]
        constraints = [
            # One approval per reviewer and review round: a second click, a second tab or a replayed
            # request must not count twice towards completing the review.
            models.UniqueConstraint(
                fields=["task_state", "reviewer"],
                condition=Q(decision="approved"),
                name="one_approval_per_reviewer_and_task",
            )
        ]
        indexes = [
            # Every public practice page asks "has this content (any language) passed review?" (its own
            # check, and once per candidate of its related practices): the approved rows by key.
            models.Index(fields=["translation_key"], condition=Q(decision="approved"), name="approved_review_by_key"),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer_name}: {self.get_decision_display()}"

    @property
    def ratings(self) -> list[tuple[str, str, str]]:
        return [(name, label, getattr(self, f"get_{name}_display")()) for name, label in CRITERIA]


def approved_review_exists() -> Exists:
    """An `Exists` expression for page querysets: the page (in any language) passed expert review."""
    return Exists(ExpertReview.objects.approved().filter(translation_key=OuterRef("translation_key")))


def passed_review(page) -> bool:
    """The page (in any language) has an approved expert review."""
    return ExpertReview.objects.approved().filter(translation_key=page.translation_key).exists()


class PublishRefused(PermissionDenied):
    """Publishing content that must pass expert review before it has (a 403 in a view)."""


class ExpertReviewRequiredMixin:
    """For page types that are public only after an approved expert review (practices).

    The rule is enforced here, in `publish()`, because every way of publishing goes through it: the
    edit view, the admin's bulk publish action, scheduled publishing (`publish_scheduled`), the
    import, a revision published from the history, a finished workflow. The admin hooks
    (`before_publish_page`, `before_bulk_action`) only turn the refusal into a friendly message.
    """

    requires_expert_review = True

    def is_reviewed(self) -> bool:
        return passed_review(self)

    def publish(self, revision, *args, **kwargs):
        if not self.is_reviewed():
            if revision.approved_go_live_at is not None and revision.approved_go_live_at <= timezone.now():
                # `publish_scheduled` runs unattended and would stop at an exception: the revision is
                # unscheduled instead (and stays a draft), and the refusal is logged.
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
                logger.warning("Scheduled publishing of unreviewed %r refused and unscheduled.", self)
                return None
            raise PublishRefused(f"{self!r} has not passed expert review and cannot be published.")
        return super().publish(revision, *args, **kwargs)


def without_unreviewed(queryset):
    """Drop pages of types that must pass expert review to be public (`requires_expert_review = True`,
    e.g. practices) and have not: for sitemaps, search and any listing of mixed page types."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    models_needing_review = [model for model in get_page_models() if getattr(model, "requires_expert_review", False)]
    if not models_needing_review:
        return queryset
    content_types = ContentType.objects.get_for_models(*models_needing_review).values()
    return queryset.exclude(Q(content_type__in=content_types) & ~approved_review_exists())


def unreviewed_ids(queryset) -> list[int]:
    """Ids of the pages in `queryset` that need an approved review and lack one. Search backends take
    plain id filters only, so search excludes these rather than using `without_unreviewed`."""
    reviewed_or_free = without_unreviewed(queryset).values("pk")
    return list(queryset.exclude(pk__in=reviewed_or_free).values_list("pk", flat=True))


def _rating_field(name: str, label) -> forms.ChoiceField:
    # Radio buttons with none checked: the expert chooses each rating; nothing is pre-set to approve.
    return forms.ChoiceField(
        label=label, help_text=CRITERIA_HELP[name], choices=Rating.choices, widget=forms.RadioSelect, required=True
    )


class ExpertReviewForm(forms.Form):
    """What an expert fills in to approve or request changes; every field is kept if one is missing."""

    evidence = _rating_field("evidence", CRITERIA[0][1])
    relevance = _rating_field("relevance", CRITERIA[1][1])
    adaptability = _rating_field("adaptability", CRITERIA[2][1])
    participation = _rating_field("participation", CRITERIA[3][1])
    assessment = forms.CharField(
        label=_("Assessment"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("A few sentences against the criteria. Shown to editors; never published."),
    )
    name_publicly = forms.BooleanField(
        label=_("Name me as a reviewer on the public page"),
        required=False,
        help_text=_("Only if you approve. Your name appears beside the review date in every language."),
    )


def content_regions(page) -> list[str]:
    """UN M49 regions the page belongs to; empty for content without a place (reports)."""
    specific = page.specific
    if not hasattr(specific, "get_regions"):
        return []
    # The draft under review may have changed the countries since the page was last published.
    return list(specific.get_latest_revision_as_object().get_regions())


def has_approved(task_state, user) -> bool:
    """The user already approved in this review round (their approval is recorded; the task may wait for
    an expert from another region)."""
    if task_state is None or user is None or not user.pk:
        return False
    return ExpertReview.objects.approved().filter(task_state=task_state, reviewer=user).exists()


class AlreadyApproved(PermissionDenied):
    """A second approval by the same reviewer in the same review round."""


def completes_review(regions: list[str], approving_regions: list[str]) -> bool:
    """True once one approving reviewer comes from outside the content's own regions."""
    if not regions:
        return bool(approving_regions)
    return any(region and region not in regions for region in approving_regions)


class ExpertReviewTask(AbstractGroupApprovalTask):
    """Approval by the chosen groups' experts, each decision recorded as an `ExpertReview`."""

    class Meta:
        verbose_name = _("Expert review task")
        verbose_name_plural = _("Expert review tasks")

    @classmethod
    def get_description(cls):
        return _(
            "Experts of the chosen groups rate the content against the published criteria. Content with "
            "a world region needs one approving expert from another region."
        )

    def start(self, workflow_state, user=None):
        """A translation of content experts already approved skips straight to editorial sign-off."""
        task_state = super().start(workflow_state, user=user)
        page = workflow_state.content_object
        source_reviewed = (
            ExpertReview.objects.approved().filter(translation_key=page.translation_key).exclude(page_id=page.pk)
        )
        if source_reviewed.exists():
            task_state.approve(
                user=None,
                update=False,
                comment=str(_("Translation of expert-reviewed content: the review of the original stands.")),
            )
        return task_state

    def get_task_states_user_can_moderate(self, user, **kwargs):
        """Leave out the rounds the expert already approved: the item leaves their "Awaiting your review"
        while it waits for an expert from another region."""
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if not user.pk:
            return states
        mine = ExpertReview.objects.approved().filter(task_state=OuterRef("pk"), reviewer=user)
        return states.exclude(Exists(mine))

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        if has_approved(getattr(obj, "current_workflow_task_state", None), user):
            return []
        regions = content_regions(obj)
        user_region = getattr(user, "region", "")
        if regions and not completes_review(regions, [user_region]):
            names = ", ".join(geography.region_name(code, get_language()) for code in regions)
            approve_label = _("Approve (from %(regions)s: an expert from another region must also approve)") % {
                "regions": names
            }
        else:
            approve_label = _("Approve")
        return [("reject", _("Request changes"), True), ("approve", approve_label, True)]

    def get_form_for_action(self, action):
        return ExpertReviewForm

    def get_template_for_action(self, action):
        return "cms/admin/expert_review_modal.html"

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        page = task_state.workflow_state.content_object
        decision = (
            ExpertReview.Decision.APPROVED if action_name == "approve" else ExpertReview.Decision.CHANGES_REQUESTED
        )
        if decision == ExpertReview.Decision.APPROVED and has_approved(task_state, user):
            raise AlreadyApproved("This reviewer already approved this version.")
        ratings = {name: kwargs[name] for name, _label in CRITERIA}
        assessment = (kwargs.get("assessment") or "").strip()
        ExpertReview.objects.create(
            page=page,
            translation_key=page.translation_key,
            revision=task_state.revision,
            task_state=task_state,
            reviewer=user,
            reviewer_name=user.get_full_name() or user.get_username(),
            reviewer_region=getattr(user, "region", ""),
            decision=decision,
            assessment=assessment,
            name_publicly=bool(kwargs.get("name_publicly")) and decision == ExpertReview.Decision.APPROVED,
            **ratings,
        )
        if decision == ExpertReview.Decision.CHANGES_REQUESTED:
            task_state.reject(user=user, comment=assessment)
            return None
        approving_regions = list(
            ExpertReview.objects.approved().filter(task_state=task_state).values_list("reviewer_region", flat=True)
        )
        if completes_review(content_regions(page), approving_regions):
            task_state.approve(user=user, comment=assessment)
        # Otherwise the approval is recorded and the task stays with the experts: the action label
        # and the review panel say that an expert from another region must approve.
        return None
