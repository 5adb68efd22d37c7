"""RSS 2.0 and Atom feeds of the news stream, per language, whole or per theme or kind.

`?theme=<slug>` and `?kind=<kind>` narrow a feed. Each entry carries the full summary, the lead image
as an enclosure and the site's one GUID scheme (`cms.feeds`).
"""

from __future__ import annotations

from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cms.fallbacks import exclude_fallbacks
from cms.feeds import FEED_LENGTH, PageFeed
from cms.models import Theme
from news.models import Kind, NewsIndexPage, NewsPage


class NewsRssFeed(PageFeed):
    def read_parameters(self, request) -> None:
        kind = request.GET.get("kind", "")
        self.kind = kind if kind in Kind.values else ""
        self.theme = request.GET.get("theme", "")[:120]

    def title(self, index: NewsIndexPage) -> str:
        parts = [index.title, _("International Panel on Social Progress")]
        if self.kind:
            parts.insert(1, str(Kind(self.kind).label))
        if self.theme:
            theme = Theme.objects.filter(locale=index.locale, slug=self.theme).first()
            if theme:
                parts.insert(1, theme.name)
        return " · ".join(parts)

    def items(self, index: NewsIndexPage):
        return list(
            exclude_fallbacks(index.items(kind=self.kind, theme=self.theme))
            .select_related("locale")
            .defer_streamfields()[:FEED_LENGTH]
        )

    def item_categories(self, item: NewsPage):
        return [str(Kind(item.kind).label)]

    def item_image(self, item: NewsPage):
        return item.card_image


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
