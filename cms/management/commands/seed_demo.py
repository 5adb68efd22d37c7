from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import autodiscover_modules

from cms import cache_purge, demo, fallbacks, roles, translators


class Command(BaseCommand):
    help = (
        "Seed believable demo content in all 10 languages and one demo user per role. "
        "Idempotent: creates only what is missing and never changes content editors made."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--languages",
            help="Comma-separated language codes to translate into (default: all 9 other languages).",
        )

    def handle(self, *args, **options):
        if settings.IPSP_ENVIRONMENT == "production":
            raise CommandError("seed_demo creates users with a public password; it refuses production settings.")
        modules = sorted(
            (module for module in self._demo_modules() if hasattr(module, "seed")),
            key=lambda module: getattr(module, "order", 100),
        )
        languages = options.get("languages")
        if languages:
            known = {code for code, _name in settings.LANGUAGES}
            unknown = set(languages.split(",")) - known
            if unknown:
                raise CommandError(f"Unknown language code(s): {', '.join(sorted(unknown))}.")
        context = demo.SeedContext(log=self.stdout.write, languages=languages.split(",") if languages else None)
        # The search and reference indexes updated once, at the end, and the page cache's generation bumped
        # once; no e-mails to translators about demo work.
        with demo.seeding(context), cache_purge.deferred(), translators.paused():
            demo.seed_users(context)
            with fallbacks.paused():  # translations first; aliases fill what is still missing at the end
                for module in modules:
                    self.stdout.write(f"Seeding {module.__name__} …")
                    module.seed(context)
            roles.sync_all()
            # Most demo practices exist in a few languages only: every language lists them as fallbacks.
            self.stdout.write(f"Fallback aliases: {fallbacks.sync_all(log=self.stdout.write)} change(s).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content ready: {context.created} item(s) created, {context.translated} translation(s) made."
            )
        )

    @staticmethod
    def _demo_modules():
        import sys

        autodiscover_modules("demo")
        from django.apps import apps

        return [
            sys.modules[f"{config.name}.demo"]
            for config in apps.get_app_configs()
            if f"{config.name}.demo" in sys.modules
        ]
