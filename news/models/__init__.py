from news.models.index import NewsIndexPage
from news.models.news_page import Kind, Licence, NewsPage, Republication
from news.models.newsletter import NewsletterIssue, NewsletterSubscription

__all__ = [
    "Kind",
    "Licence",
    "NewsIndexPage",
    "NewsPage",
    "NewsletterIssue",
    "NewsletterSubscription",
    "Republication",
]
