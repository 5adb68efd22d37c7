"""Lift the login lock-out of an account: `manage.py unlock_account <e-mail address or username>`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db.models import Q

from cms.ratelimit import LOGIN_LOCKOUT


class Command(BaseCommand):
    help = "Lift the login lock-out (failed passwords) of the accounts with this e-mail address or username."

    def add_arguments(self, parser):
        parser.add_argument("identifier", help="An e-mail address or a username.")

    def handle(self, identifier: str, **options):
        users = get_user_model()._default_manager.filter(Q(email__iexact=identifier) | Q(username=identifier))
        # What cms.auth.lockout_account keys: an account by pk, an unknown name as typed.
        for key in [f"user:{user.pk}" for user in users] + [f"name:{identifier}", f"name:unknown:{identifier}"]:
            LOGIN_LOCKOUT.unlock(key)
        self.stdout.write(f"Unlocked {len(users)} account(s) for {identifier!r}.")
