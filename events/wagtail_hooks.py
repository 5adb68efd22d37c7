"""Admin hooks of the events app. The Forum's and the Day's admin screens live in their own modules."""

from events import day_admin  # noqa: F401 - registers their hooks
from events.forum import admin as forum_admin  # noqa: F401

# isort: split
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from events.jury import EditionListView, EditionNominationsView, NominationView, may_use_awards_admin

# --- World Social Progress Awards: nominations for editors, scoring for the jury (events/jury.py) -----


class AwardsMenuItem(MenuItem):
    """Shown to editors and to members of the "Jury" group only."""

    def is_shown(self, request) -> bool:
        return may_use_awards_admin(request.user)


@hooks.register("register_admin_urls")
def register_awards_urls():
    return [
        path("awards/", EditionListView.as_view(), name="awards_editions"),
        path("awards/<int:edition_id>/", EditionNominationsView.as_view(), name="awards_nominations"),
        path("awards/nominations/<int:nomination_id>/", NominationView.as_view(), name="awards_nomination"),
    ]


@hooks.register("register_admin_menu_item")
def register_awards_menu_item():
    return AwardsMenuItem(_("Awards"), reverse("awards_editions"), name="awards", icon_name="tasks", order=260)
