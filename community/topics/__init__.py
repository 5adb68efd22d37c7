"""Choosing the next topics: proposals, supports, the moderators' state changes and their history."""
