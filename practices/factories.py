import factory
import wagtail_factories

from practices.models import PracticeIndexPage


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Inspiring practices"
    slug = "practices"
    introduction = factory.Faker("paragraph")

    class Meta:
        model = PracticeIndexPage
