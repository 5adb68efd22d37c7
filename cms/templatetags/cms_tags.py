"""Template tags for the site chrome: language alternates, navigation, breadcrumbs."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.text import slugify
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

register = template.Library()


@register.filter
def anchor(text: str) -> str:
    """A stable, readable fragment identifier for a heading, in any script."""
    return slugify(text, allow_unicode=True) or "section"


@register.simple_tag
def text_direction(language_code: str | None = None) -> str:
    code = (language_code or get_language() or settings.LANGUAGE_CODE).lower()
    return "rtl" if code in settings.RTL_LANGUAGES else "ltr"


@register.simple_tag(takes_context=True)
def language_alternates(context, page: Page | None = None) -> list[dict]:
    """Every content language, with the URL of this page's translation where a live one exists.

    One query for the translations; the locale home pages are the fallback for the switcher only
    (hreflang lists real translations only).
    """
    request = context.get("request")
    current = get_language()
    names = dict(settings.LANGUAGES)
    urls: dict[str, str] = {}
    if page is not None and getattr(page, "translation_key", None):
        translations = (
            Page.objects.live()
            .public()
            .filter(translation_key=page.translation_key)
            .select_related("locale")
            .only("id", "url_path", "locale__language_code")
        )
        site = Site.find_for_request(request) if request else None
        for translation in translations:
            url = translation.get_url(request=request, current_site=site)
            if url:
                urls[translation.locale.language_code] = url
    homes = {
        home.locale.language_code: home
        for home in Page.objects.live().filter(depth=2).select_related("locale").only("id", "url_path", "locale__language_code")
    }
    alternates = []
    for code, _name in settings.LANGUAGES:
        fallback = homes.get(code)
        alternates.append(
            {
                "code": code,
                "name": names[code],
                "url": urls.get(code),
                "fallback_url": fallback.get_url(request=request) if fallback and code not in urls else None,
                "is_current": code == current,
                "dir": "rtl" if code in settings.RTL_LANGUAGES else "ltr",
            }
        )
    return alternates


@register.simple_tag(takes_context=True)
def locale_home(context) -> Page | None:
    """The live home page of the active language, cached on the request."""
    request = context.get("request")
    cache = getattr(request, "_ipsp_locale_home", None) if request else None
    if cache is not None:
        return cache or None
    home = (
        Page.objects.live()
        .filter(depth=2, locale__language_code=get_language())
        .only("id", "title", "url_path", "locale_id", "path", "depth")
        .first()
    )
    if request is not None:
        request._ipsp_locale_home = home or False
    return home


@register.simple_tag(takes_context=True)
def menu_pages(context, home: Page | None) -> list[Page]:
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().only("id", "title", "url_path", "locale_id"))


@register.simple_tag(takes_context=True)
def footer_pages(context, home: Page | None) -> list[Page]:
    if home is None:
        return []
    from django.apps import apps

    standard_page = apps.get_model("home", "StandardPage")
    return list(
        standard_page.objects.live()
        .public()
        .descendant_of(home)
        .filter(show_in_footer=True)
        .only("id", "title", "url_path", "locale_id")
    )


@register.simple_tag
def breadcrumbs(page: Page | None) -> list[Page]:
    """Ancestors from the locale home page down to the parent of this page."""
    if page is None or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).only("id", "title", "url_path", "locale_id"))


@register.simple_tag
def default_locale_code() -> str:
    return Locale.get_default().language_code
