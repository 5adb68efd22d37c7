"""RSS 2.0 and Atom feeds of the news stream, per language, whole or per theme or kind.

`?theme=<slug>` and `?kind=<kind>` narrow a feed. Each entry carries the full summary, the lead image
as an enclosure (a 1200×630 rendition) and a GUID that never changes (`NewsPage.guid`).
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from cms.fallbacks import exclude_fallbacks
from cms.links import absolute_url, page_url
from cms.templatetags.cms_tags import SOCIAL_IMAGE_SPEC
from news.models import Kind, NewsIndexPage, NewsPage

FEED_LENGTH = 30


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index: NewsIndexPage) -> None:
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        kind = request.GET.get("kind", "")
        self.kind = kind if kind in Kind.values else ""
        self.theme = request.GET.get("theme", "")[:120]
        return self.index

    def title(self, index: NewsIndexPage) -> str:
        parts = [index.title, _("International Panel on Social Progress")]
        if self.kind:
            parts.insert(1, str(Kind(self.kind).label))
        if self.theme:
            from cms.models import Theme

            theme = Theme.objects.filter(locale=index.locale, slug=self.theme).first()
            if theme:
                parts.insert(1, theme.name)
        return " · ".join(parts)

    def link(self, index: NewsIndexPage) -> str:
        return page_url(index, self.request)

    def description(self, index: NewsIndexPage) -> str:
        return index.introduction or index.title

    def items(self, index: NewsIndexPage):
        return list(
            exclude_fallbacks(index.items(kind=self.kind, theme=self.theme))
            .select_related("locale")
            .defer_streamfields()[:FEED_LENGTH]
        )

    def item_title(self, item: NewsPage) -> str:
        return item.title

    def item_description(self, item: NewsPage) -> str:
        return item.summary

    def item_link(self, item: NewsPage) -> str:
        return page_url(item, self.request)

    def item_guid(self, item: NewsPage) -> str:
        return item.guid

    item_guid_is_permalink = False

    def item_pubdate(self, item: NewsPage):
        return item.first_published_at

    def item_updateddate(self, item: NewsPage):
        return item.last_published_at

    def item_categories(self, item: NewsPage):
        return [str(Kind(item.kind).label)]

    def item_enclosures(self, item: NewsPage):
        image = item.card_image
        if image is None:
            return []
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
        return [Enclosure(absolute_url(rendition.url), str(rendition.file.size), "image/jpeg")]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
