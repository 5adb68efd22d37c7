from django.core.management.base import BaseCommand

from cms.demo import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Print the demo accounts that seed_demo creates (for make run)."

    def handle(self, *args, **options):
        self.stdout.write(
            self.style.SUCCESS("\nDemo site: http://127.0.0.1:8000/  ·  admin: http://127.0.0.1:8000/admin/")
        )
        self.stdout.write(f"Every demo account uses the password: {DEMO_PASSWORD}")
        for username, groups, superuser in DEMO_USERS:
            role = "superuser" if superuser else ", ".join(groups)
            self.stdout.write(f"  {username:<20} {role}")
        self.stdout.write("")
