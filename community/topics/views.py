"""The routes of `TopicProposalIndexPage`: the listing, a proposal, the form, support and comments.

Logged-out visitors may read everything; proposing, supporting and commenting need an account
(they are sent to the login page and back). Every refusal says why and, for rate limits, when
to try again; a form with errors comes back with what was typed.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.public_forms import protected_form_response, renderer
from community.comments import views as comments
from community.comments.services import visible_threads
from community.models import TopicProposal, TopicProposalIndexPage, TopicStateChange, TopicSupport
from community.topics import limits, services
from community.topics.forms import ProposalForm
from community.topics.listing import ProposalListing, decorate, proposals_queryset

COMMENTS_KEY = "comments"  # prefix of the comment form's element ids ("comments-body")


def _login(request: HttpRequest, next_url: str) -> HttpResponse:
    return redirect_to_login(next_url, login_url=reverse("community:login"))


def _retry_headers(response: HttpResponse, retry_at: datetime.datetime | None) -> HttpResponse:
    if retry_at is not None:
        response["Retry-After"] = str(max(int((retry_at - timezone.now()).total_seconds()), 1))
    return response


def index(request: HttpRequest, page: TopicProposalIndexPage) -> HttpResponse:
    listing = ProposalListing(request.GET, page.locale)
    results = listing.page()
    supported: set[int] = set()
    if request.user.is_authenticated:
        supported = set(
            TopicSupport.objects.filter(
                user=request.user, proposal__in=[proposal.pk for proposal in results]
            ).values_list("proposal_id", flat=True)
        )
    context = {
        **page.get_context(request),
        "listing": listing,
        "results": results,
        "overall": listing.overall(),
        "supported": supported,
        "querystring": listing.querystring(),
        "declined_querystring": listing.querystring(state="declined"),
    }
    return TemplateResponse(request, page.get_template(request), context)


def _proposal(proposal_id: int) -> TopicProposal:
    return get_object_or_404(proposals_queryset(), pk=proposal_id)


def _render_proposal(
    request: HttpRequest,
    page: TopicProposalIndexPage,
    proposal: TopicProposal,
    *,
    status: int = 200,
    failed_comment=None,
    support_retry_at: datetime.datetime | None = None,
) -> HttpResponse:
    decorate([proposal], page.locale)
    user = request.user
    threads = visible_threads(proposal.comments.all(), viewer=user)
    context = {
        **page.get_context(request),
        **comments.thread_context(
            request,
            threads=threads,
            key=COMMENTS_KEY,
            post_url=page.proposal_url(proposal.pk, "comment"),
            accepting=True,  # comments stay open in every state: a decision can be discussed
            failed=failed_comment,
        ),
        "proposal": proposal,
        "history": TopicStateChange.objects.filter(proposal=proposal).order_by("changed_at", "pk"),
        "is_supporter": user.is_authenticated and TopicSupport.objects.filter(proposal=proposal, user=user).exists(),
        "can_edit": proposal.can_be_edited_by(user),
        "result": services.result_of(proposal),
        "support_retry_at": support_retry_at,
    }
    response = TemplateResponse(request, "community/topics/proposal.html", context, status=status)
    return _retry_headers(response, support_retry_at)


def proposal(request: HttpRequest, page: TopicProposalIndexPage, proposal_id: int) -> HttpResponse:
    return _render_proposal(request, page, _proposal(proposal_id))


def _form_response(
    request: HttpRequest, page: TopicProposalIndexPage, form: ProposalForm, *, status: int, **extra
) -> HttpResponse:
    context = {**page.get_context(request), "form": form, **extra}
    return TemplateResponse(request, "community/topics/propose.html", context, status=status)


def propose(request: HttpRequest, page: TopicProposalIndexPage) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request, request.get_full_path())

    def save(form: ProposalForm) -> str:
        proposal = services.propose(proposer=request.user, **form.proposal_data())
        messages.success(request, _("Thank you: your proposal is published. Others can now support it."))
        return page.proposal_url(proposal.pk)

    return protected_form_response(
        request,
        ProposalForm(request.POST or None, locale=page.locale),
        limit=limits.PROPOSALS,
        render=renderer(request, "community/topics/propose.html", lambda: page.get_context(request)),
        save=save,
        done_url=page.url,
    )


def edit(request: HttpRequest, page: TopicProposalIndexPage, proposal_id: int) -> HttpResponse:
    proposal = _proposal(proposal_id)
    if not request.user.is_authenticated:
        return _login(request, request.get_full_path())
    if not proposal.can_be_edited_by(request.user):
        context = {**page.get_context(request), "proposal": proposal}
        return TemplateResponse(request, "community/topics/cannot_edit.html", context, status=403)
    if request.method == "POST":
        form = ProposalForm(request.POST, locale=page.locale)
        if form.is_valid():
            services.update(proposal, **form.proposal_data())
            messages.success(request, _("Your changes are saved."))
            return redirect(page.proposal_url(proposal.pk))
        return _form_response(request, page, form, status=400, proposal=proposal)
    form = ProposalForm.for_proposal(proposal, locale=page.locale)
    return _form_response(request, page, form, status=200, proposal=proposal)


def _back(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@require_POST
def support(request: HttpRequest, page: TopicProposalIndexPage, proposal_id: int) -> HttpResponse:
    proposal = _proposal(proposal_id)
    if not request.user.is_authenticated:
        return _login(request, page.proposal_url(proposal.pk))
    decision = limits.SUPPORTS.hit(request)
    if not decision:
        return _render_proposal(request, page, proposal, status=429, support_retry_at=decision.retry_at)
    try:
        if request.POST.get("action") == "withdraw":
            if services.withdraw(proposal, request.user):
                messages.success(request, _("Your support is withdrawn."))
        elif services.support(proposal, request.user):
            messages.success(request, _("Thank you: your support is counted."))
        else:
            messages.info(request, _("You already support this proposal; it counts once."))
    except services.SupportRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(_back(request, page.proposal_url(proposal.pk)))


@require_POST
def comment(request: HttpRequest, page: TopicProposalIndexPage, proposal_id: int) -> HttpResponse:
    """Comments on proposals are published at once (post-moderation): participants flag, moderators hide."""
    proposal = _proposal(proposal_id)
    if not request.user.is_authenticated:
        return _login(request, page.proposal_url(proposal.pk))
    posted, failed = comments.submit_comment(
        request, block_key=COMMENTS_KEY, language=page.locale.language_code, premoderated=False, proposal=proposal
    )
    if failed is not None:
        return _render_proposal(request, page, proposal, status=failed.status, failed_comment=failed)
    messages.success(request, _("Thank you: your comment is published."))
    return redirect(f"{page.proposal_url(proposal.pk)}#comment-{posted.pk}")
