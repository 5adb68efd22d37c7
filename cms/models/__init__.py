from cms.models.images import CustomImage, CustomRendition
from cms.models.pages import BasePage, ExpertReviewedTreeMixin, ListingFieldsMixin, SeoFieldsMixin
from cms.models.people import Person, Theme
from cms.models.users import User

__all__ = [
    "BasePage",
    "CustomImage",
    "CustomRendition",
    "ExpertReviewedTreeMixin",
    "ListingFieldsMixin",
    "Person",
    "SeoFieldsMixin",
    "Theme",
    "User",
]
