"""What the Take part page offers, in its language: consultations (open first), topic proposals,
sharing a practice, communities of practice, partner organisations, the member directory and signing up."""

from __future__ import annotations

from django.apps import apps
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from cms.models.pages import PageQuerySet
from community.consultations.listing import consultations_of
from community.models import (
    CommunityIndexPage,
    ConsultationIndexPage,
    ConsultationPage,
    PartnerIndexPage,
    TopicProposalIndexPage,
)


def ways_to_take_part(page, request: HttpRequest) -> dict:
    home = page.get_parent()
    consultation_index = ConsultationIndexPage.objects.child_of(home).live().public().first()
    topics = TopicProposalIndexPage.objects.child_of(home).live().public().first()
    practice_index_model = apps.get_model("practices", "PracticeIndexPage")
    practices = practice_index_model.objects.child_of(home).live().public().first()
    groups = consultations_of(consultation_index) if consultation_index else {}
    return {
        "consultation_index": consultation_index,
        "consultations": {**groups, "closed": groups.get("closed", [])[:3]} if groups else {},
        "topics_index": topics,
        "communities_index": CommunityIndexPage.objects.child_of(home).live().public().first(),
        "partners_index": PartnerIndexPage.objects.child_of(home).live().public().first(),
        "share_practice_url": (practices.url + practices.reverse_subpage("share")) if practices else None,
        "directory_url": reverse("community:directory"),
        "signup_url": reverse("community:signup"),
    }


def open_consultations(home) -> list[ConsultationPage]:
    """The consultations open now in the home page's language (fallbacks included), closing soonest first."""
    return list(open_consultations_query(home).defer_streamfields().order_by("closes_at"))


def open_consultations_query(home) -> PageQuerySet:
    """The consultations open now under `home`, as a queryset (a subquery for other listings)."""
    now = timezone.now()
    return ConsultationPage.objects.descendant_of(home).live().public().filter(opens_at__lte=now, closes_at__gt=now)
