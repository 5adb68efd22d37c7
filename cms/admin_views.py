"""Admin screens of the shared base: the translation status report, submitting a translation for review."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Locale, Page, TaskState
from wagtail_localize.models import Translation

from cms import fallbacks, translation_status
from cms.csv_export import FormulaSafeExportMixin
from cms.models import reviews


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


class TranslationStatusReportView(
    FormulaSafeExportMixin, SpreadsheetExportMixin, WagtailAdminTemplateMixin, TemplateView
):
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
        # What readers asked for comes first (in the chosen language, or in all of them).
        rows = translation_status.by_demand(rows, codes)
        table = [(row, [row.locales[code] for code in codes]) for row in rows]
        context = self.get_context_data(form=form, table=table, columns=[(code, names[code]) for code in codes])
        return self.render_to_response(context)

    def get_filename(self) -> str:
        return "translation-status"


class SubmitTranslationForReviewView(View):
    """A translator hands a finished translation to review: the translated text becomes a draft
    revision of the page and the page enters its workflow (editorial sign-off; a translation of
    expert-reviewed content skips the experts). Translators cannot publish; moderators do."""

    @staticmethod
    def back_to(request) -> str:
        """The translation editor the translator came from, or their dashboard."""
        url = request.POST.get("next", "")
        if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
            return url
        return reverse("wagtailadmin_home")

    def post(self, request, page_id: int):
        page = get_object_or_404(Page, pk=page_id).specific
        if page.locale_id == Locale.get_default().pk or not page.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        translation = Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=page.locale, enabled=True
        ).first()
        if translation is None:
            raise Http404
        total, done = translation.get_progress()
        if done < total:
            left = "; ".join(f"“{Truncator(text).chars(60)}”" for text in translation_status.segments_left(translation))
            messages.error(
                request,
                _(
                    "“%(title)s” still has %(count)s segment(s) to translate; it can be submitted once all are "
                    "done. Left to translate: %(left)s"
                )
                % {"title": page.title, "count": total - done, "left": left},
            )
            return redirect(self.back_to(request))
        if page.workflow_in_progress:
            messages.warning(request, _("“%(title)s” is already awaiting review.") % {"title": page.title})
            return redirect("wagtailadmin_home")
        was_fallback = fallbacks.was_fallback(page)
        translation.save_target(user=request.user, publish=False)
        if was_fallback:
            # Until a moderator publishes it, readers keep the original (as a fallback), not the draft.
            fallbacks.keep_fallback_until_published(page)
        page = Page.objects.get(pk=page.pk).specific
        workflow = page.get_workflow()
        if workflow is None:
            messages.error(request, _("No review workflow applies to “%(title)s”.") % {"title": page.title})
            return redirect("wagtailadmin_home")
        workflow.start(page, request.user)
        messages.success(
            request,
            _("“%(title)s” has been submitted for review in %(language)s.")
            % {"title": page.title, "language": page.locale.get_display_name()},
        )
        return redirect("wagtailadmin_home")


def convert_to_alias(request, page_id: int):
    """wagtail-localize's "Convert to alias page", which replaces a translation's content with the
    original's and makes it live: only for people who may publish the translation (wagtail-localize
    itself checks edit rights only, so a translator could replace a live page without sign-off)."""
    from wagtail_localize.views.convert import convert_to_alias as localize_convert_to_alias

    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return localize_convert_to_alias(request, page_id)


class ConfirmedWorkflowActionView(WorkflowActionView):
    """Wagtail's workflow action (the dashboard's and the page header's Approve / Request changes)
    with a confirmation once done, and a clear refusal of a second approval by the same expert."""

    def dispatch(self, request, *args, **kwargs):
        if self.object.workflow_in_progress and reviews.has_approved(self.task_state, request.user):
            messages.error(request, already_approved_message(self.object))
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return self.render_modal_json(request, {"step": "success", "redirect": self.redirect_url})
            return redirect(self.redirect_url)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        task_state = TaskState.objects.get(pk=self.task_state.pk)
        done = task_state.status != TaskState.STATUS_IN_PROGRESS or reviews.has_approved(task_state, request.user)
        if done:
            messages.success(request, action_done_message(self.object, self.action_name, task_state))
        return response


def already_approved_message(page) -> str:
    return _("You have already approved “%(title)s”; it now waits for another reviewer.") % {
        "title": page.get_admin_display_title()
    }


def action_done_message(page, action_name: str, task_state) -> str:
    title = page.get_admin_display_title()
    if action_name != "approve":
        return _("Your decision on “%(title)s” has been recorded.") % {"title": title}
    if task_state.status == TaskState.STATUS_IN_PROGRESS:
        return _(
            "Thank you: your approval of “%(title)s” is recorded. It has left your queue and waits for "
            "an expert from another region."
        ) % {"title": title}
    return _("Thank you: “%(title)s” is approved and has left your queue.") % {"title": title}
