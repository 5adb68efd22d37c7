"""Admin forms shared by several page types."""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminPageForm


class LocaleThemesPageForm(WagtailAdminPageForm):
    """Offers only the themes of the page's own language: every theme exists in ten languages, and an
    English practice must not be filed under "Salud" (nor show "Culture" ten times)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("themes")
        locale_id = self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)
        if field is not None and locale_id is not None:
            field.queryset = field.queryset.filter(locale_id=locale_id).order_by("name")
