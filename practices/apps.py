from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "practices"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from practices.models.taxonomy import Keyword, reindex_practices_of_keyword

        post_save.connect(reindex_practices_of_keyword, sender=Keyword, dispatch_uid="practices.keyword_reindex")

        from practices import signals  # noqa: F401 - registers the receivers
