from django.core.management.base import BaseCommand

from cms import fallbacks


class Command(BaseCommand):
    help = (
        "Give every public page an alias in each language that lacks it (a fallback under that "
        "language's prefix), re-point or remove aliases whose original is no longer public. Idempotent."
    )

    def handle(self, *args, **options):
        self.stdout.write("Syncing fallback aliases …")
        changes = fallbacks.sync_all(log=self.stdout.write)
        self.stdout.write(self.style.SUCCESS(f"Fallbacks in step: {changes} alias change(s)."))
