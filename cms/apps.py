from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "IPSP"

    def ready(self) -> None:
        from cms import signals  # noqa: F401
