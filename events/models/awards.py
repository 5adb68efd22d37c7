"""The World Social Progress Awards: editions, public nominations, jury scoring and results.

The routes live in `events.awards.views`, the rules in `events.awards.services`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.blocks import RICH_TEXT_FEATURES
from cms.models import BasePage
from cms.translation import synchronised, translated
from events.blocks import AwardCategoryBlock, CriterionBlock
from events.models.common import EventMixin, EventType


def _slug_name_description(stream) -> list[tuple[str, str, str]]:
    return [(block.value["slug"], block.value["name"], block.value["description"] or "") for block in stream]


class AwardsIndexPage(BasePage):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["events.EventsIndexPage"]
    subpage_types = ["events.AwardEditionPage", "home.StandardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("awards index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = list(
            AwardEditionPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .select_related("locale")
            .order_by("-start_date", "-pk")
        )
        return context


class AwardEditionPage(RoutablePageMixin, EventMixin, BasePage):
    """One year of the Awards. `start_date` is the ceremony, held at the Forum."""

    event_type = EventType.AWARDS

    introduction = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    eligibility = RichTextField(_("eligibility"), features=RICH_TEXT_FEATURES, blank=True)
    categories = StreamField([("category", AwardCategoryBlock())], verbose_name=_("categories"))
    criteria = StreamField([("criterion", CriterionBlock())], verbose_name=_("criteria"))
    nominations_open = models.DateField(_("nominations open"))
    nominations_close = models.DateField(_("nominations close"))
    jury_deliberation = models.DateField(_("jury deliberation"), null=True, blank=True)
    forum_edition = models.ForeignKey(
        "events.ForumEditionPage",
        verbose_name=_("ceremony at the Forum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    jury = ParentalManyToManyField("cms.Person", blank=True, related_name="+", verbose_name=_("jury members"))
    jurors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="award_editions",
        verbose_name=_("jurors' accounts"),
        help_text=_("The accounts that score nominations in the admin."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("eligibility"),
        FieldPanel("categories"),
        FieldPanel("criteria"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("nominations_open"), FieldPanel("nominations_close")]),
                FieldRowPanel([FieldPanel("jury_deliberation"), FieldPanel("start_date"), FieldPanel("time_zone")]),
                FieldPanel("forum_edition"),
                FieldPanel("continent"),
            ],
            heading=_("Timeline"),
        ),
        FieldPanel("jury"),
        FieldPanel("jurors"),
        InlinePanel("results", label=_("Finalists and winners")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("eligibility"),
        index.FilterField("start_date"),
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("introduction", "eligibility", "categories", "criteria"),
        *synchronised("nominations_open", "nominations_close", "jury_deliberation", "start_date", "end_date"),
        *synchronised("continent", "time_zone", "forum_edition", "jury", "jurors", "results"),
    ]
    parent_page_types = ["events.AwardsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("award edition")

    # --- timeline ----------------------------------------------------------------------------------
    def today(self) -> datetime.date:
        """Today where the ceremony is held: the nomination window opens and closes on the venue's dates."""
        return timezone.localdate(timezone=self.zone)

    @property
    def nominations_state(self) -> str:
        """upcoming, open or closed: nominations are accepted from the opening to the closing date, both included."""
        today = self.today()
        if today < self.nominations_open:
            return "upcoming"
        if today > self.nominations_close:
            return "closed"
        return "open"

    @property
    def closing_zone_label(self) -> str:
        """The venue's time zone with its UTC offset on the closing day, e.g. "Asia/Dhaka, UTC+06:00"."""
        closing = datetime.datetime.combine(self.nominations_close, datetime.time(23, 59), tzinfo=self.zone)
        offset = closing.strftime("%z")
        return f"{self.time_zone}, UTC{offset[:3]}:{offset[3:]}"

    @property
    def scoring_closes_on(self) -> datetime.date:
        """The last day the jury may score: the deliberation, or the ceremony when no deliberation date is set."""
        return self.jury_deliberation or self.start_date

    @property
    def scoring_closed(self) -> bool:
        """After the deliberation the scores are final, and editors may see every juror's scores."""
        return self.today() > self.scoring_closes_on

    def category_list(self) -> list[tuple[str, str, str]]:
        """(slug, name, description) of each category, in this page's language."""
        return _slug_name_description(self.categories)

    def category_choices(self) -> list[tuple[str, str]]:
        return [(slug, name) for slug, name, _description in self.category_list()]

    def criteria_list(self) -> list[tuple[str, str, str]]:
        """(slug, name, description) of each published criterion, in this page's language."""
        return _slug_name_description(self.criteria)

    # --- public views (events.awards.views) -----------------------------------------------------------
    def get_context(self, request, *args, **kwargs):
        from events.awards import views

        return {**super().get_context(request, *args, **kwargs), **views.edition_context(request, self)}

    def get_context_base(self, request) -> dict:
        """The plain page context: the nomination form needs none of the results."""
        return {**super().get_context(request), "nominations_state": self.nominations_state}

    @path("nominate/", name="nominate")
    def nominate(self, request):
        from events.awards import views

        return views.nominate(request, self)

    @path("nominate/thanks/", name="nominate_thanks")
    def nominate_thanks(self, request):
        from events.awards import views

        return views.nominate_thanks(request, self)


class Nomination(models.Model):
    """A public nomination, kept as submitted; editors and the jury review it in the admin."""

    class NomineeType(models.TextChoices):
        PRACTICE = "practice", _("A practice")
        ORGANISATION = "organisation", _("An organisation")
        PERSON = "person", _("A person")

    edition = models.ForeignKey(AwardEditionPage, on_delete=models.CASCADE, related_name="nominations")
    translation_key = models.UUIDField(db_index=True)
    category = models.CharField(_("category"), max_length=40)
    nominee_type = models.CharField(_("nominee"), max_length=20, choices=NomineeType.choices)
    nominee_name = models.CharField(_("name of the nominee"), max_length=200)
    practice = models.ForeignKey(
        "practices.PracticePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    justification = models.TextField(_("justification"), max_length=4000)
    links = models.TextField(_("links"), blank=True, help_text=_("One address per line."))
    nominator_name = models.CharField(_("your name"), max_length=200)
    nominator_email = models.EmailField(_("your e-mail address"))
    language = models.CharField(_("language"), max_length=10)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.nominee_name


class ConflictOfInterest(models.Model):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="conflicts")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    explanation = models.TextField(_("explanation"), blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [models.UniqueConstraint(fields=["nomination", "juror"], name="one_conflict_per_juror")]

    def __str__(self) -> str:
        return f"{self.juror} / {self.nomination}"


class JuryScore(models.Model):
    """One juror's score for one nomination against one published criterion (1 to 5)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    criterion = models.CharField(_("criterion"), max_length=40)
    score = models.PositiveSmallIntegerField(_("score"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    submitted_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("jury score")
        verbose_name_plural = _("jury scores")
        constraints = [
            models.UniqueConstraint(fields=["nomination", "juror", "criterion"], name="one_score_per_criterion")
        ]

    def __str__(self) -> str:
        return f"{self.nomination}: {self.criterion} = {self.score}"


class AwardResult(Orderable):
    """A finalist or winner, published on the edition page with the jury's anonymised scores."""

    class Status(models.TextChoices):
        FINALIST = "finalist", _("Finalist")
        WINNER = "winner", _("Winner")

    page = ParentalKey(AwardEditionPage, on_delete=models.CASCADE, related_name="results")
    nomination = models.ForeignKey(Nomination, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)

    panels = [FieldPanel("nomination"), FieldPanel("status")]

    class Meta(Orderable.Meta):
        verbose_name = _("finalist or winner")
