"""Wagtail's user admin with the Panel's own user fields: the world region experts review from."""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

PANEL_USER_FIELDS = {"region", "preferred_language"}


class PanelUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = UserCreationForm.Meta.fields | PANEL_USER_FIELDS


class PanelUserEditForm(UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = UserEditForm.Meta.fields | PANEL_USER_FIELDS


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return PanelUserEditForm if for_update else PanelUserCreationForm
