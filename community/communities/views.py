"""The routes of `CommunityIndexPage` and `CommunityPage`.

Reading is open to everyone; joining, posting and proposing need an account; the coordinators'
page and its actions need to coordinate *this* community (`services.can_coordinate`), checked on
every request: anyone else gets 403, whatever they coordinate elsewhere.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length, Substr
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from cms import geography
from cms.models import Theme
from cms.models.pages import PageQuerySet
from cms.public_forms import protected_form_response, renderer
from cms.ratelimit import Limit
from community.comments import services as comment_services
from community.comments import views as comments
from community.communities import services
from community.communities.forms import JoinForm, ProposeCommunityForm, RulesForm
from community.models import (
    Comment,
    CommentStatus,
    Community,
    CommunityIndexPage,
    CommunityPage,
    Membership,
    MembershipStatus,
    ModerationMode,
)

PROPOSALS = Limit("community-propose", limit=3, window=24 * 3600)
JOINS = Limit("community-join", limit=20, window=3600)
COMMENTS_KEY = "discussion"
MEMBERS_PER_PAGE = 50


def _login(request: HttpRequest, next_url: str) -> HttpResponse:
    return redirect_to_login(next_url, login_url=reverse("community:login"))


def _themes(locale) -> dict[str, str]:
    return dict(Theme.objects.filter(locale=locale).values_list("slug", "name"))


def _scope(community, themes: dict[str, str], language: str) -> dict:
    return {
        "theme": themes.get(community.theme_slug, ""),
        "region": geography.region_name(community.region, language) if community.region else "",
    }


# --- The index


def index(request: HttpRequest, page: CommunityIndexPage) -> HttpResponse:
    language = page.locale.language_code
    themes = _themes(page.locale)
    region = request.GET.get("region", "")
    theme = request.GET.get("theme", "")
    pages = (
        CommunityPage.objects.child_of(page)
        .live()
        .public()
        .select_related("community")
        .annotate(
            member_count=Count(
                "community__memberships", filter=Q(community__memberships__status=MembershipStatus.ACTIVE)
            )
        )
        .order_by("title")
    )
    if region in geography.REGIONS:
        pages = pages.filter(community__region=region)
    if theme in themes:
        pages = pages.filter(community__theme_slug=theme)
    results = list(pages)
    mine = {}
    if request.user.is_authenticated:
        mine = dict(
            Membership.objects.filter(user=request.user, community__in=[p.community_id for p in results]).values_list(
                "community_id", "status"
            )
        )
    for item in results:
        item.scope = _scope(item.community, themes, language)
        item.my_status = mine.get(item.community_id, "")
    context = {
        **page.get_context(request),
        "results": results,
        "regions": [(code, geography.region_name(code, language)) for code in geography.REGIONS],
        "themes": sorted(themes.items(), key=lambda item: item[1]),
        "selected": {"region": region, "theme": theme},
        "filter_count": bool(region) + bool(theme),
    }
    return TemplateResponse(request, page.get_template(request), context)


def propose(request: HttpRequest, page: CommunityIndexPage) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request, request.get_full_path())
    form = ProposeCommunityForm(request.POST or None, locale=page.locale)

    def save(form: ProposeCommunityForm) -> str:
        services.propose(proposer=request.user, **form.proposal_data())
        messages.success(
            request, _("Thank you: the editors will look at your proposal and write to you when it is decided.")
        )
        return page.url

    return protected_form_response(
        request,
        form,
        limit=PROPOSALS,
        render=renderer(request, "community/communities/propose.html", lambda: page.get_context(request)),
        save=save,
        done_url=page.url,
    )


# --- A community


def _practices(page: CommunityPage) -> list:
    from django.apps import apps

    community = page.community
    if not community.theme_slug and not community.region:
        return []
    model = apps.get_model("practices", "PracticePage")
    practices = model.objects.live().public().filter(locale=page.locale).defer_streamfields()
    if community.theme_slug:
        practices = practices.filter(themes__slug=community.theme_slug)
    if community.region:
        practices = practices.filter(countries__region=community.region)
    return list(practices.distinct().order_by("-first_published_at")[:4])


def _voices(page: CommunityPage) -> list:
    """Members an editor recognized as voices on the community's theme (public profiles only)."""
    from community.members.listing import recognized_voices_brief

    if not page.community.theme_slug:
        return []
    return list(recognized_voices_brief([page.community.theme_slug]).order_by("name", "pk")[:6])


def _chapters(page: CommunityPage) -> list:
    """Chapters, in this page's language, of the reports on the community's theme (the three
    latest): one query, the reports a subquery on the chapters' parents."""
    from django.apps import apps

    if not page.community.theme_slug:
        return []
    report_model = apps.get_model("reports", "ReportPage")
    chapter_model = apps.get_model("reports", "ChapterPage")
    reports = (
        report_model.objects.live()
        .public()
        .filter(locale=page.locale, theme__slug=page.community.theme_slug)
        .order_by("-edition_year", "path")
        .values("path")[:3]
    )
    parent_path = Substr("path", 1, Length("path") - chapter_model.steplen)
    chapters = (
        chapter_model.objects.live()
        .public()
        .filter(locale=page.locale)
        .alias(parent_path=parent_path)
        .filter(parent_path__in=reports)
        .defer_streamfields()
        .order_by("path")
    )
    return list(chapters[:6])


def _recommendations(page: CommunityPage) -> list[dict]:
    """The recommendations, in this page's language, of the policy briefs on the community's theme:
    one query. Each item: the brief, and its recommendations' identifiers, anchors and statements."""
    from django.apps import apps

    from reports.blocks import recommendation_anchor

    if not page.community.theme_slug:
        return []
    brief_model = apps.get_model("reports", "PolicyBriefPage")
    briefs = (
        brief_model.objects.live()
        .public()
        .filter(locale=page.locale, theme__slug=page.community.theme_slug)
        .order_by("-publication_date", "pk")
        .defer("body")[:3]
    )
    return [
        {
            "brief": brief,
            "recommendations": [
                {
                    "identifier": block.value["identifier"],
                    "anchor": recommendation_anchor(block.value["identifier"]),
                    "statement": block.value["statement"],
                }
                for block in brief.recommendations
            ],
        }
        for brief in briefs
    ]


EVENT_MODELS = ("events.ForumEditionPage", "events.AwardEditionPage", "events.SocialProgressDayPage")
# An M49 region → the events' continents it covers (events/models/common.py CONTINENTS).
EVENT_CONTINENTS = {
    "002": {"africa"},
    "019": {"north-america", "south-america"},
    "142": {"asia"},
    "150": {"europe"},
    "009": {"oceania"},
}


def _coming(page: CommunityPage) -> tuple[list, list]:
    """The consultations open now (closing soonest first) and the next events (those in the
    community's region, or with no continent: online) of this language, three of each: one query
    of pages of both kinds, each dated from the table of its type (all of them are read: a few at
    any time)."""
    from django.apps import apps

    from community.take_part import open_consultations_query
    from events.models.index import EventItem

    home = page.get_parent().get_parent()
    models = [apps.get_model(name) for name in EVENT_MODELS]

    def field(name: str) -> Coalesce:
        return Coalesce(*(F(f"{model._meta.model_name}__{name}") for model in models))

    today = datetime.date.today()
    upcoming = Q(end_date__gte=today) | Q(end_date__isnull=True, start_date__gte=today)
    continents = EVENT_CONTINENTS.get(page.community.region)
    if continents:
        upcoming &= Q(continent="") | Q(continent__in=continents)
    pages = (
        PageQuerySet(Page)  # of any type; its `.public()` is a subquery, not a query of its own
        .descendant_of(home)
        .live()
        .public()
        .annotate(
            start_date=field("start_date"),
            end_date=field("end_date"),
            continent=field("continent"),
            closes_at=F("consultationpage__closes_at"),
        )
        .filter(upcoming | Q(pk__in=open_consultations_query(home).values("pk")))
    )
    consultations, events = [], []
    for item in pages:
        if item.closes_at is not None:
            consultations.append(item)
        else:
            kind = item.specific_class.event_type
            events.append(EventItem(item, kind, kind.label, item.start_date, item.end_date, item.continent))
    consultations.sort(key=lambda item: item.closes_at)
    events.sort(key=lambda event: (event.start_date, event.page.path))
    return consultations[:3], events[:3]


def _community_of(page: CommunityPage):
    """The page's community, with its theme's name in the page's language (`theme_name`) and its
    members counted (`services.composition`): one query."""
    theme = Theme.objects.filter(locale_id=page.locale_id, slug=OuterRef("theme_slug")).values("name")[:1]
    communities = services.with_composition(Community.objects.filter(pk=page.community_id))
    page.community = communities.annotate(theme_name=Subquery(theme)).get()
    return page.community


def _render(request: HttpRequest, page: CommunityPage, *, status: int = 200, failed=None) -> HttpResponse:
    community = _community_of(page)
    user = request.user
    language = page.locale.language_code
    membership = services.membership_of(user, community)
    is_member = membership is not None and membership.status == MembershipStatus.ACTIVE
    threads = comment_services.visible_threads(Comment.objects.filter(community=community), viewer=user)
    coordinators = list(
        Membership.objects.filter(community=community, is_coordinator=True, status=MembershipStatus.ACTIVE)
        .select_related("user__member_profile")
        .order_by("pk")
    )
    consultations, events = _coming(page)
    closed = "" if is_member or not user.is_authenticated else _("Join the community to take part in its discussion.")
    context = {
        **page.get_context(request),
        **comments.thread_context(
            request,
            threads=threads,
            key=COMMENTS_KEY,
            post_url=page.route_url("comment"),
            accepting=is_member,
            closed_message=closed,
            failed=failed,
        ),
        "community": community,
        "scope": _scope(community, {community.theme_slug: community.theme_name or ""}, language),
        "membership": membership,
        "is_member": is_member,
        "join_form": JoinForm(initial={"sector": services.sector_of(user)})
        if user.is_authenticated and membership is None
        else None,
        "can_coordinate": services.can_coordinate(user, community),
        "coordinators": [_person(item) for item in coordinators],
        "composition": services.composition(community, language),
        "practices": _practices(page),
        "voices": _voices(page),
        "chapters": _chapters(page),
        "recommendations": _recommendations(page),
        "consultations": consultations,
        "events": events,
        "premoderated": community.moderation == ModerationMode.PRE,
    }
    return TemplateResponse(request, "community/community_page.html", context, status=status)


def _person(membership: Membership) -> dict:
    """A member as the public may see them: a public profile's name and link, else "a member"."""
    profile = getattr(membership.user, "member_profile", None)
    if profile is not None and profile.is_public:
        return {"name": profile.name, "url": reverse("community:member", args=[profile.pk]), "membership": membership}
    return {"name": "", "url": "", "membership": membership}


def community(request: HttpRequest, page: CommunityPage) -> HttpResponse:
    return _render(request, page)


def members(request: HttpRequest, page: CommunityPage) -> HttpResponse:
    community = page.community
    active = (
        Membership.objects.filter(community=community, status=MembershipStatus.ACTIVE)
        .select_related("user__member_profile")
        .order_by("-is_coordinator", "admitted_at", "pk")
    )
    paginator = Paginator(active, MEMBERS_PER_PAGE)
    results = paginator.get_page(request.GET.get("page"))
    language = page.locale.language_code
    people = []
    for membership in results:
        person = _person(membership)
        person["region"] = geography.region_name(membership.region, language) if membership.region else ""
        person["sector"] = membership.get_sector_display() if membership.sector else ""
        people.append(person)
    context = {
        **page.get_context(request),
        "community": community,
        "people": people,
        "results": results,
        "composition": services.composition(community, language),
    }
    return TemplateResponse(request, "community/communities/members.html", context)


@require_POST
def join(request: HttpRequest, page: CommunityPage) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request, page.url)
    decision = JOINS.hit(request)
    if not decision:
        messages.error(request, _("You have joined or left many communities in a short time. Please try later."))
        return redirect(page.url)
    form = JoinForm(request.POST)
    # A sector not sent (an older page) or not one of the choices: the profile's role decides.
    sector = form.cleaned_data["sector"] if "sector" in request.POST and form.is_valid() else None
    try:
        membership = services.join(page.community, request.user, sector=sector)
    except services.MembershipRefused as refusal:
        messages.info(request, str(refusal))
    else:
        if membership.status == MembershipStatus.ACTIVE:
            messages.success(request, _("Welcome: you are now a member of this community."))
        else:
            messages.success(request, _("Your request is sent: a coordinator will answer it."))
    return redirect(page.url)


@require_POST
def leave(request: HttpRequest, page: CommunityPage) -> HttpResponse:
    if not request.user.is_authenticated:
        return _login(request, page.url)
    if services.leave(page.community, request.user):
        messages.success(request, _("You have left this community."))
    return redirect(page.url)


@require_POST
def comment(request: HttpRequest, page: CommunityPage) -> HttpResponse:
    """Members post in the discussion; the community's coordinators chose pre- or post-moderation."""
    if not request.user.is_authenticated:
        return _login(request, page.url)
    community = page.community
    if not services.is_member(request.user, community):
        raise PermissionDenied
    premoderated = community.moderation == ModerationMode.PRE
    posted, failed = comments.submit_comment(
        request,
        block_key=COMMENTS_KEY,
        language=page.locale.language_code,
        premoderated=premoderated,
        community=community,
    )
    if failed is not None:
        response = _render(request, page, status=failed.status, failed=failed)
        if failed.retry_after:
            response["Retry-After"] = str(failed.retry_after)
        return response
    if posted.is_visible:
        messages.success(request, _("Thank you: your message is published."))
    else:
        messages.success(request, _("Thank you: your message will be shown once a coordinator approves it."))
    return redirect(f"{page.url}#comment-{posted.pk}")


# --- The coordinators' page


def _coordinator_only(request: HttpRequest, page: CommunityPage) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return _login(request, page.route_url("coordinate"))
    services.require_coordinator(request.user, page.community)
    return None


def coordinate(request: HttpRequest, page: CommunityPage, *, rules_form: RulesForm | None = None, status=200):
    refused = _coordinator_only(request, page)
    if refused is not None:
        return refused
    community = page.community
    memberships = list(
        Membership.objects.filter(community=community).select_related("user__member_profile").order_by("pk")
    )
    waiting = list(
        Comment.objects.filter(community=community)
        .filter(Q(status=CommentStatus.PENDING) | Q(flag_count__gt=0) | Q(status=CommentStatus.HIDDEN))
        .select_related("author__member_profile")
        .order_by("-created_at")[:100]
    )
    people = []
    for membership in memberships:
        person = _person(membership)
        person["name"] = person["name"] or membership.user.get_full_name() or membership.user.username
        people.append(person)
    context = {
        **page.get_context(request),
        "community": community,
        "requests": [person for person in people if person["membership"].status == MembershipStatus.PENDING],
        "people": [person for person in people if person["membership"].status == MembershipStatus.ACTIVE],
        "waiting": waiting,
        "rules_form": rules_form
        or RulesForm(initial={"membership": community.membership, "moderation": community.moderation}),
    }
    return TemplateResponse(request, "community/communities/coordinate.html", context, status=status)


MEMBER_ACTIONS = ("admit", "remove", "coordinator", "not_coordinator")


@require_POST
def member_action(request: HttpRequest, page: CommunityPage, membership_id: int) -> HttpResponse:
    refused = _coordinator_only(request, page)
    if refused is not None:
        return refused
    action = request.POST.get("action")
    if action not in MEMBER_ACTIONS:
        messages.error(request, _("Unknown action."))
        return redirect(page.route_url("coordinate"))
    community = page.community
    try:
        if action == "admit":
            services.admit(community, by=request.user, membership_id=membership_id)
            messages.success(request, _("The member is admitted."))
        elif action == "remove":
            services.remove(community, by=request.user, membership_id=membership_id)
            messages.success(request, _("Done: the person is no longer in the community."))
        else:
            services.make_coordinator(
                community, by=request.user, membership_id=membership_id, coordinator=action == "coordinator"
            )
            messages.success(request, _("The coordinators are updated."))
    except services.MembershipRefused as refusal:
        messages.error(request, str(refusal))
    return redirect(page.route_url("coordinate"))


@require_POST
def comment_action(request: HttpRequest, page: CommunityPage, comment_id: int) -> HttpResponse:
    refused = _coordinator_only(request, page)
    if refused is not None:
        return refused
    action = request.POST.get("action", "")
    if action not in comment_services.ACTIONS:
        messages.error(request, _("Unknown action."))
        return redirect(page.route_url("coordinate"))
    try:
        services.moderate(
            page.community,
            by=request.user,
            comment_id=comment_id,
            action=action,
            reason=request.POST.get("reason", ""),
        )
    except comment_services.CommentRefused as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        messages.success(request, _("The message is moderated."))
    return redirect(page.route_url("coordinate"))


@require_POST
def rules(request: HttpRequest, page: CommunityPage) -> HttpResponse:
    refused = _coordinator_only(request, page)
    if refused is not None:
        return refused
    form = RulesForm(request.POST)
    if not form.is_valid():
        return coordinate(request, page, rules_form=form, status=400)
    services.set_rules(page.community, by=request.user, **form.cleaned_data)
    messages.success(request, _("The community’s rules are saved."))
    return redirect(page.route_url("coordinate"))
