"""What a visitor may find: the one place site search and suggestions decide it.

Pages: live, without a view restriction (on themselves or an ancestor), in the visitor's language,
and, for page types that need it (practices), with an approved expert review. Drafts and
embargoed declarations (not live until their go-live time) and the press room (restricted) are
therefore never found.

Members: approved profiles of active accounts (`MemberProfile.objects.public()`), in every language.
The search backends can only filter on indexed fields and `MemberProfile.search_fields` indexes
`status` but not the account's `is_active`, so members are searched among approved profiles and
those of deactivated accounts are dropped after the search (`visible_members`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction

from cms import page_cache
from cms.models.reviews import unreviewed_ids
from community.models import MemberProfile, ProfileStatus


def visible_pages(locale: Locale) -> QuerySet:
    """Pages of `locale` a visitor may see. What hides a page (the subtrees under a view restriction,
    the unreviewed pages) is read once per content change (`cms.page_cache.remember`: two queries
    then, none after), so a search asks the database only for its results."""
    restricted, unreviewed = page_cache.remember(f"search:hidden:{locale.pk}", lambda: _hidden(locale))
    # Search backends take plain id filters only, hence the id list rather than `without_unreviewed`.
    return _public_pages(locale, restricted).exclude(id__in=unreviewed)


def _public_pages(locale: Locale, restricted: list[tuple[str, int]]) -> QuerySet:
    """Wagtail's `PageQuerySet.public()` of the live pages of `locale`, from the (path, depth) of the
    restricted pages: no page at or below a restriction."""
    public = Q()
    for path, depth in restricted:
        public &= ~Q(path__startswith=path, depth__gte=depth)
    return Page.objects.live().filter(locale=locale).filter(public)


def _hidden(locale: Locale) -> tuple[list[tuple[str, int]], list[int]]:
    restricted = list(PageViewRestriction.objects.order_by("page__path").values_list("page__path", "page__depth"))
    return restricted, unreviewed_ids(_public_pages(locale, restricted))


def searchable_members() -> QuerySet:
    """Approved profiles, the widest set the search backends can filter to."""
    return MemberProfile.objects.filter(status=ProfileStatus.APPROVED)


def visible_members(profiles: Iterable[MemberProfile]) -> list[MemberProfile]:
    """Drop profiles of deactivated accounts (see the module docstring). Expects `select_related("user")`."""
    return [profile for profile in profiles if profile.user.is_active]


def member_url(profile: MemberProfile) -> str:
    return reverse("community:member", args=[profile.pk])
