"""What reports, chapters and briefs share: authors, covers, per-language downloads, citation files."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import Http404, HttpResponse
from django.utils.functional import Promise, cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable

from cms.translation import synchronised
from reports import citations, covers

ROLES = [
    ("editor", _("Editor")),
    ("cla", _("Coordinating lead author")),
    ("la", _("Lead author")),
    ("contributor", _("Contributing author")),
    ("author", _("Author")),
]


class ContributorBase(Orderable):
    """One person in one role on one page; the order is the order of the byline."""

    person = models.ForeignKey("cms.Person", verbose_name=_("person"), on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=ROLES, default="author")

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        abstract = True


class CoverMixin(models.Model):
    """A cover: the uploaded image, else one drawn from the title and the theme's colour (`reports.covers`).

    A page type adds `cover_panels` to its panels and `cover_translatable_fields` to its
    `override_translatable_fields`, names its `cover_kind` and says which year its cover shows."""

    cover_image = models.ForeignKey(
        "cms.CustomImage", verbose_name=_("cover"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    theme = models.ForeignKey(
        "cms.Theme",
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Its colour is the generated cover's when no cover image is uploaded."),
    )

    cover_panels = [FieldPanel("cover_image"), FieldPanel("theme")]
    # The theme follows the source; a translator may put in a cover with text in their language.
    cover_translatable_fields = [*synchronised("theme"), *synchronised("cover_image", overridable=True)]
    cover_kind: Promise | str = ""  # the line above the title: "Report", "Policy brief"

    class Meta:
        abstract = True

    def cover_year(self) -> int:
        raise NotImplementedError

    def generated_cover(self, language: str = "") -> dict:
        """What `reports/includes/cover.html` draws when no cover image is uploaded."""
        return covers.cover(
            self, theme=self.theme, kind=str(self.cover_kind), year=self.cover_year(), language=language
        )


class DownloadsMixin:
    """Orders the page's downloads with the visitor's language first, then the others."""

    def downloads_for_visitor(self) -> list[dict]:
        language = get_language()
        names = dict(settings.LANGUAGES)
        files = []
        for block in getattr(self, "downloads", []):
            document = block.value["document"]
            if document is None:
                continue
            files.append(
                {
                    "document": document,
                    "label": block.value["label"] or document.title,
                    "language": block.value["language"],
                    "language_name": names.get(block.value["language"], block.value["language"]),
                    "format": document.file_extension.upper(),
                    "size": document.get_file_size(),
                    "is_visitor_language": block.value["language"] == language,
                }
            )
        files.sort(key=lambda item: (not item["is_visitor_language"], item["language"] != settings.LANGUAGE_CODE))
        return files


class CitableMixin(RoutablePageMixin):
    """Adds `cite/bibtex/` and `cite/ris/` (files <slug>.bib and <slug>.ris) and the citation in text styles."""

    def build_citation(self) -> citations.Citation:
        raise NotImplementedError

    @cached_property
    def citation(self) -> citations.Citation:
        return self.build_citation()

    @cached_property
    def citation_styles(self) -> dict[str, str]:
        return {"apa": citations.apa(self.citation), "chicago": citations.chicago(self.citation)}

    @cached_property
    def contributor_list(self) -> list:
        return list(self.contributors.select_related("person", "person__photo"))

    @path("")
    def index_route(self, request, *args, **kwargs):
        return super().index_route(request, *args, **kwargs)

    @path("cite/bibtex/")
    def bibtex(self, request):
        return self._citation_file(request, citations.bibtex(self.citation), "application/x-bibtex", "bib")

    @path("cite/ris/")
    def ris(self, request):
        return self._citation_file(request, citations.ris(self.citation), "application/x-research-info-systems", "ris")

    def _citation_file(self, request, text: str, content_type: str, extension: str) -> HttpResponse:
        response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.{extension}"'
        return response


def extend_publication_context(page, request, context: dict) -> dict:
    """Other apps add to a chapter's or brief's page without reports importing them: the community
    app answers with the topic proposals the page answers (`publication_page_context` hook)."""
    from wagtail import hooks

    for extend in hooks.get_hooks("publication_page_context"):
        context.update(extend(page, request, context))
    return context


# What linking to a page needs (its URL in the visitor's language), and no more.
PAGE_FIELDS = ("id", "title", "url_path", "path", "depth", "live", "locale_id", "translation_key")


class PdfMixin(RoutablePageMixin):
    """Adds `pdf/`: the page as published, as a PDF in its language (`reports.pdf`)."""

    pdf_template = ""  # the HTML document WeasyPrint renders

    def pdf_context(self) -> dict:
        return {}

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from reports import pdf

        if not self.live or self.live_revision_id is None:
            raise Http404
        response = HttpResponse(pdf.stored_pdf(self), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{pdf.filename(self)}"'
        response["Content-Language"] = self.locale.language_code
        return response


def recommendation_items(pairs) -> list[dict]:
    """Recommendations of a page, ready for display: anchor, value, and the supporting chapters and
    practices in the visitor's language."""
    from cms.blocks import localized_pages
    from reports.blocks import recommendation_anchor
    from reports.models.implementation import RecommendationPractice

    pairs = list(pairs)  # (page, recommendation block) pairs, from one page or many
    # One query finds the practices that implement them (links are kept between source pages,
    # matched in every language by translation key)...
    implementing: dict[tuple, list] = {}
    if pairs:
        links = (
            RecommendationPractice.objects.filter(
                publication__translation_key__in={page.translation_key for page, _block in pairs}
            )
            .select_related("publication", "practice")
            .only(
                *(f"publication__{name}" for name in PAGE_FIELDS),
                *(f"practice__{name}" for name in PAGE_FIELDS),
                "identifier",
            )
        )
        for link in links:
            implementing.setdefault((link.publication.translation_key, link.identifier), []).append(link.practice)
    # ...and one query localizes every supporting chapter and practice and every implementing practice.
    linked = [
        [
            *block.value["chapters"],
            *block.value["practices"],
            *implementing.get((page.translation_key, block.value["identifier"]), []),
        ]
        for page, block in pairs
    ]
    localized = iter(localized_pages([target for targets in linked for target in targets]))
    items = []
    for (page, block), targets in zip(pairs, linked, strict=True):
        supporting = [next(localized) for _target in targets]
        split = len(block.value["chapters"]) + len(block.value["practices"])
        items.append(
            {
                "page": page,
                "anchor": recommendation_anchor(block.value["identifier"]),
                "value": block.value,
                "supporting": [target for target in supporting[:split] if target.live],
                "implemented_by": [target for target in supporting[split:] if target.live],
            }
        )
    return items
