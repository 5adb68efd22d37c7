"""The forms participants and moderators fill in about comments.

Several comment forms share one page (one per section, one reply form per thread), so each is
given its own `auto_id` prefix by the views: the field names stay `body` and `parent`, the
element ids differ ("comment-question-body", "reply-12-body").
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from community.models import Comment

BODY_MAX_LENGTH = Comment._meta.get_field("body").max_length


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        max_length=BODY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Plain text. Web addresses become links."),
    )
    # Which comment this replies to; the services check it is a visible top-level comment here.
    parent = forms.ModelChoiceField(queryset=Comment.objects.all(), required=False, widget=forms.HiddenInput)


class CommentEditForm(forms.Form):
    body = CommentForm.base_fields["body"]


class FlagForm(forms.Form):
    reason = forms.CharField(
        label=_("What is wrong with this comment? (optional)"),
        max_length=300,
        required=False,
    )


class ModerationForm(forms.Form):
    """A moderator's decision; hiding needs a reason, which the author receives by e-mail."""

    action = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("hide", _("Hide")), ("restore", _("Restore"))],
    )
    reason = forms.CharField(
        label=_("Reason for hiding"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to hide a comment. Sent to the author."),
    )

    def clean(self):
        data = super().clean()
        if data.get("action") == "hide" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for hiding the comment: its author will read it."))
        return data
