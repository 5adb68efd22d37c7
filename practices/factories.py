import factory
import wagtail_factories
from django.contrib.auth import get_user_model

from cms.models import Country, ExpertReview, Theme
from practices.models import PracticeIndexPage, PracticePage


class PracticeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Inspiring practices"
    slug = "practices"
    introduction = factory.Faker("paragraph")

    class Meta:
        model = PracticeIndexPage


class PracticePageFactory(wagtail_factories.PageFactory):
    """A practice; `reviewed=True` (the default) records an approved expert review so it can be public.

    `countries` and `themes` take ISO codes and theme slugs: `PracticePageFactory(countries=["KE"], themes=["health"])`.
    """

    title = factory.Faker("sentence", nb_words=5)
    slug = factory.Sequence(lambda n: f"practice-{n}")
    summary = factory.Faker("paragraph")
    problem = factory.LazyFunction(lambda: "<p>A problem worth solving.</p>")
    organisations = factory.LazyFunction(lambda: [("organisation", {"name": "A lead organisation", "role": "lead"})])
    scale = "national"
    status = "active"
    actor_type = "civil-society"
    start_year = 2010

    class Meta:
        model = PracticePage
        skip_postgeneration_save = True

    @factory.post_generation
    def countries(self, create, codes, **kwargs):
        if create:
            self.countries.set(Country.objects.filter(code__in=codes or ["FR"]))
            self.save()  # parental many-to-many values are written on save

    @factory.post_generation
    def themes(self, create, slugs, **kwargs):
        if create:
            self.themes.set(Theme.objects.filter(locale=self.locale, slug__in=slugs or ["inequality"]))
            self.save()

    @factory.post_generation
    def reviewed(self, create, reviewed, **kwargs):
        if create and reviewed is not False:
            ExpertReviewFactory(page=self, name_publicly=kwargs.get("name_publicly", False))


class ExpertReviewFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(PracticePageFactory, reviewed=False)
    translation_key = factory.LazyAttribute(lambda review: review.page.translation_key)
    reviewer = factory.LazyFunction(lambda: get_user_model().objects.get(username="reviewer-asia"))
    reviewer_name = "Asia Reviewer"
    reviewer_region = "142"
    decision = ExpertReview.Decision.APPROVED
    evidence = relevance = adaptability = participation = "meets"
    assessment = "Solid evidence."

    class Meta:
        model = ExpertReview
