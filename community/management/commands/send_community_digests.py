"""Queue the monthly digest of every community of practice (community.communities.digest)."""

from django.core.management.base import BaseCommand

from community.communities import digest


class Command(BaseCommand):
    help = "E-mail each community's members the digest of its activity since the last one (run monthly)."

    def handle(self, *args, **options):
        communities, recipients = digest.send_all()
        self.stdout.write(f"Digests queued for {communities} community(ies), {recipients} recipient(s).")
