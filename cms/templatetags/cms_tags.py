"""Template tags for the site chrome: language alternates, navigation, breadcrumbs.

The chrome runs on every page, so each tag reads what it needs in one query and shares it
through the request: the home pages of all locales, and the view restrictions of the site.
"""

from __future__ import annotations

from django import template
from django.apps import apps
from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.text import slugify
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction, Site
from wagtail_localize.models import StringTranslation, TranslationSource

register = template.Library()
CHROME_FIELDS = ("id", "title", "url_path", "locale_id", "path", "depth", "numchild", "search_description")


@register.filter
def anchor(text: str) -> str:
    """A stable, readable fragment identifier for a heading, in any script."""
    return slugify(text, allow_unicode=True) or "section"


@register.simple_tag
def text_direction(language_code: str | None = None) -> str:
    code = (language_code or get_language() or settings.LANGUAGE_CODE).lower()
    return "rtl" if code in settings.RTL_LANGUAGES else "ltr"


def _request_cache(request: HttpRequest | None) -> dict:
    if request is None:
        return {}
    if not hasattr(request, "_ipsp_chrome"):
        request._ipsp_chrome = {}
    return request._ipsp_chrome


def _chrome_pages(request: HttpRequest | None, page: Page | None) -> tuple[dict[str, Page], dict[str, Page]]:
    """The live home page of every locale and the live translations of `page`, by language code.

    One query per request for both: the language switcher, hreflang links and navigation share it.
    """
    cache = _request_cache(request)
    if "homes" not in cache:
        condition = Q(depth=2)
        if isinstance(page, Page):
            condition |= Q(translation_key=page.translation_key)
        homes: dict[str, Page] = {}
        translations: dict[str, Page] = {}
        queryset = (
            Page.objects.live()
            .filter(condition)
            .select_related("locale")
            .annotate(
                # For the translation notice: when the source was last synced for translators, and
                # whether a machine pre-filled any segment of the translation being viewed.
                synced_at=Subquery(
                    TranslationSource.objects.filter(
                        object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
                    )
                    .order_by("-last_updated_at")
                    .values("last_updated_at")[:1]
                ),
                machine_assisted=Exists(
                    StringTranslation.objects.filter(
                        context__object_id=OuterRef("translation_key"),
                        locale__language_code=get_language(),
                        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                    )
                ),
            )
        )
        fields = (*CHROME_FIELDS, "translation_key", "last_published_at", "locale__language_code")
        for candidate in _public(queryset, request).only(*fields):
            code = candidate.locale.language_code
            if candidate.depth == 2:
                homes[code] = candidate
            if isinstance(page, Page) and candidate.translation_key == page.translation_key:
                translations[code] = candidate
        cache["homes"], cache["translations"] = homes, translations
    return cache["homes"], cache["translations"]


def _public(queryset: QuerySet, request: HttpRequest | None) -> QuerySet:
    """Like `.public()`, but reads the site's view restrictions once per request."""
    cache = _request_cache(request)
    if "restricted_paths" not in cache:
        cache["restricted_paths"] = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    restricted = Q()
    for path in cache["restricted_paths"]:
        restricted |= Q(path__startswith=path)
    return queryset.exclude(restricted) if cache["restricted_paths"] else queryset


@register.simple_tag(takes_context=True)
def language_alternates(context, page: Page | None = None) -> list[dict]:
    """Every content language, with the URL of this page's live translation where one exists, and
    otherwise that language's home page as the switcher's fallback (hreflang lists real translations only).
    """
    request = context.get("request")
    current = get_language()
    site = Site.find_for_request(request) if request else None
    homes, translations = _chrome_pages(request, page)
    urls = {code: translation.get_url(request=request, current_site=site) for code, translation in translations.items()}
    alternates = []
    for code, name in settings.LANGUAGES:
        fallback = homes.get(code) if code not in urls else None
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": urls.get(code) or None,
                "fallback_url": fallback.get_url(request=request, current_site=site) if fallback else None,
                "is_current": code == current,
                "dir": "rtl" if code in settings.RTL_LANGUAGES else "ltr",
            }
        )
    return alternates


@register.simple_tag(takes_context=True)
def locale_home(context) -> Page | None:
    """The live home page of the active language."""
    return _chrome_pages(context.get("request"), context.get("page"))[0].get(get_language())


@register.simple_tag(takes_context=True)
def menu_pages(context, home: Page | None) -> list[Page]:
    if home is None:
        return []
    return list(_public(home.get_children().live().in_menu(), context.get("request")).only(*CHROME_FIELDS))


@register.simple_tag(takes_context=True)
def footer_pages(context, home: Page | None) -> list[Page]:
    if home is None:
        return []
    standard_page = apps.get_model("home", "StandardPage")
    pages = standard_page.objects.live().descendant_of(home).filter(show_in_footer=True)
    return list(_public(pages, context.get("request")).only(*CHROME_FIELDS))


@register.simple_tag
def breadcrumbs(page: Page | None) -> list[Page]:
    """Ancestors from the locale home page down to the parent of this page."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).only(*CHROME_FIELDS))


@register.simple_tag(takes_context=True)
def translation_notice(context, page: Page | None = None) -> dict | None:
    """What a reader of a translated page should know: its source language, whether a machine
    helped, and whether the original has changed since it was translated (no extra query)."""
    if not isinstance(page, Page):
        return None
    request = context.get("request")
    _homes, translations = _chrome_pages(request, page)
    source_code = settings.LANGUAGE_CODE
    current = translations.get(get_language())
    source = translations.get(source_code)
    if source is None or current is None or get_language() == source_code:
        return None
    outdated = bool(source.synced_at and source.last_published_at and source.last_published_at > source.synced_at)
    return {
        "source": source,
        "source_language": get_language_info(source_code)["name_translated"],
        "source_code": source_code,
        "translated_at": current.last_published_at,
        "machine_assisted": current.machine_assisted,
        "outdated": outdated,
    }


# Open Graph wants language_TERRITORY; each language gets the territory with most of its readers.
OG_LOCALES = {
    "en": "en_GB",
    "zh-hans": "zh_CN",
    "hi": "hi_IN",
    "es": "es_ES",
    "fr": "fr_FR",
    "ar": "ar_AR",
    "bn": "bn_BD",
    "pt": "pt_BR",
    "ru": "ru_RU",
    "ur": "ur_PK",
}
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"


@register.simple_tag(takes_context=True)
def social_card(context, page: Page | None = None) -> dict | None:
    """What Open Graph and Twitter cards show for a page: title, description, a 1200×630 image,
    the canonical URL, and the page's locale with the locales of its live translations."""
    request = context.get("request")
    if page is None or request is None or not isinstance(page, Page):
        return None
    current = get_language()
    url = page.get_full_url(request) or request.build_absolute_uri(request.path)
    image = getattr(page, "card_image", None) or getattr(page, "listing_image", None)
    if image is not None:
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
        image_url, image_alt = request.build_absolute_uri(rendition.url), image.description or image.title
    else:
        image_url = request.build_absolute_uri(static("cms/img/social-card.png"))
        image_alt = _("International Panel on Social Progress")
    alternates = [item for item in language_alternates(context, page) if item["url"] and item["code"] != current]
    return {
        "title": page.seo_title or page.title,
        "description": getattr(page, "description", "") or page.search_description,
        "url": url,
        "image_url": image_url,
        "image_alt": image_alt,
        "locale": OG_LOCALES.get(current, current),
        "alternate_locales": [OG_LOCALES.get(item["code"], item["code"]) for item in alternates],
        "type": "article" if page.specific_class.__name__ == "NewsPage" else "website",
    }
