from community.models.adaptations import Adaptation
from community.models.comments import Comment, CommentFlag, CommentStatus
from community.models.communities import (
    Community,
    CommunityIndexPage,
    CommunityPage,
    CommunityState,
    Membership,
    MembershipMode,
    MembershipStatus,
    Sector,
)
from community.models.consultations import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationSection,
    ModerationMode,
)
from community.models.engagement import Engagement, EngagementKind
from community.models.members import MemberLanguage, MemberMessage, MemberProfile, MemberRole, ProfileStatus
from community.models.partners import (
    Affiliation,
    AffiliationStatus,
    Partner,
    PartnerIndexPage,
    PartnerPage,
    PartnerType,
)
from community.models.take_part import TakePartPage
from community.models.topics import ProposalState, TopicProposal, TopicProposalIndexPage, TopicStateChange, TopicSupport

__all__ = [
    "Adaptation",
    "Affiliation",
    "AffiliationStatus",
    "Partner",
    "PartnerIndexPage",
    "PartnerPage",
    "PartnerType",
    "Comment",
    "CommentFlag",
    "CommentStatus",
    "Community",
    "CommunityIndexPage",
    "CommunityPage",
    "CommunityState",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationSection",
    "Engagement",
    "EngagementKind",
    "MemberLanguage",
    "MemberMessage",
    "MemberProfile",
    "MemberRole",
    "Membership",
    "MembershipMode",
    "MembershipStatus",
    "ModerationMode",
    "ProfileStatus",
    "ProposalState",
    "Sector",
    "TakePartPage",
    "TopicProposal",
    "TopicProposalIndexPage",
    "TopicStateChange",
    "TopicSupport",
]
