from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    # Two configs live in this module: without `default`, Django would use a bare AppConfig for
    # "cms" and ready() (the signal receivers) would never run.
    default = True
    name = "cms"
    verbose_name = "IPSP"

    def ready(self) -> None:
        from cms import signals, staff  # noqa: F401


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with the fields the Panel adds (world region, preferred language)."""

    user_viewset = "cms.users.UserViewSet"
