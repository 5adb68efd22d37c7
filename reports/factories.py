import factory
import wagtail_factories

from reports.models import ReportIndexPage


class ReportIndexPageFactory(wagtail_factories.PageFactory):
    title = "Reports and policy briefs"
    slug = "reports"
    introduction = factory.Faker("paragraph")

    class Meta:
        model = ReportIndexPage
