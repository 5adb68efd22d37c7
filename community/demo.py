"""Demo community: members, a consultation on a draft chapter, topic proposals, communities of
practice, partner organisations and "adapted elsewhere" reports, in all 10 languages; then the
share kits that members and partners relay (cms.sharing.demo)."""

from cms.sharing import demo as sharing_demo
from community.adaptations import demo as adaptations_demo
from community.communities import demo as communities_demo
from community.consultations import demo as consultations_demo
from community.members import demo as members_demo
from community.partners import demo as partners_demo
from community.topics import demo as topics_demo


def seed(context) -> None:
    members_demo.seed(context)
    consultations_demo.seed(context)
    topics_demo.seed(context)
    communities_demo.seed(context)
    partners_demo.seed(context)
    adaptations_demo.seed(context)
    sharing_demo.seed(context)
