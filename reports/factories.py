import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from cms.factories import PersonFactory
from reports.models import (
    ChapterContributor,
    ChapterPage,
    PolicyBriefPage,
    ReportContributor,
    ReportIndexPage,
    ReportPage,
    ToolkitPage,
)


class ReportIndexPageFactory(wagtail_factories.PageFactory):
    title = "Reports and policy briefs"
    slug = "reports"
    introduction = factory.Faker("paragraph")

    class Meta:
        model = ReportIndexPage


class ReportPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    edition_year = 2018
    abstract = "<p>An assessment of social progress.</p>"

    class Meta:
        model = ReportPage


class ChapterPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    number = factory.Sequence(lambda n: n + 1)
    summary = factory.Faker("paragraph")

    class Meta:
        model = ChapterPage

    @classmethod
    def sections(cls, count: int) -> list:
        return [
            ("section", {"heading": f"Section {n}", "anchor": f"s{n}", "content": [("paragraph", "<p>Text.</p>")]})
            for n in range(1, count + 1)
        ]


class ChapterContributorFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory, locale=factory.LazyFunction(Locale.get_default))
    role = "la"

    class Meta:
        model = ChapterContributor


class ReportContributorFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory(PersonFactory, locale=factory.LazyFunction(Locale.get_default))
    role = "editor"

    class Meta:
        model = ReportContributor


class PolicyBriefPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    publication_date = datetime.date(2019, 2, 20)
    summary = factory.Faker("paragraph")
    recommendations = factory.LazyFunction(
        lambda: [
            (
                "recommendation",
                {
                    "identifier": "R1",
                    "statement": "Tax wealth fairly.",
                    "rationale": "<p>Because.</p>",
                    "audiences": ["national"],
                    "themes": [],
                    "chapters": [],
                    "practices": [],
                },
            )
        ]
    )

    class Meta:
        model = PolicyBriefPage


class ToolkitPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    introduction = factory.Faker("paragraph")
    steps = factory.LazyFunction(lambda: [("step", {"title": "Start", "body": "<p>Begin.</p>", "checklist": []})])

    class Meta:
        model = ToolkitPage
