"""Communities of practice: members gathered around a Panel theme, a world region, or both.

A `Community` holds what does not depend on the language (who belongs, who coordinates, how it
is run: open or moderated membership, pre- or post-moderated discussion); each language has a
`CommunityPage` for it (translatable description) under the `CommunityIndexPage`. Members
propose a community (a `Community` in the "proposed" state); an editor approves it, which makes
a draft page to finish and publish. Rules live in `community.communities.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.models import BasePage
from cms.translation import synchronised, translated
from community.models.consultations import ModerationMode


class MembershipMode(models.TextChoices):
    OPEN = "open", _("Open: members join at once")
    MODERATED = "moderated", _("Moderated: coordinators admit those who ask to join")


class CommunityState(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    DECLINED = "declined", _("Declined")


class Sector(models.TextChoices):
    RESEARCH = "research", _("Research")
    POLICY = "policy", _("Policy")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    BUSINESS = "business", _("Business")
    COMMUNITY = "community", pgettext_lazy("sector", "Community")


class Community(models.Model):
    """A community of practice, whatever the language: its rules, members and discussion."""

    name = models.CharField(_("name"), max_length=150, help_text=_("As proposed; each page has its own title."))
    description = models.TextField(_("purpose"), max_length=3000, blank=True)
    language = models.CharField(_("language of the proposal"), max_length=10, choices=settings.LANGUAGES, default="en")
    theme_slug = models.SlugField(_("theme"), max_length=120, blank=True, help_text=_("The slug of a Panel theme."))
    region = models.CharField(_("world region"), max_length=3, blank=True, help_text=_("UN M49 region code."))
    membership = models.CharField(
        _("membership"), max_length=10, choices=MembershipMode.choices, default=MembershipMode.OPEN
    )
    moderation = models.CharField(
        _("discussion moderation"), max_length=4, choices=ModerationMode.choices, default=ModerationMode.POST
    )
    state = models.CharField(
        _("state"), max_length=10, choices=CommunityState.choices, default=CommunityState.PROPOSED, db_index=True
    )
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposed_communities",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last monthly digest"), null=True, blank=True)
    created_at = models.DateTimeField(_("proposed on"), auto_now_add=True)

    class Meta:
        verbose_name = _("community of practice")
        verbose_name_plural = _("communities of practice")
        ordering = ["name"]
        permissions = [("approve_community", _("Can approve proposed communities"))]

    def __str__(self) -> str:
        return self.name

    def page_in(self, language: str):
        """The live page of this community in `language` (a fallback alias counts), else in English, else any."""
        pages = {page.locale.language_code: page for page in self.pages.live().public().select_related("locale")}
        return pages.get(language) or pages.get(settings.LANGUAGE_CODE) or next(iter(pages.values()), None)


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("Asked to join")
    ACTIVE = "active", _("Member")


class Membership(models.Model):
    """One participant in one community; a removed or declined member's row is deleted."""

    community = models.ForeignKey(Community, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_memberships")
    status = models.CharField(
        _("status"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.ACTIVE, db_index=True
    )
    is_coordinator = models.BooleanField(_("coordinator"), default=False)
    # Copied when joining (like a comment's region), so the composition needs no join.
    region = models.CharField(_("region"), max_length=3, blank=True)
    sector = models.CharField(_("sector"), max_length=15, choices=Sector.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    admitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("membership")
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["community", "user"], name="one_membership_per_community")]

    def __str__(self) -> str:
        return f"{self.community_id}: {self.user_id}"


class CommunityIndexPage(RoutablePageMixin, BasePage):
    """The list of communities of practice in one language, with the form to propose one."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]
    override_translatable_fields = [*BasePage.override_translatable_fields, *translated("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.CommunityPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("communities index page")

    @path("", name="index")
    @method_decorator(never_cache)
    def index_view(self, request):
        from community.communities import views

        return views.index(request, self)

    @path("propose/", name="propose")
    @method_decorator(never_cache)
    def propose_view(self, request):
        from community.communities import views

        return views.propose(request, self)


class CommunityPage(RoutablePageMixin, BasePage):
    """One community of practice in one language: its purpose, members, practices and discussion.

    The community itself (members, coordinators, rules) is shared by every language version; the
    routes (join, leave, post, the coordinators' page) live in `community.communities.views`.
    """

    community = models.ForeignKey(
        Community,
        verbose_name=_("community"),
        on_delete=models.PROTECT,
        related_name="pages",
        help_text=_("Members, coordinators and rules are shared by every language version."),
    )
    introduction = models.TextField(_("introduction"), max_length=400, help_text=_("One or two sentences."))
    body = RichTextField(_("description"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("community"), FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction"), index.SearchField("body")]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *translated("introduction", "body"),
        *synchronised("community"),
    ]
    parent_page_types = ["community.CommunityIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("community page")

    def route_url(self, name: str, *args) -> str:
        return self.url + self.reverse_subpage(name, args=args or None)

    @path("", name="home")
    @method_decorator(never_cache)
    def home_view(self, request):
        from community.communities import views

        return views.community(request, self)

    @path("members/", name="members")
    @method_decorator(never_cache)
    def members_view(self, request):
        from community.communities import views

        return views.members(request, self)

    @path("join/", name="join")
    def join_view(self, request):
        from community.communities import views

        return views.join(request, self)

    @path("leave/", name="leave")
    def leave_view(self, request):
        from community.communities import views

        return views.leave(request, self)

    @path("comment/", name="comment")
    def comment_view(self, request):
        from community.communities import views

        return views.comment(request, self)

    @path("coordinate/", name="coordinate")
    @method_decorator(never_cache)
    def coordinate_view(self, request):
        from community.communities import views

        return views.coordinate(request, self)

    @path("coordinate/members/<int:membership_id>/", name="member_action")
    def member_action_view(self, request, membership_id: int):
        from community.communities import views

        return views.member_action(request, self, membership_id)

    @path("coordinate/comments/<int:comment_id>/", name="comment_action")
    def comment_action_view(self, request, comment_id: int):
        from community.communities import views

        return views.comment_action(request, self, comment_id)

    @path("coordinate/rules/", name="rules")
    def rules_view(self, request):
        from community.communities import views

        return views.rules(request, self)
