"""Admin forms shared by several page types."""

from __future__ import annotations

from django.forms.models import ModelChoiceField, ModelChoiceIterator
from wagtail.admin.forms import WagtailAdminPageForm


class ReadOnceChoiceIterator(ModelChoiceIterator):
    """A choice field's options, read from its queryset once. The page editor renders each choice
    widget twice (the field, and its definition for the editor's scripts): Django's iterator asks
    the database both times."""

    def read(self) -> list:
        if not hasattr(self, "_read"):
            self._read = [*super().__iter__()]
        return self._read

    def __iter__(self):
        return iter(self.read())

    def __len__(self) -> int:
        return len(self.read())

    def __bool__(self) -> bool:
        return bool(self.read())


class BasePageForm(WagtailAdminPageForm):
    """The admin form of every page (`cms.models.BasePage.base_form_class`)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, ModelChoiceField):  # the many-to-many fields' too
                field.iterator = ReadOnceChoiceIterator
                field.widget.choices = field.choices  # a queryset set later makes its own


class LocaleThemesPageForm(BasePageForm):
    """Offers only the themes of the page's own language: every theme exists in ten languages, and an
    English practice must not be filed under "Salud" (nor show "Culture" ten times)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("themes")
        locale_id = self.instance.locale_id or (self.parent_page.locale_id if self.parent_page else None)
        if field is not None and locale_id is not None:
            field.queryset = field.queryset.filter(locale_id=locale_id).order_by("name")
