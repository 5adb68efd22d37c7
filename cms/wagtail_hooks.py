from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.models import Person, Theme


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "affiliation", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "affiliation"]


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]


class SharedContentGroup(SnippetViewSetGroup):
    menu_label = _("People and themes")
    menu_icon = "group"
    menu_order = 250
    items = (PersonViewSet, ThemeViewSet)


register_snippet(SharedContentGroup)
