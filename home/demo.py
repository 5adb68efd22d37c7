"""Demo seeder for the home tree: the home page and the about/contact/legal pages, in 10 languages."""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings
from wagtail.models import Locale
from wagtail.rich_text import RichText

from cms.demo import SeedContext, TranslationCatalogue, load, publish, translate_missing
from home.models import HomePage, StandardPage

order = 10
catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")
content = load(__file__)

PAGE_MODELS = {
    "standard": "home.StandardPage",
    "reports": "reports.ReportIndexPage",
    "practices": "practices.PracticeIndexPage",
    "take_part": "community.TakePartPage",
}


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _body(blocks: list[tuple[str, str]]) -> list[tuple[str, object]]:
    body = []
    for kind, text in blocks:
        if kind == "heading":
            body.append(("heading", {"text": text, "level": "h2"}))
        elif kind == "paragraph":
            body.append(("paragraph", RichText(f"<p>{text}</p>")))
        elif kind == "quote":
            body.append(("quote", {"text": text, "attribution": ""}))
    return body


def _home_is_pristine(home: HomePage) -> bool:
    """True for the empty home page the migration made; never for one an editor has saved."""
    return not home.hero_intro and not home.revisions.exists()


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=english, depth=2).first()
    if home is None:
        context.log("No English home page found (did migrations run?); skipping the home tree.")
        return
    home_content = content["home"]
    fill_home = _home_is_pristine(home)
    if fill_home:
        home.title = home_content["title"]
        home.hero_heading = home_content["hero_heading"]
        home.hero_intro = home_content["hero_intro"]
        home.mission_heading = home_content["mission_heading"]
        home.mission = _paragraphs(home_content["mission"])
        home.search_description = home_content["search_description"]
        # The flagship report is left to choose itself (the newest report: the reports seed later).
        home.key_messages = [("message", message) for message in home_content["key_messages"]]
        publish(home, context.admin)
        context.created += 1
    context.pages["home"] = home

    for spec in content["pages"]:
        parent = context.pages[spec["parent"]]
        existing = parent.get_children().filter(slug=spec["slug"]).first()
        if existing is not None:
            context.pages[spec["key"]] = existing.specific
            continue
        model = apps.get_model(PAGE_MODELS[spec["type"]])
        page = model(
            title=spec["title"],
            slug=spec["slug"],
            introduction=spec["introduction"],
            search_description=spec["search_description"],
            show_in_menus=spec.get("show_in_menus", False),
            locale=english,
        )
        if isinstance(page, StandardPage):
            page.body = _body(spec.get("body", []))
            page.show_in_footer = spec.get("show_in_footer", False)
        parent.add_child(instance=page)
        publish(page, context.admin)
        context.pages[spec["key"]] = page
        context.created += 1

    translate_missing([home] + [context.pages[spec["key"]] for spec in content["pages"]], context, catalogue)
