from news.models.cadence import CadenceTarget, Channel, Period, PlannedItem, PlannedItemStatus
from news.models.index import NewsIndexPage
from news.models.news_page import Kind, Licence, NewsPage, Republication
from news.models.newsletter import NewsletterIssue, NewsletterSubscription

__all__ = [
    "CadenceTarget",
    "Channel",
    "Period",
    "PlannedItem",
    "PlannedItemStatus",
    "Kind",
    "Licence",
    "NewsIndexPage",
    "NewsPage",
    "NewsletterIssue",
    "NewsletterSubscription",
    "Republication",
]
