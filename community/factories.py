"""Factories for community test data (and for load generation)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from cms.factories import UserFactory
from community.models import (
    Affiliation,
    AffiliationStatus,
    Comment,
    CommentStatus,
    Community,
    CommunityIndexPage,
    CommunityPage,
    CommunityState,
    ConsultationIndexPage,
    ConsultationPage,
    MemberProfile,
    Membership,
    MembershipStatus,
    Partner,
    PartnerIndexPage,
    PartnerPage,
    PartnerType,
    ProfileStatus,
    TakePartPage,
    TopicProposal,
    TopicProposalIndexPage,
)


class ParticipantFactory(UserFactory):
    """A community participant: an active account with no staff group (no admin access)."""

    username = factory.Sequence(lambda n: f"participant{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    region = "002"
    preferred_language = "en"


class MemberProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(ParticipantFactory)
    name = factory.LazyAttribute(lambda profile: profile.user.get_full_name() or profile.user.username)
    organisation = factory.Faker("company")
    bio = factory.Faker("paragraph")
    status = ProfileStatus.APPROVED

    class Meta:
        model = MemberProfile


class TopicProposalFactory(factory.django.DjangoModelFactory):
    title = factory.Faker("sentence", nb_words=6)
    description = factory.Faker("paragraph")
    language = "en"
    proposer = factory.SubFactory(ParticipantFactory)
    proposer_region = factory.LazyAttribute(lambda proposal: proposal.proposer.region if proposal.proposer else "")

    class Meta:
        model = TopicProposal


class CommentFactory(factory.django.DjangoModelFactory):
    author = factory.SubFactory(ParticipantFactory)
    author_region = factory.LazyAttribute(lambda comment: comment.author.region if comment.author else "")
    language = "en"
    body = factory.Faker("paragraph")
    status = CommentStatus.APPROVED

    class Meta:
        model = Comment


def open_period(days: int = 30) -> dict:
    """opens_at/closes_at for a consultation open now."""
    now = timezone.now()
    return {"opens_at": now - datetime.timedelta(days=1), "closes_at": now + datetime.timedelta(days=days)}


class ConsultationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Consultations"
    slug = "consultations"
    introduction = factory.Faker("sentence")

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(wagtail_factories.PageFactory):
    """A consultation open from a week ago for three more weeks (relative to the clock in force)."""

    title = factory.Faker("sentence", nb_words=6)
    slug = factory.Sequence(lambda n: f"consultation-{n}")
    question = factory.Faker("sentence")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=21))

    class Meta:
        model = ConsultationPage


class TopicProposalIndexPageFactory(wagtail_factories.PageFactory):
    title = "Propose a topic"
    slug = "topics"
    introduction = factory.Faker("sentence")

    class Meta:
        model = TopicProposalIndexPage


class TakePartPageFactory(wagtail_factories.PageFactory):
    title = "Take part"
    introduction = "Comment on drafts, propose topics, share the practices you know."

    class Meta:
        model = TakePartPage


class CommunityFactory(factory.django.DjangoModelFactory):
    """An approved, open community of practice with post-moderated discussion."""

    name = factory.Faker("sentence", nb_words=4)
    description = factory.Faker("paragraph")
    theme_slug = "cities"
    region = "142"
    state = CommunityState.APPROVED

    class Meta:
        model = Community


class MembershipFactory(factory.django.DjangoModelFactory):
    community = factory.SubFactory(CommunityFactory)
    user = factory.SubFactory(ParticipantFactory)
    status = MembershipStatus.ACTIVE
    region = factory.LazyAttribute(lambda membership: membership.user.region or "")
    sector = "research"
    admitted_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Membership


class CommunityIndexPageFactory(wagtail_factories.PageFactory):
    title = "Communities of practice"
    slug = "communities"
    introduction = factory.Faker("sentence")

    class Meta:
        model = CommunityIndexPage


class CommunityPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    slug = factory.Sequence(lambda n: f"community-{n}")
    community = factory.SubFactory(CommunityFactory)
    introduction = factory.Faker("sentence")

    class Meta:
        model = CommunityPage


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("company")
    kind = PartnerType.NGO
    website = "https://partner.example.org/"

    class Meta:
        model = Partner


class AffiliationFactory(factory.django.DjangoModelFactory):
    partner = factory.SubFactory(PartnerFactory)
    user = factory.SubFactory(ParticipantFactory)
    status = AffiliationStatus.CONFIRMED
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Affiliation


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partner organisations"
    slug = "partners"
    introduction = factory.Faker("sentence")

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("company")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    partner = factory.SubFactory(PartnerFactory)
    introduction = factory.Faker("sentence")

    class Meta:
        model = PartnerPage
