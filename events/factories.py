import datetime

import factory
import wagtail_factories

from events.models import (
    AwardEditionPage,
    AwardsIndexPage,
    EventsIndexPage,
    ForumEditionPage,
    ForumIndexPage,
    PressRoomPage,
    SocialProgressDayPage,
)


class EventsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"

    class Meta:
        model = EventsIndexPage


class ForumIndexPageFactory(wagtail_factories.PageFactory):
    title = "World Social Progress Forum"
    slug = "forum"

    class Meta:
        model = ForumIndexPage


class ForumEditionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Forum {2030 + n}")
    slug = factory.Sequence(lambda n: f"forum-{2030 + n}")
    theme = "Cities for everyone"
    host_city = "Lima"
    country_id = "PE"
    continent = "south-america"
    time_zone = "America/Lima"
    start_date = factory.Sequence(lambda n: datetime.date(2030 + n, 6, 10))
    end_date = factory.LazyAttribute(lambda page: page.start_date + datetime.timedelta(days=2))

    class Meta:
        model = ForumEditionPage


class AwardsIndexPageFactory(wagtail_factories.PageFactory):
    title = "World Social Progress Awards"
    slug = "awards"

    class Meta:
        model = AwardsIndexPage


class AwardEditionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Awards {2030 + n}")
    slug = factory.Sequence(lambda n: f"awards-{2030 + n}")
    start_date = factory.Sequence(lambda n: datetime.date(2030 + n, 6, 11))
    nominations_open = factory.LazyAttribute(lambda page: page.start_date - datetime.timedelta(days=200))
    nominations_close = factory.LazyAttribute(lambda page: page.start_date - datetime.timedelta(days=60))
    categories = factory.LazyFunction(
        lambda: [("category", {"slug": "practice", "name": "Inspiring practice", "description": ""})]
    )
    criteria = factory.LazyFunction(lambda: [("criterion", {"slug": "impact", "name": "Impact", "description": ""})])

    class Meta:
        model = AwardEditionPage


class SocialProgressDayPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"World Social Progress Day {2030 + n}")
    slug = factory.Sequence(lambda n: f"day-{2030 + n}")
    start_date = factory.Sequence(lambda n: datetime.date(2030 + n, 3, 15))
    theme = "Cities for everyone"
    declaration_title = "Declaration"
    declaration = "<p>The Panel calls for action.</p>"
    addressees = factory.LazyFunction(lambda: [("addressees", {"addressee": "governments", "asks": ["Act."]})])

    class Meta:
        model = SocialProgressDayPage


class PressRoomPageFactory(wagtail_factories.PageFactory):
    title = "Press room"
    slug = "press-room"

    class Meta:
        model = PressRoomPage
