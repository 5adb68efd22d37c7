"""Demo seeder for the news stream: the index in every language, six items, three of them translated."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.utils.html import escape
from wagtail.models import Locale

from cms.demo import SeedContext, TranslationCatalogue, has_real_translation, other_locales, publish, translate
from cms.models import Country, Theme
from home.models import HomePage
from news import demo_content as content
from news.models import NewsIndexPage, NewsPage
from practices.models import PracticePage

order = 40
catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        context.log("No English home page; skipping news.")
        return
    index = NewsIndexPage.objects.child_of(home).first()
    if index is None:
        index = NewsIndexPage(
            title=content.INDEX["title"],
            slug=content.INDEX["slug"],
            introduction=content.INDEX["introduction"],
            show_in_menus=True,
            locale=english,
        )
        home.add_child(instance=index)
        publish(index, context.admin)
        context.created += 1
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=english)}
    practices = {page.slug: page for page in PracticePage.objects.filter(locale=english)}
    to_translate = [index]
    for data in content.NEWS:
        item = NewsPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if item is None:
            item = NewsPage(
                title=data["title"],
                slug=data["slug"],
                kind=data["kind"],
                date=datetime.date.fromisoformat(data["date"]),
                summary=data["summary"],
                body=[("paragraph", f"<p>{escape(text)}</p>") for text in data["body"]],
                related=[("page", practices[slug]) for slug in data["related"] if slug in practices],
                locale=english,
            )
            item.themes = [themes[slug] for slug in data["themes"] if slug in themes]
            item.countries = list(Country.objects.filter(code__in=data["countries"]))
            index.add_child(instance=item)
            publish(item, context.admin)
            context.created += 1
        if data["translated"]:
            to_translate.append(item)
    for locale in other_locales(context):
        for page in to_translate:
            if not has_real_translation(page, locale):
                translate(page, locale, catalogue, user=context.admin)
                context.translated += 1
