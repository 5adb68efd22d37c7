"""Remove a user's two-factor devices (a lost phone): `manage.py reset_two_factor <e-mail or username>`."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from cms.two_factor import services


class Command(BaseCommand):
    help = "Remove the two-factor devices and recovery codes of the account with this e-mail address or username."

    def add_arguments(self, parser):
        parser.add_argument("identifier", help="An e-mail address or a username.")

    def handle(self, identifier: str, **options):
        users = list(get_user_model()._default_manager.filter(Q(email__iexact=identifier) | Q(username=identifier)))
        if not users:
            raise CommandError(f"No account with the e-mail address or username {identifier!r}.")
        for user in users:
            removed = services.reset(user)
            self.stdout.write(f"Removed {removed} device(s) of {user.get_username()!r}: set-up again at next sign-in.")
