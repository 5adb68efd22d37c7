"""Choosing the next topics: participants propose report or brief topics, support them and comment.

Moderators move a proposal through its states with a public reason; every change is kept
(`TopicStateChange`) and the proposer is told. A proposal is written in one language and shown
in every language's listing, labelled with its language.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.models import BasePage
from cms.translation import translated


class ProposalKind(models.TextChoices):
    REPORT = "report", _("Report")
    BRIEF = "brief", _("Policy brief")


class ProposalState(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("topic proposal state", "Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    SELECTED = "selected", _("Selected")
    DECLINED = "declined", _("Declined")


# Supports are collected while the choice is open; a selected or declined proposal keeps its count.
OPEN_STATES = (ProposalState.SUBMITTED, ProposalState.UNDER_REVIEW, ProposalState.SHORTLISTED)


class TopicProposalIndexPage(RoutablePageMixin, BasePage):
    """The public page where proposals are listed, ranked and filtered, and new ones are made.

    One per language; every language's page lists all proposals, whatever language they are
    written in. The routes (a proposal, the form, support and comment) live in
    `community.topics.views`; every one depends on who is logged in, so none is cached.
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("topic proposals page")

    def proposal_url(self, proposal_id: int, route: str = "proposal") -> str:
        return self.url + self.reverse_subpage(route, args=[proposal_id])

    @path("", name="index")
    @method_decorator(never_cache)
    def index_view(self, request):
        from community.topics import views

        return views.index(request, self)

    @path("propose/", name="propose")
    @method_decorator(never_cache)
    def propose_view(self, request):
        from community.topics import views

        return views.propose(request, self)

    @path("<int:proposal_id>/", name="proposal")
    @method_decorator(never_cache)
    def proposal_view(self, request, proposal_id: int):
        from community.topics import views

        return views.proposal(request, self, proposal_id)

    @path("<int:proposal_id>/edit/", name="edit")
    @method_decorator(never_cache)
    def edit_view(self, request, proposal_id: int):
        from community.topics import views

        return views.edit(request, self, proposal_id)

    @path("<int:proposal_id>/support/", name="support")
    def support_view(self, request, proposal_id: int):
        from community.topics import views

        return views.support(request, self, proposal_id)

    @path("<int:proposal_id>/comment/", name="comment")
    def comment_view(self, request, proposal_id: int):
        from community.topics import views

        return views.comment(request, self, proposal_id)


class TopicProposal(models.Model):
    title = models.CharField(_("proposed topic"), max_length=200)
    kind = models.CharField(_("for"), max_length=10, choices=ProposalKind.choices, default=ProposalKind.REPORT)
    description = models.TextField(_("why this topic, and what it should cover"), max_length=5000)
    themes = models.ManyToManyField("cms.Theme", verbose_name=_("themes"), blank=True, related_name="+")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="topic_proposals",
    )
    proposer_region = models.CharField(_("proposer's region"), max_length=3, blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=ProposalState.choices, default=ProposalState.SUBMITTED, db_index=True
    )
    state_reason = models.TextField(_("public reason for the state"), blank=True)
    state_changed_at = models.DateTimeField(_("state changed on"), null=True, blank=True)
    became = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("became"),
        help_text=_("For a selected proposal: the chapter or policy brief it became. Shown on both pages."),
    )
    # Kept in step with TopicSupport rows (in the same transaction) so ranking needs no aggregate.
    support_count = models.PositiveIntegerField(_("supports"), default=0, db_index=True)
    created_at = models.DateTimeField(_("proposed on"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated on"), auto_now=True)

    class Meta:
        verbose_name = _("topic proposal")
        verbose_name_plural = _("topic proposals")
        ordering = ["-support_count", "-created_at"]
        permissions = [("moderate_topicproposal", _("Can change the state of topic proposals"))]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open_for_support(self) -> bool:
        return self.state in OPEN_STATES

    def can_be_edited_by(self, user) -> bool:
        """Only the proposer, and only until moderators start looking at it."""
        return user.is_authenticated and self.proposer_id == user.pk and self.state == ProposalState.SUBMITTED


class TopicSupport(models.Model):
    """One participant's support for a proposal (one per participant), with their region at the time."""

    proposal = models.ForeignKey(TopicProposal, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="topic_supports"
    )
    region = models.CharField(_("region"), max_length=3, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("support")
        constraints = [models.UniqueConstraint(fields=["proposal", "user"], name="one_support_per_participant")]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.user_id}"


class TopicStateChange(models.Model):
    """The public history of a proposal's states."""

    proposal = models.ForeignKey(TopicProposal, on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField(max_length=20, choices=ProposalState.choices)
    to_state = models.CharField(max_length=20, choices=ProposalState.choices)
    reason = models.TextField(_("public reason"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at"]

    def __str__(self) -> str:
        return f"{self.from_state} → {self.to_state}"
