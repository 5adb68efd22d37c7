"""Admin for the community: each area registers its own hooks in its `admin` module."""

from community.adaptations import admin as adaptations_admin  # noqa: F401
from community.communities import admin as communities_admin  # noqa: F401
from community.consultations import admin as consultations_admin  # noqa: F401
from community.members import admin as members_admin  # noqa: F401
from community.partners import admin as partners_admin  # noqa: F401
from community.topics import admin as topics_admin  # noqa: F401
