"""Admin screens of the shared base: the translation status report."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.models import Locale, Page

from cms import translation_status


class TranslationStatusFilterForm(forms.Form):
    locale = forms.ChoiceField(label=_("Language"), required=False)
    section = forms.ChoiceField(label=_("Section"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("Any state")), *translation_status.STATE_LABELS.items()],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        self.fields["locale"].choices = [("", _("All languages"))] + [
            (code, names[code]) for code in translation_status.target_language_codes()
        ]
        sections = Page.objects.filter(locale=Locale.get_default(), depth=3).order_by("path").only("title", "path")
        self.fields["section"].choices = [("", _("All sections"))] + [(page.path, page.title) for page in sections]


class TranslationStatusReportView(SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every page of the source language with its state in each of the other nine languages."""

    template_name = "cms/admin/translation_status.html"
    page_title = _("Translation status")
    header_icon = "globe"
    list_export = ["title", "url_path", "section"] + [
        f"status_{code}" for code in translation_status.target_language_codes()
    ]
    export_headings = {"title": _("Title"), "url_path": _("Path"), "section": _("Section")} | {
        f"status_{code}": name for code, name in settings.LANGUAGES
    }

    def get_rows(self, form: TranslationStatusFilterForm) -> list[translation_status.PageStatus]:
        data = form.cleaned_data if form.is_valid() else {}
        rows = translation_status.page_statuses(section_path=data.get("section") or None)
        locale, state = data.get("locale"), data.get("state")
        if state:
            codes = [locale] if locale else translation_status.target_language_codes()
            rows = [row for row in rows if any(row.locales[code].state == state for code in codes)]
        return rows

    def get(self, request, *args, **kwargs):
        form = TranslationStatusFilterForm(request.GET or None)
        rows = self.get_rows(form) if form.is_bound else translation_status.page_statuses()
        if self.is_export:
            return self.as_spreadsheet(rows, request.GET.get("export"))
        locale = form.cleaned_data.get("locale") if form.is_bound and form.is_valid() else ""
        names = dict(settings.LANGUAGES)
        codes = [locale] if locale else translation_status.target_language_codes()
        table = [(row, [row.locales[code] for code in codes]) for row in rows]
        context = self.get_context_data(form=form, table=table, columns=[(code, names[code]) for code in codes])
        return self.render_to_response(context)

    def get_filename(self) -> str:
        return "translation-status"
