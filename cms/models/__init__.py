from cms.models.countries import Country
from cms.models.images import CustomImage, CustomRendition
from cms.models.pages import BasePage, ExpertReviewedTreeMixin, ListingFieldsMixin, SeoFieldsMixin
from cms.models.people import Person, Theme
from cms.models.reviews import ExpertReview, ExpertReviewTask
from cms.models.translation_requests import TranslationRequest
from cms.models.users import User
from cms.sharing.models import Network, Relay, ShareKit, ShareLink, ShareVisit

__all__ = [
    "BasePage",
    "Country",
    "CustomImage",
    "CustomRendition",
    "ExpertReview",
    "ExpertReviewTask",
    "ExpertReviewedTreeMixin",
    "ListingFieldsMixin",
    "Network",
    "Person",
    "Relay",
    "SeoFieldsMixin",
    "ShareKit",
    "ShareLink",
    "ShareVisit",
    "Theme",
    "TranslationRequest",
    "User",
]
