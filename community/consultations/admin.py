"""Wagtail admin for consultations (registered through community.wagtail_hooks).

The comment moderation queue (community.comments.admin) covers consultations and topic
proposals; this registers it, and adds "Download responses (CSV)" to each consultation in the
page explorer for the people allowed to read every response.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from community.comments import services
from community.comments.admin import CommentModerationViewSet
from community.models import ConsultationPage


@hooks.register("register_admin_viewset")
def register_comment_moderation():
    return CommentModerationViewSet("comment-moderation")


@hooks.register("register_page_listing_more_buttons")
def consultation_export_button(page, user, next_url=None):
    if isinstance(page.specific_deferred, ConsultationPage) and user.has_perm(services.MODERATE_PERMISSION):
        yield Button(
            _("Download responses (CSV)"),
            url=reverse(CommentModerationViewSet.export_url_name, args=[page.translation_key]),
            icon_name="download",
            priority=90,
        )
