"""Records visitors create (registrations, endorsements) are read, never edited, in the admin."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Django's "view" permission, and nothing else, for anybody."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])
