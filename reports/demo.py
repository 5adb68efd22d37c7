"""Demo seeder for reports: the Panel's first report with its 22 chapters, a brief and a toolkit.

The English text is data, in `demo_content.json` beside this module; translations are in
`demo_translations/<language>.json`.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import TranslationSource

from cms.demo import SeedContext, TranslationCatalogue, has_real_translation, load, publish, translate_missing
from cms.models import Person, Theme
from reports.models import (
    ChapterContributor,
    ChapterPage,
    PolicyBriefPage,
    ReportContributor,
    ReportIndexPage,
    ReportPage,
    ToolkitPage,
)

order = 20
catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")
content = load(__file__)


def _rich(text: str) -> RichText:
    return RichText(f"<p>{text}</p>")


def _person(sort_name: str, english: Locale, affiliation: str = "IPSP") -> Person:
    family, given = (part.strip() for part in sort_name.split(",", 1))
    slug = f"{given}-{family}".lower().replace(" ", "-")
    person, _created = Person.objects.get_or_create(
        slug=slug,
        locale=english,
        defaults={"name": f"{given} {family}", "sort_name": sort_name, "affiliation": affiliation},
    )
    return person


def _themes(english: Locale, content: dict) -> dict[str, Theme]:
    return {
        theme["slug"]: Theme.objects.get_or_create(
            slug=theme["slug"], locale=english, defaults={"name": theme["name"]}
        )[0]
        for theme in content["themes"]
    }


def _figure_section(figures: dict) -> tuple:
    source = {"source_text": figures["source"], "source_url": figures["source_url"]}
    return (
        "section",
        {
            "heading": figures["heading"],
            "anchor": figures["anchor"],
            "content": [
                *(
                    ("key_figure", {"number": number, "label": label, **source})
                    for number, label in figures["key_figures"]
                ),
                ("chart", {**figures["chart"], **source}),
            ],
        },
    )


def _chapter_fields(data: dict, content: dict) -> dict:
    """The demo's summary, key messages, sections and reference of one chapter (`data`)."""
    body = [
        (
            "section",
            {"heading": content["section_headings"][anchor], "anchor": anchor, "content": [("paragraph", _rich(text))]},
        )
        for anchor, text in data["sections"].items()
    ]
    if data["number"] == content["figures_chapter"]:
        body += [_figure_section(figures) for figures in content["figure_sections"]]
    return {
        "summary": data["summary"],
        "search_description": data["summary"],
        "key_messages": [("message", message) for message in data["key_messages"]],
        "body": body,
        "references": [("reference", _rich(data["reference"]))],
    }


def _add_authors(chapter: ChapterPage, data: dict, english: Locale) -> None:
    """The chapter's coordinating lead authors, in the report's order, unless it already has authors."""
    if chapter.contributors.exists():
        return
    for author in data["coordinating_lead_authors"]:
        chapter.contributors.add(
            ChapterContributor(person=_person(author["sort_name"], english, author["affiliation"]), role="cla")
        )


def is_placeholder(chapter: ChapterPage) -> bool:
    """The chapter is still the demo's first version (the same two sections in every chapter, the
    report in figures in chapter 1, no references), which the seeder replaces with its summary;
    a chapter an editor has given references or other sections is left alone."""
    anchors = {section.value.get("anchor") for section in chapter.body}
    return not chapter.references and anchors <= {"what-we-know", "what-can-be-done", "the-report-in-figures"}


def lacks_summary(chapter: ChapterPage, locale: Locale) -> bool:
    """The chapter has no translation into `locale` yet, or one made from its placeholder text (the
    English chapter has its reference, the translation not): translating again brings it up to date,
    also after a seeding interrupted half-way."""
    translation = ChapterPage.objects.filter(
        translation_key=chapter.translation_key, locale=locale, alias_of__isnull=True
    ).first()
    return translation is None or (bool(chapter.references) and not translation.references)


def _set_themes(pairs: list[tuple[Page, dict]], themes: dict[str, Theme], context: SeedContext) -> list[Page]:
    """Give a report or brief seeded before it had a theme its demo theme (published, and the
    translation source updated so that translating again carries the theme, a synchronised field,
    into every language). Returns the pages changed, whose translations must be made again."""
    changed = []
    for page, data in pairs:
        if page.theme_id is None:
            page.theme = themes[data["theme"]]
            publish(page, context.admin)
            TranslationSource.update_or_create_from_instance(page)
            changed.append(page)
    return changed


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    index = ReportIndexPage.objects.filter(locale=english).first()
    if index is None:
        context.log("No English report index page; skipping reports.")
        return
    themes = _themes(english, content)
    created = []

    report_data = content["report"]
    report = ReportPage.objects.child_of(index).filter(slug=report_data["slug"]).first()
    if report is None:
        report = ReportPage(
            title=report_data["title"],
            subtitle=report_data["subtitle"],
            slug=report_data["slug"],
            edition_year=report_data["edition_year"],
            theme=themes[report_data["theme"]],
            publisher=report_data["publisher"],
            search_description=report_data["search_description"],
            abstract="".join(f"<p>{text}</p>" for text in report_data["abstract"]),
            volumes=[
                ("volume", {"number": volume["number"], "title": volume["title"]}) for volume in content["volumes"]
            ],
            locale=english,
        )
        for sort_name in report_data["editors"]:
            report.contributors.add(ReportContributor(person=_person(sort_name, english), role="editor"))
        index.add_child(instance=report)
        publish(report, context.admin)
        created.append(report)

    chapters = {}
    for data in content["chapters"]:
        chapter = ChapterPage.objects.child_of(report).filter(number=data["number"]).first()
        if chapter is None:
            chapter = ChapterPage(
                title=data["title"],
                slug=f"chapter-{data['number']}",
                number=data["number"],
                volume=data["volume"],
                locale=english,
                **_chapter_fields(data, content),
            )
            _add_authors(chapter, data, english)
            report.add_child(instance=chapter)
            publish(chapter, context.admin)
            created.append(chapter)
        elif is_placeholder(chapter):
            # Seeded before the chapters had their summaries: replace the placeholder text, and bring
            # the translation source up to date so that translating again carries the new text.
            for name, value in _chapter_fields(data, content).items():
                setattr(chapter, name, value)
            _add_authors(chapter, data, english)
            publish(chapter, context.admin)
            TranslationSource.update_or_create_from_instance(chapter)
        chapters[data["number"]] = chapter

    brief_data = content["brief"]
    brief = PolicyBriefPage.objects.child_of(index).filter(slug=brief_data["slug"]).first()
    if brief is None:
        brief = PolicyBriefPage(
            title=brief_data["title"],
            slug=brief_data["slug"],
            publication_date=datetime.date.fromisoformat(brief_data["publication_date"]),
            theme=themes[brief_data["theme"]],
            summary=brief_data["summary"],
            search_description=brief_data["search_description"],
            recommendations=[
                (
                    "recommendation",
                    {
                        "identifier": item["identifier"],
                        "statement": item["statement"],
                        "rationale": _rich(item["rationale"]),
                        "audiences": item["audiences"],
                        "themes": [themes["inequality"]]
                        + ([themes["work"]] if item["identifier"] == "R2" else [])
                        + ([themes["education"]] if item["identifier"] == "R3" else []),
                        "chapters": [chapters[number] for number in item["chapters"]],
                        "practices": [],
                    },
                )
                for item in brief_data["recommendations"]
            ],
            locale=english,
        )
        index.add_child(instance=brief)
        publish(brief, context.admin)
        created.append(brief)

    toolkit_data = content["toolkit"]
    toolkit = ToolkitPage.objects.child_of(index).filter(slug=toolkit_data["slug"]).first()
    if toolkit is None:
        toolkit = ToolkitPage(
            title=toolkit_data["title"],
            slug=toolkit_data["slug"],
            introduction=toolkit_data["introduction"],
            search_description=toolkit_data["search_description"],
            steps=[
                ("step", {"title": step["title"], "body": _rich(step["body"]), "checklist": step["checklist"]})
                for step in toolkit_data["steps"]
            ],
            locale=english,
        )
        index.add_child(instance=toolkit)
        publish(toolkit, context.admin)
        created.append(toolkit)
    context.created += len(created)
    again = {page.pk for page in _set_themes([(report, report_data), (brief, brief_data)], themes, context)}

    def translated(instance: Any, locale: Locale) -> bool:
        if isinstance(instance, ChapterPage):
            return not lacks_summary(instance, locale)
        return (not isinstance(instance, Page) or instance.pk not in again) and has_real_translation(instance, locale)

    before = context.translated
    translate_missing(
        [*themes.values(), report, *chapters.values(), brief, toolkit], context, catalogue, translated=translated
    )
    context.log(f"  reports: {context.translated - before} item(s) translated")
