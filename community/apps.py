from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class CommunityConfig(AppConfig):
    """Participants: accounts, the member directory, consultations, topic proposals and engagement."""

    name = "community"
    verbose_name = pgettext_lazy("admin menu", "Community")
    default_auto_field = "django.db.models.BigAutoField"
