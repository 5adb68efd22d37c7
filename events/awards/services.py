"""The Awards' rules: nominations, the jury's scores and their anonymised distributions, and the
published results. The admin screens where editors and jurors work are in `events.awards.admin`.

The rules, all enforced here on the server:

* An edition exists in several languages; its nominations, jurors and criteria are those of the
  *source* page (the default language where it exists), whatever page a nomination came from.
* Editors (the Editors and Moderators groups, and superusers) see every nomination; they see the
  jurors' scores only once scoring has closed, after the jury's deliberation.
* A juror is a user of the "Jury" group who is also one of the edition's `jurors`. A juror sees
  the nominations of their editions and scores each one once, 1 to 5 against every published
  criterion; the scores are final. Or the juror declares a conflict of interest, which forbids
  scoring that nomination (and withdraws scores already given).
* A juror sees how the others scored a nomination only after submitting their own scores for it,
  and then only as an anonymised distribution: no juror is ever named beside a score, except to
  editors after the deliberation.
"""

from __future__ import annotations

import statistics
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.blocks import localized_pages
from cms.links import absolute_url
from cms.models import Person
from cms.notifications import deliver, deliver_to_staff
from cms.roles import EDITORS, JURY, MODERATORS
from cms.tasks import retrying_task
from events.models.awards import AwardEditionPage, AwardResult, ConflictOfInterest, JuryScore, Nomination

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from cms.models import User

SCORES = range(1, 6)
# What linking to a page needs (the fields cms.blocks.localized_pages loads too).
PAGE_LINK_FIELDS = ("id", "title", "url_path", "path", "depth", "live", "locale_id", "translation_key")


class JuryRuleError(Exception):
    """An action the jury's rules forbid; the message says why."""


# --- who may do what ---------------------------------------------------------------------------------


def is_editor(user: User | AnonymousUser) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.groups.filter(name__in=[EDITORS, MODERATORS]).exists())
    )


def is_juror(user: User | AnonymousUser, edition: AwardEditionPage) -> bool:
    """In the "Jury" group and one of this edition's jurors: both are needed."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.groups.filter(name=JURY).exists()
        and AwardEditionPage.objects.filter(pk=edition.pk, jurors=user).exists()
    )


def in_jury_group(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.groups.filter(name=JURY).exists())


def may_use_awards_admin(user: User | AnonymousUser) -> bool:
    """Editors and members of the "Jury" group; which editions a juror sees depends on `jurors`."""
    return is_editor(user) or in_jury_group(user)


def _source(pages: list[AwardEditionPage]) -> AwardEditionPage:
    default = [page for page in pages if page.locale.language_code == settings.LANGUAGE_CODE]
    return default[0] if default else min(pages, key=lambda page: page.pk)


def source_editions() -> list[AwardEditionPage]:
    """One page per edition (the default language's where it exists, else the first), newest first."""
    by_key: dict = defaultdict(list)
    for page in AwardEditionPage.objects.defer_streamfields().select_related("locale"):
        by_key[page.translation_key].append(page)
    return sorted(map(_source, by_key.values()), key=lambda page: (page.start_date, page.pk), reverse=True)


def source_edition(translation_key: uuid.UUID | str) -> AwardEditionPage:
    """The page whose jurors, criteria and categories rule an edition's nominations in every language."""
    pages = list(AwardEditionPage.objects.filter(translation_key=translation_key).select_related("locale"))
    if not pages:
        raise Http404
    return _source(pages)


def editions_for(user: User | AnonymousUser) -> list[AwardEditionPage]:
    """The editions whose nominations this user may see in the admin."""
    editions = source_editions()
    if is_editor(user):
        return editions
    if not in_jury_group(user):
        return []
    mine = set(AwardEditionPage.objects.filter(jurors=user.pk).values_list("pk", flat=True))
    return [edition for edition in editions if edition.pk in mine]


# --- nominations -------------------------------------------------------------------------------------


@transaction.atomic
def create_nomination(edition: AwardEditionPage, data: dict) -> Nomination:
    """Store a visitor's nomination as typed, then confirm it to them and tell the editors (in the background)."""
    nomination = Nomination.objects.create(
        edition=edition,
        translation_key=edition.translation_key,
        category=data["category"],
        nominee_type=data["nominee_type"],
        nominee_name=data["nominee_name"],
        practice=data.get("practice"),
        justification=data["justification"],
        links=data.get("links") or "",
        nominator_name=data["nominator_name"],
        nominator_email=data["nominator_email"],
        language=edition.locale.language_code,
    )
    transaction.on_commit(lambda: send_nomination_emails.enqueue(nomination.pk))
    return nomination


@retrying_task()
def send_nomination_emails(nomination_id: int) -> None:
    nomination = Nomination.objects.select_related("edition").get(pk=nomination_id)
    admin_url = absolute_url(reverse("awards_nomination", args=[nomination.pk]))
    context = {"nomination": nomination, "edition": nomination.edition, "admin_url": admin_url}
    deliver("events/awards/email/nomination_received", [nomination.nominator_email], context, nomination.language)
    deliver_to_staff("events/awards/email/nomination_for_editors", EDITORS, context)


# --- scores ------------------------------------------------------------------------------------------


@dataclass
class CriterionDistribution:
    """How the jury scored one nomination against one criterion, without saying who gave what."""

    slug: str
    name: str
    counts: list[tuple[int, int]] = field(default_factory=list)  # (score, number of jurors), 1 to 5

    @property
    def scores(self) -> list[int]:
        return [score for score, count in self.counts for _number in range(count)]

    @property
    def n(self) -> int:
        return sum(count for _score, count in self.counts)

    @property
    def median(self) -> float | None:
        scores = self.scores
        return statistics.median(scores) if scores else None

    @property
    def minimum(self) -> int | None:
        return min(self.scores, default=None)

    @property
    def maximum(self) -> int | None:
        return max(self.scores, default=None)


def score_distributions(
    nomination_ids: list[int], criteria: list[tuple[str, str, str]]
) -> dict[int, list[CriterionDistribution]]:
    """For each nomination, the number of jurors who gave each score to each criterion (one query)."""
    tally: dict[tuple[int, str], dict[int, int]] = defaultdict(dict)
    if nomination_ids:
        rows = (
            JuryScore.objects.filter(nomination_id__in=nomination_ids)
            .values_list("nomination_id", "criterion", "score")
            .annotate(number=Count("id"))
            .order_by()
        )
        for nomination_id, criterion, score, number in rows:
            tally[nomination_id, criterion][score] = number
    return {
        nomination_id: [
            CriterionDistribution(slug, name, [(score, tally[nomination_id, slug].get(score, 0)) for score in SCORES])
            for slug, name, _description in criteria
        ]
        for nomination_id in nomination_ids
    }


def has_scored(nomination: Nomination, juror: User) -> bool:
    return JuryScore.objects.filter(nomination=nomination, juror=juror).exists()


def has_conflict(nomination: Nomination, juror: User) -> bool:
    return ConflictOfInterest.objects.filter(nomination=nomination, juror=juror).exists()


@transaction.atomic
def submit_scores(nomination: Nomination, juror: User, scores: dict[str, int]) -> None:
    """Record one juror's scores for a nomination, once; a juror with a conflict of interest cannot."""
    edition = source_edition(nomination.translation_key)
    if not is_juror(juror, edition):
        raise PermissionDenied
    if edition.scoring_closed:
        raise JuryRuleError(_("Scoring for this edition closed after the jury's deliberation."))
    if has_conflict(nomination, juror):
        raise JuryRuleError(_("You declared a conflict of interest for this nomination, so you cannot score it."))
    if has_scored(nomination, juror):
        raise JuryRuleError(_("You have already scored this nomination; scores are final."))
    published = {slug for slug, _name, _description in edition.criteria_list()}
    if set(scores) != published or any(score not in SCORES for score in scores.values()):
        raise JuryRuleError(_("Give a score from 1 to 5 for every criterion."))
    try:
        with transaction.atomic():
            JuryScore.objects.bulk_create(
                JuryScore(nomination=nomination, juror=juror, criterion=slug, score=score)
                for slug, score in scores.items()
            )
    except IntegrityError:  # the same juror submitting twice at once
        raise JuryRuleError(_("You have already scored this nomination; scores are final.")) from None


@transaction.atomic
def declare_conflict(nomination: Nomination, juror: User, explanation: str = "") -> ConflictOfInterest:
    """A juror steps aside from a nomination; scores they already gave it no longer count."""
    edition = source_edition(nomination.translation_key)
    if not is_juror(juror, edition):
        raise PermissionDenied
    if edition.scoring_closed:
        raise JuryRuleError(_("Scoring for this edition closed after the jury's deliberation."))
    conflict, _created = ConflictOfInterest.objects.get_or_create(
        nomination=nomination, juror=juror, defaults={"explanation": explanation}
    )
    JuryScore.objects.filter(nomination=nomination, juror=juror).delete()
    return conflict


# --- the public results ------------------------------------------------------------------------------


@dataclass
class PublishedResult:
    status: str
    status_label: str
    nominee_name: str
    practice: object | None
    distributions: list[CriterionDistribution]


@dataclass
class CategoryResults:
    slug: str
    name: str
    results: list[PublishedResult]


def published_results(page: AwardEditionPage) -> list[CategoryResults]:
    """Finalists and winners by category, winners first, each with the jury's anonymised scores and
    a link to the practice in the reader's language. A fixed number of queries whatever the number
    of results: results with their nominations and practices, the practices' translations, the scores."""
    results = list(
        AwardResult.objects.filter(page=page)
        .select_related("nomination__practice")
        .only(
            "status",
            "sort_order",
            "page_id",
            "nomination__category",
            "nomination__nominee_name",
            *(f"nomination__practice__{name}" for name in PAGE_LINK_FIELDS),
        )
        .order_by("sort_order", "pk")
    )
    if not results:
        return []
    practices = [result.nomination.practice for result in results if result.nomination.practice]
    localized = {practice.translation_key: practice for practice in localized_pages(practices)}
    distributions = score_distributions([result.nomination_id for result in results], page.criteria_list())
    statuses = dict(AwardResult.Status.choices)
    names = dict(page.category_choices())
    order = {slug: number for number, slug in enumerate(names)}
    grouped: dict[str, list[PublishedResult]] = defaultdict(list)
    for result in sorted(results, key=lambda result: result.status != AwardResult.Status.WINNER):
        nomination = result.nomination
        practice = localized.get(nomination.practice.translation_key) if nomination.practice else None
        grouped[nomination.category].append(
            PublishedResult(
                status=result.status,
                status_label=statuses.get(result.status, result.status),
                nominee_name=nomination.nominee_name,
                practice=practice if practice is not None and practice.live else None,
                distributions=distributions[nomination.pk],
            )
        )
    return [
        CategoryResults(slug, names.get(slug, slug), grouped[slug])
        for slug in sorted(grouped, key=lambda slug: (order.get(slug, len(order)), slug))
    ]


def localized_people(people: list[Person]) -> list[Person]:
    """Each person in the reader's language where a translation exists (one query), by sort name."""
    if not people:
        return []
    translations = {
        person.translation_key: person
        for person in Person.objects.filter(
            translation_key__in=[person.translation_key for person in people], locale__language_code=get_language()
        )
    }
    return sorted(
        (translations.get(person.translation_key, person) for person in people), key=lambda person: person.sort_name
    )
