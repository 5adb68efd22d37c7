"""Template tags for the site chrome: language alternates, navigation, breadcrumbs.

The chrome runs on every page, so the tags share one query per request (`_chrome_pages`): the home
page and news index of every locale, the page's translations, and the active language's menu and
footer links, with the site's view restrictions applied inside it. Its rows, with their addresses
on the request's site (`href`), are cached until any content changes, so a page's next requests in
the same language ask nothing and build no URL.
"""

from __future__ import annotations

from urllib.parse import urljoin

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import BooleanField, DateTimeField, ExpressionWrapper, F, Q, QuerySet, Value
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.formats import localize
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, TranslationContext, TranslationSource

from cms import page_cache
from cms.links import absolute_url, page_url
from cms.maps import WorldMap
from cms.models.pages import private_q
from cms.sharing.mixins import ShareKitMixin
from cms.sql import TableSQL

register = template.Library()
# The chrome's rows stay in the cache at most this long (seconds) when nothing changes.
CHROME_TIMEOUT = 3600
CHROME_FIELDS = ("id", "title", "url_path", "locale_id", "path", "depth", "numchild", "search_description")


@register.filter
def anchor(text: str) -> str:
    """A stable, readable fragment identifier for a heading, in any script."""
    return slugify(text, allow_unicode=True) or "section"


@register.simple_tag
def text_direction(language_code: str | None = None) -> str:
    code = (language_code or get_language() or settings.LANGUAGE_CODE).lower()
    return "rtl" if code in settings.RTL_LANGUAGES else "ltr"


# Languages whose spelling writes language names in lowercase inside a sentence ("traduit de
# l'anglais", "traducido del inglés", "traduzido do inglês", "переведено с английского").
LOWERCASE_LANGUAGE_NAMES = {"fr", "es", "pt", "ru"}


@register.filter
def language_name(code: str) -> str:
    """The name of language `code` in the active language, as written inside a sentence."""
    name = str(get_language_info(code)["name_translated"])
    if (get_language() or settings.LANGUAGE_CODE).split("-")[0] in LOWERCASE_LANGUAGE_NAMES:
        return name[:1].lower() + name[1:]
    return name


def _request_cache(request: HttpRequest | None) -> dict:
    if request is None:
        return {}
    if not hasattr(request, "_ipsp_chrome"):
        request._ipsp_chrome = {}
    return request._ipsp_chrome


def _chrome_pages(request: HttpRequest | None, page: Page | None) -> tuple[dict[str, Page], dict[str, Page]]:
    """The live home page of every locale and the live translations of `page`, by language code.

    One query for both, shared by the language switcher, hreflang links and navigation of a request,
    and kept in the cache for the next requests of the page in this language on this site until any
    content changes (`cms.page_cache.remember`), with each row's address (`href`) and the language
    switcher's entries: building ~20 page URLs was a tenth of a simple page's time.
    """
    chrome = _chrome(request, page)
    return chrome["homes"], chrome["translations"]


def _chrome(request: HttpRequest | None, page: Page | None) -> dict:
    """Everything `_chrome_pages` reads (also the news indexes, the menu and footer links and the
    language switcher's entries), once per request."""
    cache = _request_cache(request)
    if "homes" not in cache:
        site = Site.find_for_request(request) if request is not None else None
        translation_key = page.translation_key if isinstance(page, Page) else "-"
        key = f"chrome:{getattr(site, 'pk', '-')}:{get_language()}:{translation_key}"
        cache.update(page_cache.remember(key, lambda: _read_chrome_pages(request, site, page), CHROME_TIMEOUT))
    return cache


def _read_chrome_pages(request: HttpRequest | None, site: Site | None, page: Page | None) -> dict:
    chrome = _read_chrome_rows(page)
    for row in (
        *chrome["homes"].values(),
        *chrome["translations"].values(),
        *chrome["news"].values(),
        *chrome["links"],
    ):
        row.href = row.get_url(request=request, current_site=site)
    chrome["alternates"] = _language_alternates(chrome["homes"], chrome["translations"])
    return chrome


def _read_chrome_rows(page: Page | None) -> dict:
    news_index = ContentType.objects.get_for_model(apps.get_model("news", "NewsIndexPage"))
    condition = Q(depth=2)
    if isinstance(page, Page):
        condition |= Q(translation_key=page.translation_key)
    # So do the active language's menu and footer links (`menu_pages`, `footer_pages`) and its
    # news index: every page advertises its language's feed.
    condition |= Q(locale__language_code=get_language()) & (
        Q(depth=3, show_in_menus=True)
        | Q(content_type=_content_type("home", "StandardPage"), standardpage__show_in_footer=True)
        | Q(depth=3, content_type=_content_type("community", "TakePartPage"))
        | Q(depth=3, content_type=news_index)
    )
    homes: dict[str, Page] = {}
    translations: dict[str, Page] = {}
    news: dict[str, Page] = {}
    links: list[Page] = []
    queryset = Page.objects.live().filter(condition).select_related("locale")
    queryset = queryset.annotate(in_footer=F("standardpage__show_in_footer"))
    if get_language() != settings.LANGUAGE_CODE:
        # For the translation notice, which the source language never shows: when the source
        # was last synced for translators, and whether a machine pre-filled any segment of the
        # translation being viewed.
        queryset = queryset.annotate(
            synced_at=_TranslationSyncedAt(), machine_assisted=_MachineAssisted(get_language())
        )
    fields = (
        *CHROME_FIELDS,
        "translation_key",
        "last_published_at",
        "locale__language_code",
        "alias_of_id",
        "content_type_id",
        "show_in_menus",
    )
    # Private pages are told apart in the SELECT, not the WHERE: PostgreSQL matched every page of
    # the tree against the restricted paths before the conditions above kept a few dozen rows.
    queryset = queryset.annotate(private=ExpressionWrapper(private_q(), output_field=BooleanField()))
    for candidate in queryset.only(*fields).order_by("path"):
        if candidate.private:
            continue
        code = candidate.locale.language_code
        if candidate.depth >= 3 and code == get_language():
            links.append(candidate)
        if candidate.depth == 2:
            homes[code] = candidate
        elif candidate.depth == 3 and candidate.content_type_id == news_index.pk:
            news.setdefault(code, candidate)
        if isinstance(page, Page) and candidate.translation_key == page.translation_key:
            translations[code] = candidate
    return {"homes": homes, "translations": translations, "news": news, "links": links}


class _TranslationSyncedAt(TableSQL):
    """When the page's source was last synced for translators (wagtail-localize's TranslationSource).

    Written as SQL like `cms.models.pages.private_q`: as Django subquery expressions, this and
    `_MachineAssisted` cost the chrome more Python than the rest of its query (issue 17)."""

    output_field = DateTimeField()
    tables = {"pages": Page, "sources": TranslationSource}
    template = (
        "(SELECT MAX(ts.last_updated_at) FROM %(sources)s ts"
        " WHERE ts.object_id = %(pages)s.translation_key AND ts.locale_id = %(pages)s.locale_id)"
    )


class _MachineAssisted(TableSQL):
    """Whether a machine pre-filled any segment of the page's translation into a language."""

    output_field = BooleanField()
    tables = {"pages": Page, "strings": StringTranslation, "contexts": TranslationContext, "locales": Locale}
    template = (
        "EXISTS (SELECT 1 FROM %(strings)s st INNER JOIN %(contexts)s ctx ON st.context_id = ctx.id"
        " INNER JOIN %(locales)s loc ON st.locale_id = loc.id WHERE ctx.object_id = %(pages)s.translation_key"
        " AND loc.language_code = %(expressions)s AND st.translation_type = '%(machine)s')"
    )

    def __init__(self, language_code: str) -> None:
        super().__init__(Value(language_code))

    def as_sql(self, compiler, connection, **extra_context):
        extra_context["machine"] = StringTranslation.TRANSLATION_TYPE_MACHINE
        return super().as_sql(compiler, connection, **extra_context)


def chrome_row(request: HttpRequest | None, page: Page) -> Page | None:
    """`page` as the chrome's query read it (with its locale), when it is live and public."""
    if request is None:
        return None
    _homes, translations = _chrome_pages(request, page)
    return next((item for item in translations.values() if item.pk == page.pk), None)


def _original_of(request: HttpRequest | None, page: Page | None) -> Page | None:
    """For a fallback (alias) page, the live original it shows; None for any other page."""
    if not isinstance(page, Page) or page.alias_of_id is None:
        return None
    _homes, translations = _chrome_pages(request, page)
    return next((item for item in translations.values() if item.pk == page.alias_of_id), None)


def _public(queryset: QuerySet, request: HttpRequest | None = None) -> QuerySet:
    """Like `.public()`, but inside the page query itself: no separate query for the site's view
    restrictions (a page is private when it or an ancestor has one)."""
    return queryset.exclude(private_q())


@register.simple_tag(takes_context=True)
def language_alternates(context, page: Page | None = None) -> list[dict]:
    """Every content language, with where this item is in it: `url`, its live translation (the only
    kind hreflang and og:locale list); else `fallback_url`, the item in its original language under
    that language's interface (an alias, `fallback` true); else that language's home page."""
    return _chrome(context.get("request"), page)["alternates"]


def _language_alternates(homes: dict[str, Page], translations: dict[str, Page]) -> list[dict]:
    """`language_alternates` from the chrome's rows (their `href`), made with them."""
    alternates = []
    for code, name in settings.LANGUAGES:
        translation = translations.get(code)
        real = translation is not None and translation.alias_of_id is None
        fallback = translation if translation is not None and not real else homes.get(code)
        alternates.append(
            {
                "code": code,
                "name": name,
                "url": translation.href if real else None,
                "fallback_url": fallback.href if fallback and not real else None,
                "fallback": translation is not None and not real,
                "is_current": code == get_language(),
                "dir": "rtl" if code in settings.RTL_LANGUAGES else "ltr",
            }
        )
    return alternates


@register.simple_tag(takes_context=True)
def news_feed_url(context) -> str | None:
    """The RSS feed of the active language's news, which every page advertises."""
    index = _chrome(context.get("request"), context.get("page"))["news"].get(get_language())
    url = index.href if index is not None else None
    return f"{url}feed/rss/" if url else None


def _language(code: str) -> dict:
    return {
        "code": code,
        "name": language_name(code),
        "name_local": dict(settings.LANGUAGES).get(code, code),
        "dir": "rtl" if code in settings.RTL_LANGUAGES else "ltr",
    }


@register.simple_tag(takes_context=True)
def fallback_of(context, page: Page | None = None) -> dict | None:
    """For a page shown in place of a missing translation: the original and its language (the
    content is wrapped in that `lang`/`dir`); None for originals and translations."""
    original = _original_of(context.get("request"), page)
    if original is None:
        return None
    return {"original": original, "language": _language(original.locale.language_code)}


@register.simple_tag(takes_context=True)
def item_language(context, item) -> dict | None:
    """For an item in a listing: its original's language when it is a fallback, else None.

    One query per request, whatever the number of items (the active locale's aliases)."""
    from cms import fallbacks

    if "alias_of_id" in getattr(item, "__dict__", {}) and item.alias_of_id is None:
        return None  # an original or a translation: known without a query
    if "original_language" in getattr(item, "__dict__", {}):  # read with the item (an annotation)
        return _language(item.original_language) if item.original_language else None
    cache = _request_cache(context.get("request"))
    if "fallback_languages" not in cache:
        cache["fallback_languages"] = fallbacks.fallback_languages(get_language())
    code = cache["fallback_languages"].get(getattr(item, "pk", item))
    return _language(code) if code else None


@register.simple_tag(takes_context=True)
def locale_home(context) -> Page | None:
    """The live home page of the active language."""
    return _chrome_pages(context.get("request"), context.get("page"))[0].get(get_language())


def _content_type(app_label: str, model_name: str) -> ContentType:
    return ContentType.objects.get_for_model(apps.get_model(app_label, model_name))


def _chrome_links(context, home: Page) -> list[Page] | None:
    """Live public pages of the active language under its home page that the menu or footer may
    show, loaded by `_chrome_pages`'s query; None when `home` is not that home page."""
    request = context.get("request")
    chrome = _chrome(request, context.get("page"))
    homes = chrome["homes"]
    if request is None or homes.get(get_language()) is None or homes[get_language()].pk != home.pk:
        return None
    return [link for link in chrome["links"] if link.path.startswith(home.path)]


def chrome_child(request: HttpRequest | None, home: Page, model: str) -> Page | None:
    """The live public child of `home` of one model (`"news.NewsIndexPage"`, `"community.TakePartPage"`),
    from the chrome's query when `home` is the active language's home page (no further query)."""
    app_label, model_name = model.split(".")
    content_type = _content_type(app_label, model_name)
    chrome = _chrome(request, home)
    if request is not None and getattr(chrome["homes"].get(get_language()), "pk", None) == home.pk:
        news = chrome["news"]
        candidates = [*chrome["links"], *([news[get_language()]] if get_language() in news else [])]
        return next(
            (
                page
                for page in sorted(candidates, key=lambda page: page.path)
                if page.content_type_id == content_type.pk
                and page.depth == home.depth + 1
                and page.path.startswith(home.path)
            ),
            None,
        )
    return content_type.model_class().objects.child_of(home).live().public().first()


def _with_href(pages: list[Page], request: HttpRequest | None) -> list[Page]:
    """Pages read outside the chrome's query, with their address as its rows have it (`href`)."""
    for page in pages:
        page.href = page.get_url(request=request)
    return pages


@register.simple_tag(takes_context=True)
def menu_pages(context, home: Page | None) -> list[Page]:
    if home is None:
        return []
    links = _chrome_links(context, home)
    if links is not None:
        return [link for link in links if link.depth == home.depth + 1 and link.show_in_menus]
    pages = _public(home.get_children().live().in_menu(), context.get("request")).only(*CHROME_FIELDS)
    return _with_href(list(pages), context.get("request"))


@register.simple_tag(takes_context=True)
def footer_pages(context, home: Page | None) -> list[Page]:
    if home is None:
        return []
    standard_page, take_part = _content_type("home", "StandardPage"), _content_type("community", "TakePartPage")
    links = _chrome_links(context, home)
    if links is not None:
        links = [
            link
            for link in links
            if (link.content_type_id == standard_page.pk and link.in_footer)
            or (link.content_type_id == take_part.pk and link.depth == home.depth + 1)
        ]
    else:
        pages = (
            Page.objects.live()
            .descendant_of(home)
            .filter(
                Q(content_type=standard_page, standardpage__show_in_footer=True)
                | Q(content_type=take_part, depth=home.depth + 1)
            )
        )
        links = _with_href(list(_public(pages).only(*CHROME_FIELDS, "content_type_id")), context.get("request"))
    # The Take part page first, then the standard pages marked for the footer.
    return sorted(links, key=lambda page: (page.content_type_id != take_part.pk, page.path))


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page: Page | None) -> list[Page]:
    """Ancestors from the locale home page down to the parent of this page: the pages the request
    was routed through (`cms.views.route`) when they are this page's, else one query."""
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    routed = getattr(context.get("request"), "_ipsp_path_pages", None)
    if routed and routed[-1].path == page.path:
        return list(routed[1:-1])
    return list(page.get_ancestors().filter(depth__gte=2).only(*CHROME_FIELDS))


@register.simple_tag(takes_context=True)
def translation_notice(context, page: Page | None = None) -> dict | None:
    """What a reader of a translated page should know: its source language, whether a machine
    helped, and whether the original has changed since it was translated (no extra query); on a
    fallback page, that the item is not translated into the reader's language yet."""
    if not isinstance(page, Page):
        return None
    request = context.get("request")
    _homes, translations = _chrome_pages(request, page)
    original = _original_of(request, page)
    if original is not None:
        return {
            "fallback": True,
            "source": original,
            "source_language": _language(original.locale.language_code),
            "language": _language(get_language()),
            "page": page,
        }
    if page.alias_of_id is not None:
        return None
    source_code = settings.LANGUAGE_CODE
    current = translations.get(get_language())
    source = translations.get(source_code)
    if source is None or current is None or get_language() == source_code or source.alias_of_id is not None:
        return None
    outdated = bool(source.synced_at and source.last_published_at and source.last_published_at > source.synced_at)
    return {
        "source": source,
        "source_language": language_name(source_code),
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
    """What Open Graph and Twitter cards show for a page: title, description, a 1200×630 image (the
    page's own, else its share kit card, else the site's), the canonical URL, and the page's locale
    with the locales of its live translations."""
    request = context.get("request")
    if page is None or request is None or not isinstance(page, Page):
        return None
    current = get_language()
    # A fallback's canonical URL is its original's: search engines index the content once.
    original = _original_of(request, page)
    url = page_url(original or page, request) or absolute_url(request.path)
    image = getattr(page, "card_image", None) or getattr(page, "listing_image", None)
    if image is not None:
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
        image_url, image_alt = absolute_url(rendition.url), image.description or image.title
    elif isinstance(page, ShareKitMixin):
        # The share kit's 1200×630 card (cms.sharing.cards): the title in its own script. Its address
        # is the canonical page's plus the route, so no query; the card is drawn on first request.
        image_url, image_alt = urljoin(url, page.reverse_subpage("share_card")), page.title
    else:
        image_url = absolute_url(static("cms/img/social-card.png"))
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


@register.simple_tag
def share_kit_url(page) -> str:
    """The address of the page's share kit (`cms.sharing`), or "" for a page type without one."""
    if not isinstance(page, ShareKitMixin) or not page.url:
        return ""
    return page.url + page.reverse_subpage("share_kit")


@register.simple_tag(name="absolute_url")
def absolute_url_tag(path: str) -> str:
    """`path` on the public host (cms.links): for share links and anything copied out of the page."""
    return absolute_url(path)


# The world map's countries (`cms/includes/world_map.html`): written here rather than as template
# loops, which cost the practices listing and the home page a tenth of their time.
MAP_COUNTRY = (
    '<a href="{url}" class="world-map__country world-map__step-{step}" aria-label="{label}"><title>{label}</title>'
    '<path d="{path}"/></a>\n        '
)
MAP_TABLE_ROW = '\n          <tr><th scope="row"><a href="{url}">{name}</a></th><td>{count}</td></tr>'


@register.simple_tag
def map_countries(world_map: WorldMap) -> SafeString:
    """The drawn countries of `world_map`, each a link to its figures, shaded by its count."""
    return format_html_join(
        "",
        MAP_COUNTRY,
        ({"url": c.url, "step": c.step, "label": c.label, "path": c.path} for c in world_map.drawn),
    )


@register.simple_tag
def map_table_rows(world_map: WorldMap) -> SafeString:
    """The rows of the map's table of figures: each country with its count."""
    return format_html_join(
        "",
        MAP_TABLE_ROW,
        ({"url": c.url, "name": c.name, "count": localize(c.count)} for c in world_map.countries),
    )
