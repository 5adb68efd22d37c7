from events.models.awards import (
    AwardEditionPage,
    AwardResult,
    AwardsIndexPage,
    ConflictOfInterest,
    JuryScore,
    Nomination,
)
from events.models.common import CONTINENTS, EventType
from events.models.day import Endorsement, PressRoomPage, SocialProgressDayPage
from events.models.forum import ForumEditionPage, ForumIndexPage, ForumRegistration, RegistrationMode
from events.models.index import EventsIndexPage

__all__ = [
    "CONTINENTS",
    "AwardEditionPage",
    "AwardResult",
    "AwardsIndexPage",
    "ConflictOfInterest",
    "Endorsement",
    "EventType",
    "EventsIndexPage",
    "ForumEditionPage",
    "ForumIndexPage",
    "ForumRegistration",
    "JuryScore",
    "Nomination",
    "PressRoomPage",
    "RegistrationMode",
    "SocialProgressDayPage",
]
