"""RSS 2.0 and Atom feeds of newly reviewed practices, per language (newest review first)."""

from __future__ import annotations

import uuid

from django.contrib.syndication.views import Feed
from django.db.models import OuterRef, Subquery
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from cms.fallbacks import exclude_fallbacks
from cms.links import absolute_url, page_url
from cms.models import ExpertReview
from cms.templatetags.cms_tags import SOCIAL_IMAGE_SPEC
from practices.browsing import public_practices
from practices.models import PracticeIndexPage, PracticePage

FEED_LENGTH = 30


class ReviewedPracticesRssFeed(Feed):
    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def __init__(self, index: PracticeIndexPage) -> None:
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        return f"{_('Newly reviewed practices')} · {_('International Panel on Social Progress')}"

    def link(self, index):
        return page_url(index, self.request)

    def description(self, index):
        return index.introduction or index.title

    def items(self, index):
        reviewed_at = (
            ExpertReview.objects.approved()
            .filter(translation_key=OuterRef("translation_key"))
            .order_by("-created_at")
            .values("created_at")[:1]
        )
        return list(
            exclude_fallbacks(public_practices(index.locale))  # a feed carries its own language only
            .annotate(reviewed_at=Subquery(reviewed_at))
            .select_related("listing_image", "locale")
            .defer_streamfields()
            .order_by("-reviewed_at", "-id")[:FEED_LENGTH]
        )

    def item_title(self, item: PracticePage) -> str:
        return item.title

    def item_description(self, item: PracticePage) -> str:
        return item.summary

    def item_link(self, item: PracticePage) -> str:
        return page_url(item, self.request)

    def item_guid(self, item: PracticePage) -> str:
        return f"urn:uuid:{uuid.uuid5(item.translation_key, 'practice-' + item.locale.language_code)}"

    def item_pubdate(self, item: PracticePage):
        return item.reviewed_at

    def item_updateddate(self, item: PracticePage):
        return item.last_published_at

    def item_enclosures(self, item: PracticePage):
        if item.listing_image is None:
            return []
        rendition = item.listing_image.get_rendition(SOCIAL_IMAGE_SPEC)
        return [Enclosure(absolute_url(rendition.url), str(rendition.file.size), "image/jpeg")]


class ReviewedPracticesAtomFeed(ReviewedPracticesRssFeed):
    feed_type = Atom1Feed
    subtitle = ReviewedPracticesRssFeed.description
