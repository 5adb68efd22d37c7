"""Demo seeder for reports: the Panel's first report with its 22 chapters, a brief and a toolkit."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText
from wagtail_localize.models import TranslationSource

from cms.demo import SeedContext, TranslationCatalogue, has_real_translation, other_locales, publish, translate
from cms.models import Person, Theme
from reports import demo_content as content
from reports.models import (
    ChapterPage,
    PolicyBriefPage,
    ReportContributor,
    ReportIndexPage,
    ReportPage,
    ToolkitPage,
)

order = 20
catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")


def _rich(text: str) -> RichText:
    return RichText(f"<p>{text}</p>")


def _person(sort_name: str, english: Locale) -> Person:
    family, given = (part.strip() for part in sort_name.split(",", 1))
    slug = f"{given}-{family}".lower().replace(" ", "-")
    person, _created = Person.objects.get_or_create(
        slug=slug,
        locale=english,
        defaults={"name": f"{given} {family}", "sort_name": sort_name, "affiliation": "IPSP"},
    )
    return person


def _themes(english: Locale) -> dict[str, Theme]:
    return {
        slug: Theme.objects.get_or_create(slug=slug, locale=english, defaults={"name": name})[0]
        for slug, name in content.THEMES
    }


def _figures_section() -> tuple:
    figures = content.FIGURES_SECTION
    source = figures["source"]
    return (
        "section",
        {
            "heading": figures["heading"],
            "anchor": figures["anchor"],
            "content": [
                *(
                    ("key_figure", {"number": number, "label": label, "source_text": source, "source_url": ""})
                    for number, label in figures["key_figures"]
                ),
                ("chart", {**figures["chart"], "source_text": source, "source_url": ""}),
            ],
        },
    )


def add_figures(chapter: ChapterPage, context: SeedContext) -> bool:
    """Give the chapter "the report in figures" when it has only the demo's two sections (a database
    seeded before the section existed); a chapter an editor changed is left alone. True when the
    chapter changed."""
    anchors = [section.value.get("anchor") for section in chapter.body]
    if anchors != ["what-we-know", "what-can-be-done"]:
        return False
    chapter.body.append(_figures_section())
    publish(chapter, context.admin)
    return True


def lacks_figures(chapter: ChapterPage, locale: Locale) -> bool:
    """The chapter has the figures in English but its translation into `locale` does not yet."""
    translated = ChapterPage.objects.filter(
        translation_key=chapter.translation_key, locale=locale, alias_of__isnull=True
    ).first()
    anchor = content.FIGURES_SECTION["anchor"]
    has = [anchor in {section.value.get("anchor") for section in page.body} for page in (chapter, translated) if page]
    return len(has) == 2 and has[0] and not has[1]


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
    themes = _themes(english)
    created = []

    report = ReportPage.objects.child_of(index).filter(slug=content.REPORT["slug"]).first()
    if report is None:
        report = ReportPage(
            title=content.REPORT["title"],
            subtitle=content.REPORT["subtitle"],
            slug=content.REPORT["slug"],
            edition_year=content.REPORT["edition_year"],
            theme=themes[content.REPORT["theme"]],
            publisher=content.REPORT["publisher"],
            search_description=content.REPORT["search_description"],
            abstract="".join(f"<p>{text}</p>" for text in content.REPORT["abstract"]),
            volumes=[("volume", {"number": number, "title": title}) for number, title in content.VOLUMES],
            locale=english,
        )
        for sort_name in content.REPORT["editors"]:
            report.contributors.add(ReportContributor(person=_person(sort_name, english), role="editor"))
        index.add_child(instance=report)
        publish(report, context.admin)
        created.append(report)

    chapters = {}
    for number, volume, title, summary in content.CHAPTERS:
        chapter = ChapterPage.objects.child_of(report).filter(number=number).first()
        if chapter is None:
            chapter = ChapterPage(
                title=title,
                slug=f"chapter-{number}",
                number=number,
                volume=volume,
                summary=summary,
                search_description=summary,
                key_messages=[("message", message) for message in content.KEY_MESSAGES],
                body=[
                    (
                        "section",
                        {
                            "heading": heading,
                            "anchor": ["what-we-know", "what-can-be-done"][position],
                            "content": [("paragraph", _rich(content.SECTION_TEXT[heading]))],
                        },
                    )
                    for position, heading in enumerate(content.SECTION_HEADINGS)
                ],
                locale=english,
            )
            report.add_child(instance=chapter)
            publish(chapter, context.admin)
            created.append(chapter)
        chapters[number] = chapter
    figures_chapter = chapters[content.FIGURES_CHAPTER]
    add_figures(figures_chapter, context)

    brief = PolicyBriefPage.objects.child_of(index).filter(slug=content.BRIEF["slug"]).first()
    if brief is None:
        brief = PolicyBriefPage(
            title=content.BRIEF["title"],
            slug=content.BRIEF["slug"],
            publication_date=datetime.date.fromisoformat(content.BRIEF["publication_date"]),
            theme=themes[content.BRIEF["theme"]],
            summary=content.BRIEF["summary"],
            search_description=content.BRIEF["search_description"],
            recommendations=[
                (
                    "recommendation",
                    {
                        "identifier": identifier,
                        "statement": statement,
                        "rationale": _rich(rationale),
                        "audiences": audiences,
                        "themes": [themes["inequality"]]
                        + ([themes["work"]] if identifier == "R2" else [])
                        + ([themes["education"]] if identifier == "R3" else []),
                        "chapters": [chapters[number] for number in chapter_numbers],
                        "practices": [],
                    },
                )
                for identifier, statement, rationale, audiences, chapter_numbers in content.BRIEF["recommendations"]
            ],
            locale=english,
        )
        index.add_child(instance=brief)
        publish(brief, context.admin)
        created.append(brief)

    toolkit = ToolkitPage.objects.child_of(index).filter(slug=content.TOOLKIT["slug"]).first()
    if toolkit is None:
        toolkit = ToolkitPage(
            title=content.TOOLKIT["title"],
            slug=content.TOOLKIT["slug"],
            introduction=content.TOOLKIT["introduction"],
            search_description=content.TOOLKIT["search_description"],
            steps=[
                ("step", {"title": title, "body": _rich(body), "checklist": checklist})
                for title, body, checklist in content.TOOLKIT["steps"]
            ],
            locale=english,
        )
        index.add_child(instance=toolkit)
        publish(toolkit, context.admin)
        created.append(toolkit)
    context.created += len(created)
    rethemed = _set_themes([(report, content.REPORT), (brief, content.BRIEF)], themes, context)

    tree = [*themes.values(), report, *chapters.values(), brief, toolkit]
    for locale in other_locales(context):
        done = 0
        for instance in tree:
            refresh = instance is figures_chapter and lacks_figures(figures_chapter, locale)
            if refresh:
                # translate() reuses the chapter's source: bring it up to date with the figures first.
                TranslationSource.update_or_create_from_instance(figures_chapter)
            if refresh or instance in rethemed or not has_real_translation(instance, locale):
                translate(instance, locale, catalogue, user=context.admin)
                done += 1
        context.translated += done
        context.log(f"  reports {locale.language_code}: {done} item(s) translated")
