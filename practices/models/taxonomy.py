"""Translatable taxonomies of practices: the UN Sustainable Development Goals (created in all ten
languages by a migration) and keywords (snippets translators translate in wagtail-localize), with
the lookups that show keywords in the reader's language."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.db.models import CharField, F, OuterRef, Subquery, Value
from django.db.models.functions import Cast
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin

from cms.models import Theme
from cms.translation import synchronised, translated


class SustainableDevelopmentGoal(TranslatableMixin, models.Model):
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=120)

    panels = [FieldPanel("number"), FieldPanel("title")]
    override_translatable_fields = translated("title") + synchronised("number")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]
        unique_together = [("translation_key", "locale"), ("number", "locale")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Keyword(TranslatableMixin, models.Model):
    """A keyword that files practices ("cash transfers"), translated like other snippets.

    Its slug is shared by all its translations: filter URLs (`?keyword=cash-transfers`) work in
    every language, and a practice linked to the keyword in any language shows it in the reader's.
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("As readers of this language would write it."))
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        allow_unicode=True,
        help_text=_("Stable across languages; used in filter URLs. Left empty, it is made from the name."),
        blank=True,
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = translated("name") + synchronised("slug")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name, allow_unicode=True)[:100]
        super().save(*args, **kwargs)


# --- Keywords in the reader's language --------------------------------------------------------
#
# A practice links keywords of any language (a translation or a fallback of a practice keeps its
# original's keywords, synchronised by wagtail-localize and Wagtail's alias refresh); what readers
# see is each keyword's translation into their language, found by the slug all translations share,
# or the linked keyword itself, marked with its own language, while it is not translated yet.


@dataclass(frozen=True)
class KeywordLabel:
    """A keyword as shown: always with its name's `lang`/`dir` (a fallback page wraps its content in
    the original's language, and a keyword not translated yet keeps its own)."""

    slug: str
    name: str
    lang: str
    dir: str
    translated: bool  # False: the linked keyword's own name, not translated into the reader's language yet


def _labels(rows: Iterable[tuple[str, str, str]], names: dict[str, str], language: str) -> list[KeywordLabel]:
    """(slug, name, language) of linked keywords → labels in the reader's language, one per slug."""
    from cms.templatetags.cms_tags import text_direction  # loads models of apps set up after this one

    labels: dict[str, KeywordLabel] = {}
    for slug, name, own_language in rows:
        if slug in names:
            labels[slug] = KeywordLabel(slug, names[slug], language, text_direction(language), True)
        elif slug not in labels:
            labels[slug] = KeywordLabel(slug, name, own_language, text_direction(own_language), False)
    return sorted(labels.values(), key=lambda label: label.name.casefold())


def keyword_names_in(locale: Locale, slugs: Iterable[str] | None = None) -> dict[str, str]:
    """{slug: name} of the keywords translated into one language (one query)."""
    queryset = Keyword.objects.filter(locale=locale)
    if slugs is not None:
        queryset = queryset.filter(slug__in=set(slugs))
    return dict(queryset.values_list("slug", "name"))


# (practice id, slug, name, language) of a practice's link to a keyword: what `keyword_labels_by_page` reads
KEYWORD_LINK_FIELDS = ("practicepage_id", "keyword__slug", "keyword__name", "keyword__locale__language_code")


def keyword_labels_for_pages(
    page_ids: Iterable[int], locale: Locale, names: dict[str, str] | None = None
) -> dict[int, list[KeywordLabel]]:
    """{practice id: its keywords in the reader's language} for a listing: two queries (one when the
    names in the reader's language are given), any number of pages."""
    through = Keyword.practices.through
    links = list(through.objects.filter(practicepage_id__in=list(page_ids)).values_list(*KEYWORD_LINK_FIELDS))
    if not links:
        return {}
    if names is None:
        names = keyword_names_in(locale, {slug for _page, slug, _name, _language in links})
    return keyword_labels_by_page(links, names, locale.language_code)


def keyword_labels_by_page(
    links: Iterable[tuple[int, str, str, str]], names: dict[str, str], language: str
) -> dict[int, list[KeywordLabel]]:
    """{practice id: its keywords in the reader's language} from links read already (`KEYWORD_LINK_FIELDS`)
    and the names of the keywords translated into the reader's language."""
    rows: dict[int, list[tuple[str, str, str]]] = {}
    for page_id, slug, name, own_language in links:
        rows.setdefault(page_id, []).append((slug, name, own_language))
    return {page_id: _labels(page_rows, names, language) for page_id, page_rows in rows.items()}


def keyword_for_name(name: str, locale_id: int) -> Keyword:
    """The keyword of this language with this name (case and spacing ignored) or slug, created if new.

    A name that is the translation of an existing keyword is found through that translation, so
    importing "transferts monétaires" in French links the keyword English practices use too."""
    name = " ".join(name.split())
    slug = slugify(name, allow_unicode=True)[:100]
    existing = (
        Keyword.objects.filter(locale_id=locale_id, name__iexact=name).first()
        or Keyword.objects.filter(locale_id=locale_id, slug=slug).first()
    )
    if existing is not None:
        return existing
    return Keyword.objects.create(locale_id=locale_id, name=name, slug=slug)


# --- One practice's terms in the reader's language, in one query ------------------------------


@dataclass
class PracticeTerms:
    """What a practice page shows of its themes, goals and keywords, in the page's language."""

    themes: list[Theme]  # rows (id, slug, name), by name
    goals: list[SustainableDevelopmentGoal]  # rows (id, number, title), by number
    keywords: list[KeywordLabel]
    # Every linked theme's slug, translated into the page's language or not: related practices
    # match on these as a plain list (a subquery of the links would be read again for each candidate).
    theme_slugs: list[str]


def text(value: str | None = None) -> Value:
    """A constant column of a UNION query, typed so PostgreSQL matches it with the other parts'."""
    return Value(value, output_field=CharField())


def practice_terms(locale: Locale, theme_ids, goal_numbers, keyword_ids) -> PracticeTerms:
    """The linked themes and goals translated into `locale`, and the linked keywords as readers see
    them (their translation, else the linked one marked with its own language); each argument a
    list or a subquery of the page's links (previews give lists). One UNION query of the three
    tables, whatever the language: each theme and keyword row carries its translation. A theme or
    goal not translated into `locale` is left out (its slug is still in `theme_slugs`); themes are
    listed by name, like keywords."""

    def theme_in_locale(column: str) -> Subquery:
        return Subquery(Theme.objects.filter(locale=locale, slug=OuterRef("slug")).order_by().values(column)[:1])

    # Each row: (kind, id, slug or number, name, language, name in `locale`); the last two for keywords.
    # A theme's row: (kind, its translation's id, slug, its translation's name): NULLs when not translated.
    rows = (
        Theme.objects.filter(pk__in=theme_ids)
        .order_by()
        .values_list(text("theme"), theme_in_locale("id"), "slug", theme_in_locale("name"), text(), text())
        .union(
            SustainableDevelopmentGoal.objects.filter(locale=locale, number__in=goal_numbers)
            .order_by()
            .values_list(text("goal"), "id", Cast("number", CharField()), "title", text(), text()),
            Keyword.objects.filter(pk__in=keyword_ids)
            .order_by()
            .values_list(
                text("keyword"),
                "id",
                "slug",
                "name",
                F("locale__language_code"),
                Subquery(Keyword.objects.filter(locale=locale, slug=OuterRef("slug")).order_by().values("name")[:1]),
            ),
            all=True,
        )
    )
    found: dict[str, list] = {"theme": [], "goal": [], "keyword": []}
    for kind, *row in rows:
        found[kind].append(row)
    names = {slug: translation for _id, slug, _name, _language, translation in found["keyword"] if translation}
    # One theme per slug (a page may link a theme in two languages), as the translated theme reads it.
    themes = {slug: (pk, name) for pk, slug, name, _, _ in found["theme"]}
    return PracticeTerms(
        themes=sorted(
            (
                Theme(id=pk, slug=slug, name=name, locale=locale)
                for slug, (pk, name) in themes.items()
                if pk is not None
            ),
            key=lambda theme: theme.name.casefold(),
        ),
        goals=sorted(
            (
                SustainableDevelopmentGoal(id=pk, number=int(number), title=title, locale=locale)
                for pk, number, title, _, _ in found["goal"]
            ),
            key=lambda goal: goal.number,
        ),
        keywords=_labels(
            [(slug, name, language) for _id, slug, name, language, _translation in found["keyword"]],
            names,
            locale.language_code,
        ),
        theme_slugs=list(themes),
    )
