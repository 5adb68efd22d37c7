from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"

    def ready(self) -> None:
        from search import indexing  # noqa: F401 (connects its signal receiver)
