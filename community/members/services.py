"""The member directory's rules: editing one's own profile, moderating profiles, contacting a member.

* A profile is public only once a moderator approves it (pre-moderation). A member's edit of an
  approved profile keeps it public and sets `changed_since_review` (post-moderation of edits).
* Themes of expertise are stored as the default-language Theme rows and matched by slug, which
  is the same in every language; names are shown in the visitor's language.
* Members are never shown each other's e-mail address: a message goes through the site, with the
  sender's address as Reply-To.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language

from cms.models import Country, Theme
from cms.notifications import notify_user
from community.accounts.services import absolute_url, language_of
from community.members.photos import reencode_photo
from community.models import MemberLanguage, MemberMessage, MemberProfile, ProfileStatus

if TYPE_CHECKING:
    from cms.models import User
    from community.members.forms import ProfileForm


def theme_names(language: str | None = None) -> dict[str, str]:
    """slug -> theme name in `language`, falling back to the default language's name (one query)."""
    language = language or get_language()
    names: dict[str, str] = {}
    rows = Theme.objects.filter(locale__language_code__in={language, settings.LANGUAGE_CODE}).values_list(
        "slug", "name", "locale__language_code"
    )
    for slug, name, code in rows:
        if code == language or slug not in names:
            names[slug] = name
    return dict(sorted(names.items(), key=lambda item: item[1].casefold()))


def canonical_themes(slugs: Iterable[str]) -> QuerySet[Theme]:
    """The default-language Theme rows for these slugs: what profiles point at."""
    return Theme.objects.filter(locale__language_code=settings.LANGUAGE_CODE, slug__in=slugs)


def _replace_photo(profile: MemberProfile, new_photo: object) -> None:
    """`new_photo`: an upload (re-encoded and stored), False (remove) or anything else (keep)."""
    old = profile.photo.name if profile.photo else ""
    if isinstance(new_photo, UploadedFile):
        profile.photo = reencode_photo(new_photo)
    elif new_photo is False:
        profile.photo = ""
    else:
        return
    if old:
        storage = profile.photo.storage
        transaction.on_commit(lambda: storage.delete(old))


@transaction.atomic
def save_own_profile(profile: MemberProfile, form: ProfileForm) -> None:
    """Save what the member typed (a valid ProfileForm) and move the profile along its moderation states."""
    data = form.cleaned_data
    profile = form.save(commit=False)
    _replace_photo(profile, data.get("photo"))
    profile.country = Country.objects.filter(code=data.get("country")).first() if data.get("country") else None
    profile.links = data["links"]
    if profile.status in (ProfileStatus.DRAFT, ProfileStatus.REJECTED):
        profile.status = ProfileStatus.PENDING
    elif profile.status == ProfileStatus.APPROVED:
        profile.changed_since_review = True
    profile.save()
    profile.themes.set(canonical_themes(data["themes"]))
    MemberLanguage.objects.filter(profile=profile).exclude(code__in=data["languages"]).delete()
    kept = set(MemberLanguage.objects.filter(profile=profile).values_list("code", flat=True))
    MemberLanguage.objects.bulk_create(
        [MemberLanguage(profile=profile, code=code) for code in data["languages"] if code not in kept]
    )
    # The account follows the profile: comments record the author's region at the time of writing.
    user = profile.user
    user.region = profile.region
    if data.get("preferred_language"):
        user.preferred_language = data["preferred_language"]
    user.save(update_fields=["region", "preferred_language"])


class Decision:
    APPROVE = "approve"
    REJECT = "reject"


@transaction.atomic
def moderate_profile(
    request: HttpRequest, profile: MemberProfile, *, moderator: User, decision: str, reason: str
) -> None:
    """Approve or reject a profile and tell the member by e-mail, in their language."""
    profile.status = ProfileStatus.APPROVED if decision == Decision.APPROVE else ProfileStatus.REJECTED
    profile.moderation_reason = reason
    profile.changed_since_review = False
    profile.moderated_by = moderator
    profile.moderated_at = timezone.now()
    profile.save(update_fields=["status", "moderation_reason", "changed_since_review", "moderated_by", "moderated_at"])
    language = language_of(profile.user)
    context = {
        "name": profile.name,
        "reason": reason,
        "profile_url": absolute_url(request, "community:member", language, pk=profile.pk),
        "edit_url": absolute_url(request, "community:profile_edit", language),
    }
    notify_user(f"community/email/members/profile_{profile.status}", profile.user, context)


@transaction.atomic
def send_member_message(
    request: HttpRequest, *, sender: User, recipient: MemberProfile, subject: str, body: str
) -> None:
    """Keep the message (so abuse can be traced) and e-mail it to the member, Reply-To the sender."""
    MemberMessage.objects.create(sender=sender, recipient=recipient, subject=subject, body=body)
    sender_profile = MemberProfile.objects.filter(user=sender).first()
    language = language_of(recipient.user)
    context = {
        "recipient_name": recipient.name,
        "sender_name": (sender_profile.name if sender_profile else "") or sender.get_full_name(),
        "sender_profile_url": (
            absolute_url(request, "community:member", language, pk=sender_profile.pk)
            if sender_profile and sender_profile.is_public
            else ""
        ),
        "subject": subject,
        "body": body,
        "settings_url": absolute_url(request, "community:profile_edit", language),
    }
    notify_user("community/email/members/contact_message", recipient.user, context, reply_to=[sender.email])
