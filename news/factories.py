import datetime

import factory
import wagtail_factories

from news.models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "News and stories"
    slug = "news"
    introduction = factory.Faker("sentence")

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=6)
    slug = factory.Sequence(lambda n: f"news-{n}")
    kind = "news"
    date = factory.LazyFunction(datetime.date.today)
    summary = factory.Faker("paragraph")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Text.</p>")])

    class Meta:
        model = NewsPage
