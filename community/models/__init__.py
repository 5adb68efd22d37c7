from community.models.comments import Comment, CommentFlag, CommentStatus
from community.models.consultations import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationSection,
    ModerationMode,
)
from community.models.engagement import Engagement, EngagementKind
from community.models.members import MemberLanguage, MemberMessage, MemberProfile, MemberRole, ProfileStatus
from community.models.take_part import TakePartPage
from community.models.topics import ProposalState, TopicProposal, TopicProposalIndexPage, TopicStateChange, TopicSupport

__all__ = [
    "Comment",
    "CommentFlag",
    "CommentStatus",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationSection",
    "Engagement",
    "EngagementKind",
    "MemberLanguage",
    "MemberMessage",
    "MemberProfile",
    "MemberRole",
    "ModerationMode",
    "ProfileStatus",
    "ProposalState",
    "TakePartPage",
    "TopicProposal",
    "TopicProposalIndexPage",
    "TopicStateChange",
    "TopicSupport",
]
