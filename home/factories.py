import factory
import wagtail_factories

from home.models import HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    hero_heading = factory.Faker("sentence", nb_words=6)
    hero_intro = factory.Faker("paragraph")

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    introduction = factory.Faker("paragraph")
    search_description = factory.Faker("sentence")

    class Meta:
        model = StandardPage
