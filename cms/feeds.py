"""The base of every RSS 2.0 and Atom feed of the site: one GUID scheme, one way to attach images.

A feed is built for one index page (`Feed(index)(request)` from the index's route) and lists pages
of that index's language. Subclasses give `title` and `items`, and `item_image` when entries have
an image; the rest (links, summaries, dates, GUIDs, enclosures) is shared. The Atom variant of a
feed is the RSS class with `feed_type = Atom1Feed` (its subtitle is the description).

GUIDs are `urn:uuid:` + UUID5 of the page's translation key and language (`page_guid`): one per
page and language, stable across edits, slug changes and moves, never a permalink.
"""

from __future__ import annotations

import uuid

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed

from cms.links import absolute_url, page_url
from cms.templatetags.cms_tags import SOCIAL_IMAGE_SPEC

FEED_LENGTH = 30


def page_guid(page) -> str:
    """The GUID of a page in feeds: one per item and language, stable across edits and moves."""
    return f"urn:uuid:{uuid.uuid5(page.translation_key, page.locale.language_code)}"


class PageFeed(Feed):
    """RSS 2.0 feed of the pages under `index` (see the module docstring)."""

    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def __init__(self, index) -> None:
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.read_parameters(request)
        return self.index

    def read_parameters(self, request) -> None:
        """Read the query parameters that narrow the feed (none by default)."""

    def link(self, index) -> str:
        return page_url(index, self.request)

    def description(self, index) -> str:
        return index.introduction or index.title

    def subtitle(self, index) -> str:
        return self.description(index)

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return page_url(item, self.request)

    def item_guid(self, item) -> str:
        return page_guid(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_image(self, item):
        """The image shown with an entry, or None."""
        return None

    def item_enclosures(self, item) -> list[Enclosure]:
        image = self.item_image(item)
        if image is None:
            return []
        rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)  # 1200×630, as for social cards
        return [Enclosure(absolute_url(rendition.url), str(rendition.file.size), "image/jpeg")]
