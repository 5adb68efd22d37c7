from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "practices"

    def ready(self) -> None:
        from practices import signals  # noqa: F401 - registers the receivers
