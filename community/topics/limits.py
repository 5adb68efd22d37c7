"""Rate limits on proposing and supporting topics (see community.limits for how they count)."""

from community.limits import Limit

PROPOSALS = Limit("propose", limit=3, window=24 * 3600)
SUPPORTS = Limit("support", limit=30, window=3600)
