"""The limits of the community's own forms (cms.ratelimit), in one place so they can be read and tuned
together. The honeypot and the response flow they share with every public form are in cms.forms
and cms.public_forms.
"""

from __future__ import annotations

from cms.ratelimit import Limit

# The limits of the community's own forms, in one place so they can be read and tuned together.
# Logins are limited for the whole site by the account lock-out (cms.auth), password resets by
# cms.ratelimit.PASSWORD_RESET_LIMIT (shared with the admin's).
SIGNUP_LIMIT = Limit("community-signup", limit=5, window=3600)
DELETE_ACCOUNT_LIMIT = Limit("community-delete-account", limit=5, window=900)
PROFILE_EDIT_LIMIT = Limit("community-profile-edit", limit=30, window=3600)
CONTACT_MEMBER_LIMIT = Limit("community-contact-member", limit=5, window=3600)
ENGAGEMENT_LIMIT = Limit("community-engagement", limit=10, window=3600)
ADAPTATION_LIMIT = Limit("community-adaptation", limit=5, window=3600)
