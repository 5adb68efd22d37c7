"""Demo seeder for practices: the Panel's themes and the practices' keywords in ten languages, and 38
real, documented practices.

Each practice is published only after an expert review is recorded, as the workflow would: the
approving demo expert always comes from a world region other than the practice's own. Six
practices are translated into every other language through wagtail-localize.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms import geography
from cms.demo import SeedContext, TranslationCatalogue, load, other_locales, publish, translate_missing
from cms.models import Country, ExpertReview, Theme
from cms.roles import EXPERT_REVIEWERS
from practices.keyword_data import KEYWORDS
from practices.models import Keyword, PracticeIndexPage, PracticePage, SustainableDevelopmentGoal
from practices.models.practice import SECTIONS
from practices.taxonomy_data import THEMES

order = 30
catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")
content = load(__file__)


def seed_themes(context: SeedContext, english: Locale) -> dict[str, Theme]:
    """The Panel's themes, each in English and (as a wagtail-localize translation) every other language."""
    return _seed_named(context, english, Theme, THEMES)


def seed_keywords(context: SeedContext, english: Locale) -> dict[str, Keyword]:
    """The demo practices' keywords (by English name), translated into every other language."""
    by_slug = _seed_named(context, english, Keyword, {slugify(name): names for name, names in KEYWORDS.items()})
    return {name: by_slug[slugify(name)] for name in KEYWORDS}


def _seed_named(context: SeedContext, english: Locale, model, rows: dict[str, dict[str, str]]) -> dict:
    """{slug: English row} of a translatable taxonomy with `slug` and `name`, translated into every language."""
    created_rows = {}
    for slug, names in rows.items():
        row, created = model.objects.get_or_create(slug=slug, locale=english, defaults={"name": names["en"]})
        context.created += created
        created_rows[slug] = row
        for locale in other_locales(context):
            if not model.objects.filter(translation_key=row.translation_key, locale=locale).exists():
                translation = row.copy_for_translation(locale)
                translation.name = names[locale.language_code]
                translation.save()
                context.translated += 1
    return created_rows


def _reviewer_for(regions: list[str], reviewers: list) -> object:
    """The first demo expert whose region is not one of the practice's."""
    for reviewer in reviewers:
        if reviewer.region and reviewer.region not in regions:
            return reviewer
    return reviewers[0]


def _record_review(page: PracticePage, reviewer, number: int) -> None:
    ExpertReview.objects.create(
        page=page,
        translation_key=page.translation_key,
        revision=page.get_latest_revision(),
        reviewer=reviewer,
        reviewer_name=reviewer.get_full_name() or reviewer.get_username(),
        reviewer_region=reviewer.region,
        decision=ExpertReview.Decision.APPROVED,
        evidence="meets",
        relevance="meets",
        adaptability="meets" if number % 3 else "partly",
        participation="meets" if number % 2 else "partly",
        assessment="Well documented by public sources; relevant and adaptable. (Demo review.)",
        name_publicly=number % 2 == 0,
    )


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    themes = seed_themes(context, english)
    keywords = seed_keywords(context, english)
    index = PracticeIndexPage.objects.filter(locale=english).first()
    if index is None:
        context.log("No English practice index page; skipping practices.")
        return
    reviewers = list(
        get_user_model().objects.filter(groups__name=EXPERT_REVIEWERS).exclude(region="").order_by("username")
    )
    goals = {goal.number: goal for goal in SustainableDevelopmentGoal.objects.filter(locale=english)}
    countries = {country.code: country for country in Country.objects.all()}
    to_translate = []
    for number, data in enumerate(content["practices"]):
        page = PracticePage.objects.child_of(index).filter(external_id=data["external_id"]).first()
        if page is None:
            page = PracticePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                key_figures=_key_figures(data),
                **{name: f"<p>{escape(data[name])}</p>" for name, _heading in SECTIONS},
                organisations=[
                    ("organisation", {"name": name, "role": role, "website": ""})
                    for role, name in data["organisations"]
                ],
                scale=data["scale"],
                status=data["status"],
                actor_type=data["actor_type"],
                start_year=data["start_year"],
                website=data["website"],
                external_id=data["external_id"],
                locale=english,
            )
            page.countries = [countries[code] for code in data["countries"]]
            page.themes = [themes[slug] for slug in data["themes"]]
            page.sdgs = [goals[goal] for goal in data["sdgs"]]
            page.keywords = [keywords[name] for name in data["keywords"]]
            index.add_child(instance=page)
            page.save_revision(user=context.admin)
            if reviewers:
                regions = geography.regions_of(data["countries"])
                _record_review(page, _reviewer_for(regions, reviewers), number)
                publish(page, context.admin)  # without a review a practice cannot be published
            context.created += 1
        else:
            add_key_figures(page, data, context)
        if data["translated"]:
            to_translate.append(page)
    translate_missing(to_translate, context, catalogue)
    seed_recommendation_links(context, english)


def _key_figures(data: dict) -> list[tuple]:
    return [
        ("key_figure", {"number": number, "label": label, "year": year, "source_text": source, "source_url": url})
        for number, label, year, source, url in data.get("key_figures", [])
    ]


def add_key_figures(page: PracticePage, data: dict, context: SeedContext) -> None:
    """Give a practice seeded before key figures existed the demo's figures, in English and in its
    translations (a page with figures, or with an editor's unpublished draft, is left alone)."""
    figures = _key_figures(data)
    if not figures or page.key_figures or page.has_unpublished_changes:
        return
    page.key_figures = figures
    publish(page, context.admin)  # the fallback aliases in other languages follow on publish
    context.log(f"Key figures added to {page.title}.")
    source, _created = TranslationSource.update_or_create_from_instance(page)
    segments = StringSegment.objects.filter(source=source, context__path__startswith="key_figures.").select_related(
        "string", "context"
    )
    for translation in Translation.objects.filter(source=source, enabled=True).select_related("target_locale"):
        locale = translation.target_locale
        strings = catalogue.for_language(locale.language_code)
        for segment in segments:
            # A translator's own wording of a figure, if there is one, is kept.
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": strings[segment.string.data],
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        translation.save_target(user=context.admin, publish=True)
        context.translated += 1


# Practices that put the demo brief's recommendations into practice (brief slug, identifier, practice slug).
RECOMMENDATION_LINKS = (
    ("reducing-inequality", "R1", "bolsa-familia"),
    ("reducing-inequality", "R1", "ghana-leap-cash-transfers"),
    ("reducing-inequality", "R3", "progresa-oportunidades"),
)


def seed_recommendation_links(context: SeedContext, english: Locale) -> None:
    from reports.models import PolicyBriefPage, RecommendationPractice

    briefs = {page.slug: page for page in PolicyBriefPage.objects.filter(locale=english)}
    practices = {page.slug: page for page in PracticePage.objects.filter(locale=english)}
    for brief_slug, identifier, practice_slug in RECOMMENDATION_LINKS:
        brief, practice = briefs.get(brief_slug), practices.get(practice_slug)
        if brief is None or practice is None:
            continue
        _link, created = RecommendationPractice.objects.get_or_create(
            publication=brief.page_ptr, identifier=identifier, practice=practice
        )
        context.created += int(created)
