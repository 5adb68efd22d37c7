"""Admin for the events: each of the Forum, the Awards and the Day registers its own hooks in its
`admin` module."""

from events.awards import admin as awards_admin  # noqa: F401
from events.day import admin as day_admin  # noqa: F401
from events.forum import admin as forum_admin  # noqa: F401
