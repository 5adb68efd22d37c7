"""The Awards' admin screens, where editors read nominations and jurors score them (the rules are
in `events.awards.services`), and their menu item and URLs. Imported by events/wagtail_hooks.py."""

from __future__ import annotations

from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, OuterRef, QuerySet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from events.awards.forms import ConflictForm, ScoreForm
from events.awards.services import (
    JuryRuleError,
    declare_conflict,
    editions_for,
    has_conflict,
    has_scored,
    is_editor,
    is_juror,
    may_use_awards_admin,
    score_distributions,
    source_edition,
    submit_scores,
)
from events.models.awards import AwardEditionPage, ConflictOfInterest, JuryScore, Nomination

# --- views -------------------------------------------------------------------------------------


class AwardsAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("awards_editions"), "label": gettext_lazy("Awards")}]

    def authorise(self, request) -> None:
        """Raise PermissionDenied when this user may not use the view at all."""

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's admin turns PermissionDenied into a redirect to the dashboard; the jury's rules
        # answer with a plain 403 and the reason, so a refused action is never mistaken for success.
        try:
            self.authorise(request)
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied as error:
            message = str(error) or _("You do not have permission to do this.")
            return TemplateResponse(request, "events/awards/admin/forbidden.html", {"message": message}, status=403)


class EditionListView(AwardsAdminMixin, TemplateView):
    """The editions whose nominations this user may see."""

    template_name = "events/awards/admin/editions.html"
    page_title = gettext_lazy("Awards: nominations")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": gettext_lazy("Awards")}]

    def authorise(self, request) -> None:
        if not may_use_awards_admin(request.user):
            raise PermissionDenied

    def get(self, request, *args, **kwargs):
        editions = editions_for(request.user)
        counts = dict(
            Nomination.objects.filter(translation_key__in=[edition.translation_key for edition in editions])
            .values_list("translation_key")
            .annotate(number=Count("id"))
            .order_by()
        )
        rows = [(edition, counts.get(edition.translation_key, 0)) for edition in editions]
        return self.render_to_response(self.get_context_data(rows=rows, editor=is_editor(request.user)))


def _edition_roles(request, edition: AwardEditionPage) -> tuple[bool, bool]:
    editor, juror = is_editor(request.user), is_juror(request.user, edition)
    if not (editor or juror):
        raise PermissionDenied
    return editor, juror


class EditionNominationsView(AwardsAdminMixin, TemplateView):
    """Every nomination of one edition, in all languages: what editors and the edition's jurors work from."""

    template_name = "events/awards/admin/nominations.html"

    def get_page_title(self):
        return _("Nominations: %(edition)s") % {"edition": self.edition.title}

    def get(self, request, edition_id: int, *args, **kwargs):
        page = get_object_or_404(AwardEditionPage, pk=edition_id)
        self.edition = source_edition(page.translation_key)
        editor, juror = _edition_roles(request, self.edition)
        categories = dict(self.edition.category_choices())
        nominations = list(self.nominations(request.user, editor=editor, juror=juror))
        for nomination in nominations:
            nomination.category_name = categories.get(nomination.category, nomination.category)
        context = self.get_context_data(
            edition=self.edition,
            nominations=nominations,
            editor=editor,
            juror=juror,
            scores_visible=editor and self.edition.scoring_closed,
            juror_count=self.edition.jurors.count(),
        )
        return self.render_to_response(context)

    def nominations(self, user, *, editor: bool, juror: bool) -> QuerySet:
        queryset = Nomination.objects.filter(translation_key=self.edition.translation_key).only(
            "id",
            "category",
            "nominee_type",
            "nominee_name",
            "language",
            "created_at",
            "nominator_name",
            "nominator_email",
        )
        if juror:
            queryset = queryset.annotate(
                scored_by_me=Exists(JuryScore.objects.filter(nomination=OuterRef("pk"), juror=user)),
                conflict_of_mine=Exists(ConflictOfInterest.objects.filter(nomination=OuterRef("pk"), juror=user)),
            )
        if editor:
            queryset = queryset.annotate(
                jurors_scored=Count("scores__juror", distinct=True),
                conflicts_declared=Count("conflicts", distinct=True),
            )
        return queryset.order_by("category", "-created_at")


class NominationView(AwardsAdminMixin, TemplateView):
    """One nomination. A juror scores it (or declares a conflict of interest) and then sees the
    anonymised distribution; an editor reads it, and after the deliberation sees every score."""

    template_name = "events/awards/admin/nomination.html"

    def get_page_title(self):
        return self.nomination.nominee_name

    def get_breadcrumbs_items(self):
        return [
            *super().get_breadcrumbs_items(),
            {"url": reverse("awards_nominations", args=[self.edition.pk]), "label": self.edition.title},
            {"url": "", "label": self.nomination.nominee_name},
        ]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.nomination = get_object_or_404(
            Nomination.objects.select_related("practice", "edition"), pk=kwargs["nomination_id"]
        )
        self.edition = source_edition(self.nomination.translation_key)

    def authorise(self, request) -> None:
        self.editor, self.juror = _edition_roles(request, self.edition)

    def get(self, request, *args, **kwargs):
        return self.render_page()

    def render_page(self, score_form=None, conflict_form=None, status: int = 200):
        user, nomination, edition = self.request.user, self.nomination, self.edition
        criteria = edition.criteria_list()
        scored = self.juror and has_scored(nomination, user)
        conflict = self.juror and has_conflict(nomination, user)
        may_score = self.juror and not scored and not conflict and not edition.scoring_closed
        context = {
            "nomination": nomination,
            "edition": edition,
            "category": dict(edition.category_choices()).get(nomination.category, nomination.category),
            "links": [line for line in nomination.links.splitlines() if line.strip()],
            "editor": self.editor,
            "juror": self.juror,
            "scored": scored,
            "conflict": conflict,
            "may_score": may_score,
            "criteria": criteria,
        }
        if may_score:
            context["score_form"] = score_form or ScoreForm(criteria=criteria)
            context["conflict_form"] = conflict_form or ConflictForm()
        elif self.juror and scored and not conflict and not edition.scoring_closed:
            context["conflict_form"] = conflict_form or ConflictForm()
        if scored:
            mine = dict(JuryScore.objects.filter(nomination=nomination, juror=user).values_list("criterion", "score"))
            context["my_scores"] = [(name, mine[slug]) for slug, name, _description in criteria if slug in mine]
        # Before their own scores, a juror sees nothing of the others'; after, the anonymised
        # distribution only. Editors see all scores once scoring has closed.
        if scored or (self.editor and edition.scoring_closed):
            context["distributions"] = score_distributions([nomination.pk], criteria)[nomination.pk]
        if self.editor:
            context["progress"] = {
                "scored": JuryScore.objects.filter(nomination=nomination).values("juror").distinct().count(),
                "conflicts": ConflictOfInterest.objects.filter(nomination=nomination).count(),
                "jurors": edition.jurors.count(),
            }
            if edition.scoring_closed:
                context["score_table"] = self.score_table(criteria)
                context["conflicts"] = list(
                    ConflictOfInterest.objects.filter(nomination=nomination).select_related("juror")
                )
        return self.render_to_response(self.get_context_data(**context), status=status)

    def score_table(self, criteria) -> list[tuple[str, list[int | None]]]:
        by_juror: dict = defaultdict(dict)
        names = {}
        for score in JuryScore.objects.filter(nomination=self.nomination).select_related("juror"):
            by_juror[score.juror_id][score.criterion] = score.score
            names[score.juror_id] = score.juror.get_full_name() or score.juror.get_username()
        return sorted(
            (names[juror_id], [scores.get(slug) for slug, _name, _description in criteria])
            for juror_id, scores in by_juror.items()
        )

    def post(self, request, *args, **kwargs):
        if not self.juror:
            raise PermissionDenied
        action = request.POST.get("action")
        url = reverse("awards_nomination", args=[self.nomination.pk])
        if action == "conflict":
            form = ConflictForm(request.POST)
            if not form.is_valid():
                return self.render_page(conflict_form=form, status=400)
            try:
                declare_conflict(self.nomination, request.user, form.cleaned_data["explanation"])
            except JuryRuleError as error:
                raise PermissionDenied(str(error)) from error
            messages.success(request, _("Your conflict of interest is recorded: you will not score this nomination."))
            return redirect(url)
        if action != "score":
            return self.render_page(status=400)
        # The rules first, whatever the form says: no scoring with a conflict, twice, or after the deliberation.
        if has_conflict(self.nomination, request.user):
            raise PermissionDenied(_("You declared a conflict of interest for this nomination."))
        if has_scored(self.nomination, request.user) or self.edition.scoring_closed:
            raise PermissionDenied(_("Your scores for this nomination are final."))
        form = ScoreForm(request.POST, criteria=self.edition.criteria_list())
        if not form.is_valid():
            return self.render_page(score_form=form, status=400)
        try:
            submit_scores(self.nomination, request.user, form.scores())
        except JuryRuleError as error:
            raise PermissionDenied(str(error)) from error
        messages.success(request, _("Your scores are recorded. Here is how the jury has scored so far."))
        return redirect(url)


# --- menu and URLs ---


class AwardsMenuItem(MenuItem):
    """Shown to editors and to members of the "Jury" group only."""

    def is_shown(self, request) -> bool:
        return may_use_awards_admin(request.user)


@hooks.register("register_admin_urls")
def register_awards_urls():
    return [
        path("awards/", EditionListView.as_view(), name="awards_editions"),
        path("awards/<int:edition_id>/", EditionNominationsView.as_view(), name="awards_nominations"),
        path("awards/nominations/<int:nomination_id>/", NominationView.as_view(), name="awards_nomination"),
    ]


@hooks.register("register_admin_menu_item")
def register_awards_menu_item():
    return AwardsMenuItem(
        gettext_lazy("Awards"), reverse("awards_editions"), name="awards", icon_name="tasks", order=260
    )
