from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "IPSP"

    def ready(self) -> None:
        from cms import signals, staff  # noqa: F401


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the fields the Panel adds (world region, preferred language)."""

    user_viewset = "cms.users.UserViewSet"
