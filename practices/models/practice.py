"""A practice: an inspiring initiative, described in a fixed structure and reviewed by experts."""

from __future__ import annotations

from collections.abc import Sequence

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.http import Http404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from cms import geography, maps
from cms.blocks import RICH_TEXT_FEATURES, ImageBlock, KeyFigureBlock
from cms.models import BasePage, Country, ExpertReview, Theme
from cms.models.reviews import CRITERIA, ExpertReviewRequiredMixin, approved_review_exists
from cms.page_forms import LocaleThemesPageForm
from cms.sharing.mixins import ShareKitMixin
from cms.sql import TableSQL
from cms.translation import synchronised, translated
from practices.blocks import IndicatorBlock, OrganisationBlock, ResourceStreamBlock
from practices.models.taxonomy import Keyword, SustainableDevelopmentGoal, practice_terms


class Scale(models.TextChoices):
    LOCAL = "local", _("Local")
    SUBNATIONAL = "subnational", _("Subnational")
    NATIONAL = "national", _("National")
    MULTINATIONAL = "multinational", _("Multinational")
    GLOBAL = "global", _("Global")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")


class ActorType(models.TextChoices):
    PUBLIC = "public", _("Public authority")
    CIVIL_SOCIETY = "civil-society", _("Civil society")
    BUSINESS = "business", _("Business")
    COMMUNITY = "community", _("Community")
    ACADEMIC = "academic", _("Academic")


# The body of a practice, in the order visitors read it: (field, heading).
SECTIONS = [
    ("problem", _("The problem")),
    ("approach", _("The approach")),
    ("results", _("Results and evidence")),
    ("lessons", _("Lessons learned")),
    ("adaptation", _("How to adapt it elsewhere")),
]


# The many-to-many links a practice page shows in the reader's language (`practice_terms`).
LINKS = ("themes", "sdgs", "keywords")


class PracticePageForm(LocaleThemesPageForm):
    """Offers the themes and keywords of the practice's language (and the keywords it already has), not
    all ten languages'."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "keywords" in self.fields and self.instance.locale_id:
            # The keywords it has, read once: the widget shows these same rows as its value.
            chosen = [keyword.pk for keyword in self.initial.get("keywords", [])] if self.instance.pk else []
            self.fields["keywords"].queryset = Keyword.objects.filter(
                Q(locale_id=self.instance.locale_id) | Q(pk__in=chosen)
            )


def _rich_text(label):
    return RichTextField(label, features=RICH_TEXT_FEATURES, blank=True)


class PracticePage(ShareKitMixin, ExpertReviewRequiredMixin, BasePage):
    """An inspiring practice. Public only once it has passed expert review (`cms.models.reviews`)."""

    summary = models.TextField(_("summary"), max_length=1500, help_text=_("One paragraph: what it is, where."))
    # The headline numbers, shown at a glance; the measured results in detail are `indicators`.
    key_figures = StreamField(
        [("key_figure", KeyFigureBlock())],
        blank=True,
        max_num=3,
        verbose_name=_("key figures"),
        help_text=_("Up to three numbers that matter, each exactly as its published source gives it."),
    )
    problem = _rich_text(_("the problem"))
    approach = _rich_text(_("the approach"))
    results = _rich_text(_("results and evidence"))
    indicators = StreamField([("indicator", IndicatorBlock())], blank=True, verbose_name=_("indicators"))
    lessons = _rich_text(_("lessons learned"))
    adaptation = _rich_text(_("how to adapt it elsewhere"))
    resources = StreamField(ResourceStreamBlock(), blank=True, verbose_name=_("resources"))
    images = StreamField([("image", ImageBlock())], blank=True, verbose_name=_("images"))
    organisations = StreamField([("organisation", OrganisationBlock())], blank=True, verbose_name=_("organisations"))

    countries = ParentalManyToManyField(
        "cms.Country", blank=True, related_name="practices", verbose_name=_("countries")
    )
    themes = ParentalManyToManyField("cms.Theme", related_name="practices", verbose_name=_("themes"))
    sdgs = ParentalManyToManyField(
        SustainableDevelopmentGoal,
        blank=True,
        related_name="practices",
        verbose_name=_("Sustainable Development Goals"),
    )
    keywords = ParentalManyToManyField(
        Keyword,
        blank=True,
        related_name="practices",
        verbose_name=_("keywords"),
        help_text=_("Keywords of this language; translators translate them under Snippets › Keywords."),
    )
    scale = models.CharField(_("scale"), max_length=20, choices=Scale.choices)
    # Blank when the source does not say (an import): shown as "not given", never guessed.
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE, blank=True)
    actor_type = models.CharField(_("type of actor"), max_length=20, choices=ActorType.choices)
    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, validators=[MinValueValidator(1800), MaxValueValidator(2100)]
    )
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Never shown publicly; members' messages are relayed to it.")
    )
    external_id = models.CharField(
        _("external identifier"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("Identifier in an imported file; re-importing the file updates this practice."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("key_figures"),
        MultiFieldPanel(
            [FieldPanel(name) for name, _heading in SECTIONS[:3]]
            + [FieldPanel("indicators")]
            + [FieldPanel(name) for name, _heading in SECTIONS[3:]],
            heading=_("Body"),
        ),
        FieldPanel("organisations"),
        FieldPanel("images"),
        FieldPanel("resources"),
    ]
    classification_panels = [
        FieldPanel("countries"),
        FieldRowPanel([FieldPanel("scale"), FieldPanel("status"), FieldPanel("actor_type"), FieldPanel("start_year")]),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sdgs", widget=forms.CheckboxSelectMultiple),
        FieldPanel("keywords", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("external_id")],
            heading=_("Contact"),
        ),
    ]
    review_panels = [
        HelpPanel(template="practices/admin/review_history_panel.html", heading=_("Expert reviews")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(classification_panels, heading=_("Classification")),
            ObjectList(BasePage.promote_panels, heading=_("Promote")),
            ObjectList(review_panels, heading=_("Expert review")),
        ]
    )

    # Title (boost 2, from Wagtail's Page) above what says what and where the practice is, above
    # the body; places and themes are found by the names readers use, in their language.
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=1.5),
        *[index.SearchField(name) for name, _heading in SECTIONS],
        index.SearchField("organisations", boost=1.5),
        index.SearchField("search_places", boost=1.5),
        index.SearchField("search_themes", boost=1.5),
        index.SearchField("search_keywords", boost=1.5),
        index.FilterField("scale"),
        index.FilterField("status"),
        index.FilterField("actor_type"),
        index.AutocompleteField("title"),
    ]
    # The prose (and the choice of document or image per language) is translated; what is a fact
    # about the practice is the same in every language and follows the source on every sync.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("summary", *[name for name, _heading in SECTIONS], "indicators", "resources", "images"),
        *translated("key_figures", "organisations"),
        *synchronised("countries", "themes", "sdgs", "keywords", "scale", "status", "actor_type", "start_year"),
        *synchronised("website", "contact_name", "contact_email", "external_id"),
    ]
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types: list[str] = []
    base_form_class = PracticePageForm

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    @property
    def description(self) -> str:
        return self.search_description or self.summary

    @classmethod
    def get_indexed_objects(cls):
        """What the search fields read, loaded with the practices (a bulk re-index or import reads
        thousands): the locale, an alias's original, countries, themes and keywords."""
        return (
            super()
            .get_indexed_objects()
            .select_related("locale", "alias_of__locale")
            .prefetch_related("countries", "themes", "keywords")
        )

    def search_places(self) -> str:
        """Country, sub-region and region names ("Colombia", "Latin America and the Caribbean",
        "Americas") in every language the page is read in, for search."""
        countries = [(country.code, country.subregion) for country in self.countries.all()]
        return " · ".join(geography.place_names(countries, self.search_languages()))

    def search_themes(self) -> str:
        """The themes' names in every language the page is read in, for search."""
        slugs = [theme.slug for theme in self.themes.all()]
        if not slugs:
            return ""
        names = Theme.objects.filter(slug__in=slugs, locale__language_code__in=self.search_languages())
        return " · ".join(dict.fromkeys(names.values_list("name", flat=True)))

    def search_keywords(self) -> str:
        """The keywords' names in every language the page is read in (and as linked), for search."""
        linked = list(self.keywords.all())
        if not linked:
            return ""
        names = Keyword.objects.filter(
            slug__in=[keyword.slug for keyword in linked], locale__language_code__in=self.search_languages()
        ).values_list("name", flat=True)
        return " · ".join(dict.fromkeys([*names, *(keyword.name for keyword in linked)]))

    def get_regions(self) -> list[str]:
        return geography.regions_of(country.code for country in self.countries.all())

    @property
    def expert_review_history(self):
        """Every expert decision on this practice, in any of its languages, newest first."""
        return ExpertReview.objects.filter(translation_key=self.translation_key)

    def serve(self, request, *args, **kwargs):
        # Belt and braces: publishing is refused without a passed review (ExpertReviewRequiredMixin), and a
        # practice whose review record is missing is still never shown.
        if not self.shared_context(request)["reviewed"]:
            raise Http404
        return super().serve(request, *args, **kwargs)

    def shared_context(self, request) -> dict:
        """What every reader of the page sees beside the page's own fields: its reviews, places,
        terms and related practices, and what other apps add (the `practice_page_content` hook),
        kept until any content changes (`readers_context`); read once per request."""
        if "_shared_context" not in self.__dict__:
            index_url = self._index_url(request)
            self._shared_context = self.readers_context(
                request, "practice", lambda: self._compute_shared_context(request, index_url), index_url
            )
        return self._shared_context

    def _compute_shared_context(self, request, index_url: str | None) -> dict:
        language = self.locale.language_code
        countries = list(self.countries.all())
        terms = practice_terms(self.locale, *self._linked_terms(request))
        reviews = list(
            ExpertReview.objects.approved()
            .filter(translation_key=self.translation_key)
            .only("created_at", "reviewer_name", "name_publicly", "imported_from")
        )
        regions = geography.regions_of(country.code for country in countries)
        # A review recorded by an import is the importer's word, not the Panel's experts': it says so.
        by_experts = [review for review in reviews if not review.imported_from]
        shared = {
            "reviewed": bool(reviews),
            "countries": [(c.code, geography.country_name(c.code, language)) for c in countries],
            "regions": [(code, geography.region_name(code, language)) for code in regions],
            "themes": terms.themes,
            "goals": terms.goals,
            "keywords": terms.keywords,
            "reviewed_at": max((review.created_at for review in by_experts), default=None),
            "reviewers": sorted({review.reviewer_name for review in by_experts if review.name_publicly}),
            "imported_reviews": sorted(
                {(review.reviewer_name, review.imported_from) for review in reviews if review.imported_from}
            ),
            "index_url": index_url,
            # From the committed shapes, cropped once per set of countries in the process: no query.
            "locator": maps.locator(
                [country.code for country in countries],
                title=lambda names: gettext("Located in %(places)s") % {"places": names},
                url=lambda code: f"{index_url}?country={code}",
                label=lambda name: gettext("Practices in %(country)s") % {"country": name},
                language=language,
            ),
            "related": self.related_practices(terms.theme_slugs, [c.region for c in countries]),
        }
        # Other apps add to what every reader sees without practices importing them: the community
        # app answers with the recognized voices on these themes and the "adapted elsewhere" reports.
        for extend in hooks.get_hooks("practice_page_content"):
            shared.update(extend(self, shared))
        return shared

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.shared_context(request))
        context.update(
            {
                "sections": [(name, heading, getattr(self, name)) for name, heading in SECTIONS],
                "criteria": [label for _name, label in CRITERIA],
                "lead_organisations": [b.value for b in self.organisations if b.value["role"] == "lead"],
                "partners": [b.value for b in self.organisations if b.value["role"] != "lead"],
            }
        )
        # ...and what this visitor may do: the "I want to adapt this" form for members.
        for extend in hooks.get_hooks("practice_page_context"):
            context.update(extend(self, request, context))
        return context

    def _linked_terms(self, request) -> tuple:
        """The ids of the linked themes, the numbers of the linked goals and the ids of the linked
        keywords: subqueries of the saved links, or as edited when previewing (a draft's links are
        not saved yet)."""
        if getattr(request, "is_preview", False):
            return (
                [theme.pk for theme in self.themes.all()],
                [goal.number for goal in self.sdgs.all()],
                [keyword.pk for keyword in self.keywords.all()],
            )
        links = {name: getattr(PracticePage, name).through.objects.filter(practicepage_id=self.pk) for name in LINKS}
        return (
            links["themes"].values("theme_id"),
            links["sdgs"].values("sustainabledevelopmentgoal__number"),
            links["keywords"].values("keyword_id"),
        )

    def _index_url(self, request) -> str | None:
        """The practice index's URL: a practice's parent is always the index (`parent_page_types`),
        so its URL is the practice's without the last segment (no query for the parent)."""
        url = self.get_url(request)
        return url[: url.rstrip("/").rfind("/") + 1] if url else self.get_parent().get_url(request)

    def related_practices(self, theme_slugs: list[str], regions: list[str], limit: int = 3):
        """Other reviewed practices in this language ranked by shared themes (matched by slug, which
        every translation of a theme shares), then shared region. A fallback (an alias) is read with
        its original's language, so the listing asks no more (`cms_tags.item_language`).

        Each count is a subquery over one many-to-many table (not two joins multiplied together
        and counted distinct), so the query stays quick with thousands of practices; the three are
        written as SQL (`_RelatedSQL`), which Django's subquery expressions cost 5 ms of Python to
        build and compile on every practice page (issue 17)."""
        return list(
            PracticePage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .filter(_SharesThemeOrRegion(theme_slugs, regions))
            .filter(approved_review_exists())
            .annotate(
                shared_themes=_SharedThemes(theme_slugs),
                shared_regions=_SharedRegions(regions),
                original_language=F("alias_of__locale__language_code"),
            )
            .order_by("-shared_themes", "-shared_regions", "title")
            .only(
                "id", "title", "url_path", "path", "depth", "locale_id", "alias_of_id", "summary", "search_description"
            )[:limit]
        )


class _RelatedSQL(TableSQL):
    """SQL over a practice's theme and country links, given the theme slugs and regions to match
    (`related_practices`): `%(slugs)s` and `%(regions)s` in `template` become one parameter per
    value, in that order (each list at most once); an empty list matches nothing."""

    tables = {
        "practices": PracticePage,
        "theme_links": PracticePage.themes.through,
        "themes": Theme,
        "place_links": PracticePage.countries.through,
        "countries": Country,
    }
    # The pages linking one of the themes, and the pages of a country in one of the regions.
    THEME_LINKS = (
        "SELECT tl.practicepage_id FROM %(theme_links)s tl INNER JOIN %(themes)s th ON th.id = tl.theme_id"
        " WHERE th.slug IN (%(slugs)s)"
    )
    PLACE_LINKS = (
        "SELECT pl.practicepage_id FROM %(place_links)s pl INNER JOIN %(countries)s co ON co.code = pl.country_id"
        " WHERE co.region IN (%(regions)s)"
    )

    def __init__(self, slugs: Sequence[str] = (), regions: Sequence[str] = ()) -> None:
        super().__init__()
        self.slugs, self.regions = tuple(slugs), tuple(regions)

    def as_sql(self, compiler, connection, **extra_context):
        params: list[str] = []
        for name in ("slugs", "regions"):
            values = getattr(self, name)
            if f"%({name})s" in self.template:
                extra_context[name] = ", ".join(["%s"] * len(values)) or "NULL"
                params.extend(values)
        sql, _params = super().as_sql(compiler, connection, **extra_context)
        return sql, params


class _SharesThemeOrRegion(_RelatedSQL):
    """True for a practice that links one of the themes or is in one of the regions: two
    uncorrelated subqueries PostgreSQL reads once (hashed), so only those pages are counted."""

    output_field = models.BooleanField()
    template = (
        f"(%(practices)s.page_ptr_id IN ({_RelatedSQL.THEME_LINKS})"
        f" OR %(practices)s.page_ptr_id IN ({_RelatedSQL.PLACE_LINKS}))"
    )


class _SharedThemes(_RelatedSQL):
    """How many of the themes a practice links: a page links a theme once (the link table is
    unique), so its rows are its shared themes."""

    output_field = models.IntegerField()
    template = (
        "(SELECT COUNT(*) FROM %(theme_links)s tl INNER JOIN %(themes)s th ON th.id = tl.theme_id"
        " WHERE tl.practicepage_id = %(practices)s.page_ptr_id AND th.slug IN (%(slugs)s))"
    )

    def __init__(self, slugs: Sequence[str]) -> None:
        super().__init__(slugs=slugs)


class _SharedRegions(_RelatedSQL):
    """How many of the regions a practice's countries are in."""

    output_field = models.IntegerField()
    template = (
        "(SELECT COUNT(DISTINCT co.region) FROM %(place_links)s pl INNER JOIN %(countries)s co"
        " ON co.code = pl.country_id WHERE pl.practicepage_id = %(practices)s.page_ptr_id"
        " AND co.region IN (%(regions)s))"
    )

    def __init__(self, regions: Sequence[str]) -> None:
        super().__init__(regions=regions)
