"""Rate limits on proposing and supporting topics (cms.ratelimit: per participant and per address)."""

from cms.ratelimit import Limit

PROPOSALS = Limit("propose", limit=3, window=24 * 3600)
SUPPORTS = Limit("support", limit=30, window=3600)
