from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    """Participants: accounts, the member directory, consultations, topic proposals and engagement."""

    name = "community"
    verbose_name = _("Community")
    default_auto_field = "django.db.models.BigAutoField"
