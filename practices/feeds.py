"""RSS 2.0 and Atom feeds of newly reviewed practices, per language (newest review first)."""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cms.fallbacks import exclude_fallbacks
from cms.feeds import FEED_LENGTH, PageFeed
from cms.models import ExpertReview
from practices.browsing import public_practices
from practices.models import PracticePage


class ReviewedPracticesRssFeed(PageFeed):
    def title(self, index):
        return f"{_('Newly reviewed practices')} · {_('International Panel on Social Progress')}"

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

    def item_pubdate(self, item: PracticePage):
        return item.reviewed_at

    def item_image(self, item: PracticePage):
        return item.listing_image


class ReviewedPracticesAtomFeed(ReviewedPracticesRssFeed):
    feed_type = Atom1Feed
