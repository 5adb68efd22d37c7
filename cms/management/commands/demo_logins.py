from django.core.management.base import BaseCommand

from cms.demo import DEMO_PASSWORD, DEMO_USERS


class Command(BaseCommand):
    help = "Print the demo accounts that seed_demo creates (for make run)."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/", help="Where the site is served.")

    def handle(self, *args, **options):
        url = options["url"].rstrip("/")
        self.stdout.write(self.style.SUCCESS(f"\nDemo site: {url}/  ·  admin: {url}/admin/"))
        self.stdout.write(f"Every demo account uses the password: {DEMO_PASSWORD}")
        for username, groups, superuser, _region in DEMO_USERS:
            role = "superuser" if superuser else ", ".join(groups)
            self.stdout.write(f"  {username:<20} {role}")
        self.stdout.write(f"Community participant (public site, log in by e-mail): {url}/en/account/login/")
        self.stdout.write("  participant@demo.ipsp.org")
        self.stdout.write("Partner administrator (confirms affiliations with the Urban Poor Federations Network):")
        self.stdout.write("  partner-admin@demo.ipsp.org")
        self.stdout.write("")
