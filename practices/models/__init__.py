from practices.models.index import PracticeIndexPage
from practices.models.practice import ActorType, PracticePage, Scale, Status
from practices.models.submission import PracticeSubmission
from practices.models.taxonomy import Keyword, SustainableDevelopmentGoal

__all__ = [
    "ActorType",
    "Keyword",
    "PracticeIndexPage",
    "PracticePage",
    "PracticeSubmission",
    "Scale",
    "Status",
    "SustainableDevelopmentGoal",
]
