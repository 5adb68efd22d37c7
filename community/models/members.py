"""The network of thinkers and doers: a public profile per participant, shown once a moderator approves it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class MemberRole(models.TextChoices):
    RESEARCHER = "researcher", _("Researcher")
    PRACTITIONER = "practitioner", _("Practitioner")
    POLICYMAKER = "policymaker", _("Policymaker")
    ACTIVIST = "activist", _("Activist")
    BUSINESS = "business", _("Business")
    JOURNALIST = "journalist", _("Journalist")
    FUNDER = "funder", _("Funder")
    OTHER = "other", _("Other")


class ProfileStatus(models.TextChoices):
    DRAFT = "draft", _("Not submitted")
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Public")
    REJECTED = "rejected", _("Not approved")


class MemberProfileQuerySet(models.QuerySet):
    def public(self):
        """Approved profiles of active accounts: the only ones a visitor may see."""
        return self.filter(status=ProfileStatus.APPROVED, user__is_active=True)


class MemberProfile(index.Indexed, models.Model):
    """A participant's public profile. Members edit their own; moderators decide when it is public.

    Edits after approval keep the profile public and set `changed_since_review`, so moderators can
    look again (post-moderation of edits; pre-moderation of the first publication).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.CASCADE, related_name="member_profile"
    )
    name = models.CharField(_("name"), max_length=150, help_text=_("As you want it shown publicly."))
    photo = models.ImageField(_("photo"), upload_to="members/%Y/", blank=True)
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.RESEARCHER)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.ForeignKey(
        "cms.Country", verbose_name=_("country"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Copied from the country on save (UN M49 region code) so the directory filters without a join.
    region = models.CharField(_("world region"), max_length=3, blank=True, editable=False, db_index=True)
    themes = models.ManyToManyField(
        "cms.Theme", verbose_name=_("themes of expertise"), blank=True, related_name="member_profiles"
    )
    bio = models.TextField(_("short biography"), max_length=1200, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True, help_text=_("Web addresses, one per line."))
    practices = models.ManyToManyField(
        "practices.PracticePage", verbose_name=_("practices"), blank=True, related_name="member_profiles"
    )
    chapters = models.ManyToManyField(
        "reports.ChapterPage", verbose_name=_("report chapters"), blank=True, related_name="member_profiles"
    )
    accepts_messages = models.BooleanField(
        _("accept messages from members"),
        default=True,
        help_text=_("Members can write to you through the site. Your e-mail address is never shown."),
    )
    # Set by editors: a recognized voice on a theme is shown on that theme's page and on its practices.
    recognized_themes = models.ManyToManyField(
        "cms.Theme", verbose_name=_("recognized voice on"), blank=True, related_name="recognized_voices"
    )

    status = models.CharField(
        _("status"), max_length=10, choices=ProfileStatus.choices, default=ProfileStatus.DRAFT, db_index=True
    )
    changed_since_review = models.BooleanField(_("changed since review"), default=False)
    moderation_reason = models.TextField(_("reason given to the member"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = MemberProfileQuerySet.as_manager()

    # Site search finds members by name and expertise (public profiles only: see MemberProfileQuerySet).
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
        index.SearchField("bio"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("status"),
        index.FilterField("region"),
        index.FilterField("role"),
    ]

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["name"]
        permissions = [("moderate_memberprofile", _("Can approve or reject member profiles"))]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.region = self.country.region if self.country_id and self.country else ""
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        return self.status == ProfileStatus.APPROVED and self.user.is_active


class MemberLanguage(models.Model):
    """A language a member speaks (BCP 47 code, any language, not only the site's ten)."""

    profile = models.ForeignKey(MemberProfile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=12, db_index=True)

    class Meta:
        verbose_name = _("language spoken")
        unique_together = [("profile", "code")]
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class MemberMessage(models.Model):
    """ "Contact this member": kept so abuse can be traced; delivered by e-mail without showing addresses."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="sent_member_messages"
    )
    recipient = models.ForeignKey(MemberProfile, on_delete=models.CASCADE, related_name="received_messages")
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message to a member")
        verbose_name_plural = _("messages to members")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject
