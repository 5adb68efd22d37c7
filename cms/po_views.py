"""The PO upload of wagtail-localize's translation editor, reporting what it could not apply."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.auth import require_admin_access
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

from cms.po_import import import_po, parse_upload

MAX_PO_SIZE = 5 * 1024 * 1024


@require_admin_access
@require_POST
def upload_pofile(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or "wagtailadmin_home"
    upload = request.FILES.get("file")
    if upload is None or upload.size > MAX_PO_SIZE:
        messages.error(request, _("Please upload a valid PO file."))
        return redirect(next_url)
    try:
        po = parse_upload(upload.read())
    except (OSError, UnicodeDecodeError, ValueError):
        messages.error(request, _("Please upload a valid PO file."))
        return redirect(next_url)
    if po.metadata.get("X-WagtailLocalize-TranslationID") != str(translation.uuid):
        messages.error(request, _("Cannot import PO file that was created for a different translation."))
        return redirect(next_url)
    report = import_po(translation, po, request.user)
    applied = ngettext(
        "%(count)s translation applied from the PO file.",
        "%(count)s translations applied from the PO file.",
        report.applied,
    )
    messages.success(request, applied % {"count": report.applied})
    for problem in report.problems:
        messages.warning(request, problem)
    return redirect(next_url)
