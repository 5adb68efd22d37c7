from practices.models.index import PracticeIndexPage
from practices.models.practice import ActorType, PracticePage, PracticeTag, Scale, Status
from practices.models.submission import PracticeSubmission
from practices.models.taxonomy import SustainableDevelopmentGoal

__all__ = [
    "ActorType",
    "PracticeIndexPage",
    "PracticePage",
    "PracticeSubmission",
    "PracticeTag",
    "Scale",
    "Status",
    "SustainableDevelopmentGoal",
]
