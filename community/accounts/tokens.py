"""Signed, expiring tokens for the e-mail confirmation link (same machinery as Django's password reset)."""

from __future__ import annotations

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class EmailConfirmationTokenGenerator(PasswordResetTokenGenerator):
    """Valid for PASSWORD_RESET_TIMEOUT (3 days), and spent once the account is active.

    The hash covers `is_active`, so a link stops working the moment it has been used, and the
    e-mail address, so a link sent to an old address does not confirm a new one.
    """

    key_salt = "community.accounts.tokens.EmailConfirmationTokenGenerator"

    def _make_hash_value(self, user, timestamp: int) -> str:
        return f"{user.pk}{user.email}{user.is_active}{user.password}{timestamp}"


confirmation_tokens = EmailConfirmationTokenGenerator()
