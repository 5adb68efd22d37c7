"""Share kits: the links handed out, relays by members and partners, and the visits they bring."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from django.apps import apps
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.http import HttpRequest

from cms.blocks import localized_pages_by_id
from cms.links import absolute_url, page_url
from cms.ratelimit import Limit
from cms.sharing import texts
from cms.sharing.models import Network, Relay, ShareKit, ShareLink, ShareVisit

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from wagtail.models import Page

    from cms.models import User

# One visit per client, link and hour; relays are clicks of a member, not a flood.
VISIT_LIMIT_WINDOW = 3600
RELAY_LIMIT = Limit("share-relay", limit=60, window=3600)
# Link previews and crawlers fetch a link as soon as it is posted: they are not readers.
BOT_AGENTS = re.compile(
    r"bot|crawl|spider|slurp|preview|facebookexternalhit|embedly|whatsapp|telegram|skype|discord|"
    r"bluesky|cardyb|linkedin|curl|wget|python-|httpx|go-http|java/|headless",
    re.IGNORECASE,
)


def partners_administered(user: User | AnonymousUser) -> list[Any]:
    """The partner organisations `user` administers (a confirmed affiliation as administrator)."""
    if not user.is_authenticated:
        return []
    partner_model = apps.get_model("community", "Partner")
    return list(
        partner_model.objects.filter(
            affiliations__user=user, affiliations__is_administrator=True, affiliations__status="confirmed"
        ).order_by("name")
    )


def kit_for(page: Page) -> ShareKit | None:
    """The editors' kit for `page` (in its own language), if they wrote one."""
    return ShareKit.objects.filter(page=page).first()


def links_for(page: Page, *, user: User | None = None, partner: Any = None) -> dict[str, ShareLink]:
    """The short link of each network for `page`, made for `partner`, else for `user`, else for the
    site itself (readers sharing from the kit page); created on first use."""
    owner = {"user": None if partner else user, "partner": partner}
    existing = {link.network: link for link in ShareLink.objects.filter(page=page, **owner)}
    for network in Network.values:
        if network not in existing:
            existing[network] = _create_link(page, network, owner)
    return existing


def _create_link(page: Page, network: str, owner: dict[str, Any]) -> ShareLink:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return ShareLink.objects.create(
                    code=secrets.token_urlsafe(7)[:10],
                    page=page,
                    language=page.locale.language_code,
                    network=network,
                    **owner,
                )
        except IntegrityError:  # made meanwhile by a parallel request (or, rarely, a code taken)
            found = ShareLink.objects.filter(page=page, network=network, **owner).first()
            if found is not None:
                return found
    raise RuntimeError("Could not make a share link")


def short_url(link: ShareLink) -> str:
    return absolute_url(f"/s/{link.code}/")


def landing_url(link: ShareLink) -> str:
    """Where a short link lands: the page, with UTM parameters naming the network and the relay."""
    if link.partner_id:
        content = f"partner-{link.partner_id}"
    elif link.user_id:
        content = f"member-{link.user_id}"
    else:
        content = "site"
    query = urlencode(
        {"utm_source": link.network, "utm_medium": "social", "utm_campaign": "share-kit", "utm_content": content}
    )
    return f"{page_url(link.page)}?{query}"


# Where a relay redirects to: the share kit page lets its forms go there (cms.headers).
INTENT_ORIGINS = ["https://x.com", "https://bsky.app", "https://www.linkedin.com", "https://wa.me", "mailto:"]


def intent_url(network: str, text: str, subject: str = "") -> str:
    """The network's own page for posting `text` (it already holds the link)."""
    if network == Network.X:
        return f"https://x.com/intent/post?text={quote(text)}"
    if network == Network.BLUESKY:
        return f"https://bsky.app/intent/compose?text={quote(text)}"
    if network == Network.LINKEDIN:
        # LinkedIn takes only the link; the text is copied from the kit.
        link = text.rsplit(maxsplit=1)[-1]
        return f"https://www.linkedin.com/sharing/share-offsite/?url={quote(link, safe='')}"
    if network == Network.WHATSAPP:
        return f"https://wa.me/?text={quote(text)}"
    return f"mailto:?subject={quote(subject)}&body={quote(text)}"


@dataclass
class Kit:
    page: object
    key_message: str
    networks: list[dict] = field(default_factory=list)


def share_kit(page: Page, *, user: User | None = None, partner: Any = None) -> Kit:
    """The kit of `page` as `user` (or `partner`) relays it: texts with their own links."""
    links = links_for(page, user=user, partner=partner)
    key_message, by_network = texts.kit_texts(page, kit_for(page), {n: short_url(link) for n, link in links.items()})
    kit = Kit(page=page, key_message=key_message)
    for network in Network:
        item = by_network[network.value]
        kit.networks.append(
            {
                "code": network.value,
                "label": network.label,
                "link": short_url(links[network.value]),
                "intent_url": intent_url(network.value, item["text"], item.get("subject", "")),
                **item,
            }
        )
    return kit


class NotAllowed(Exception):
    """A relay for a partner organisation the member does not administer."""


def relay(page: Page, network: str, user: User, partner: Any = None) -> tuple[Relay, Kit]:
    """Record that `user` relays `page` on `network` (for `partner`, which they must administer)."""
    if partner is not None and partner.pk not in {p.pk for p in partners_administered(user)}:
        raise NotAllowed
    kit = share_kit(page, user=user, partner=partner)
    link = ShareLink.objects.get(page=page, network=network, user=None if partner else user, partner=partner)
    recorded = Relay.objects.create(
        page=page, language=page.locale.language_code, network=network, user=user, partner=partner, link=link
    )
    return recorded, kit


def is_bot(request: HttpRequest) -> bool:
    agent = request.headers.get("User-Agent", "")
    return not agent or bool(BOT_AGENTS.search(agent))


def count_visit(request: HttpRequest, link: ShareLink) -> bool:
    """Count a reader who followed `link`: not a bot, not a HEAD, once per client and hour."""
    if request.method != "GET" or is_bot(request):
        return False
    if not Limit(f"share-visit:{link.code}", limit=1, window=VISIT_LIMIT_WINDOW).hit(request):
        return False
    ShareVisit.objects.create(link=link)
    return True


def member_counts(page: Page, user: User) -> dict[str, Any]:
    """What `user`'s own relays of `page` brought (their partner organisations' relays apart)."""
    relays = Relay.objects.filter(page=page, user=user, partner=None).count()
    visits = ShareVisit.objects.filter(link__page=page, link__user=user, link__partner=None).count()
    return {"relays": relays, "visits": visits}


def partner_counts(page: Page, partners: list[Any]) -> dict[int, dict[str, Any]]:
    ids = [partner.pk for partner in partners]
    relays = dict(
        Relay.objects.filter(page=page, partner_id__in=ids)
        .values_list("partner_id")
        .annotate(n=Count("pk"))
        .values_list("partner_id", "n")
    )
    visits = dict(
        ShareVisit.objects.filter(link__page=page, link__partner_id__in=ids)
        .values_list("link__partner_id")
        .annotate(n=Count("pk"))
        .values_list("link__partner_id", "n")
    )
    return {pk: {"relays": relays.get(pk, 0), "visits": visits.get(pk, 0)} for pk in ids}


@dataclass
class ReportRow:
    page: Any
    language: str
    relays: int = 0
    visits: int = 0
    by_network: dict[str, dict] = field(default_factory=dict)  # network -> {"relays", "visits"}
    by_partner: dict[str, dict] = field(default_factory=dict)  # partner name -> {"relays", "visits"}

    @property
    def multiplier(self) -> float | None:
        """Visits brought per relay."""
        return round(self.visits / self.relays, 1) if self.relays else None


def multiplier_report(language: str = "") -> list[ReportRow]:
    """Per item and language: relays and the visits they brought, by network and by partner.

    Four grouped queries and one for the pages, whatever the number of relays and visits."""
    relay_rows = Relay.objects.all()
    visit_rows = ShareVisit.objects.exclude(link__user=None, link__partner=None)
    if language:
        relay_rows = relay_rows.filter(language=language)
        visit_rows = visit_rows.filter(link__language=language)
    rows: dict[tuple[int, str], ReportRow] = {}

    def row(page_id: int, lang: str) -> ReportRow:
        return rows.setdefault((page_id, lang), ReportRow(page=page_id, language=lang))

    def cell(table: dict[str, dict[str, int]], key: str) -> dict[str, int]:
        return table.setdefault(key, {"relays": 0, "visits": 0})

    for page_id, lang, network, n in relay_rows.values_list("page_id", "language", "network").annotate(n=Count("pk")):
        item = row(page_id, lang)
        item.relays += n
        cell(item.by_network, network)["relays"] += n
    for page_id, lang, network, n in visit_rows.values_list(
        "link__page_id", "link__language", "link__network"
    ).annotate(n=Count("pk")):
        item = row(page_id, lang)
        item.visits += n
        cell(item.by_network, network)["visits"] += n
    for page_id, lang, name, n in (
        relay_rows.exclude(partner=None).values_list("page_id", "language", "partner__name").annotate(n=Count("pk"))
    ):
        cell(row(page_id, lang).by_partner, name)["relays"] += n
    for page_id, lang, name, n in (
        visit_rows.exclude(link__partner=None)
        .values_list("link__page_id", "link__language", "link__partner__name")
        .annotate(n=Count("pk"))
    ):
        cell(row(page_id, lang).by_partner, name)["visits"] += n
    page_model = apps.get_model("wagtailcore", "Page")
    pages = page_model.objects.in_bulk({page_id for page_id, _lang in rows})
    result = []
    for (page_id, _lang), item in rows.items():
        item.page = pages.get(page_id)
        if item.page is not None:
            result.append(item)
    result.sort(key=lambda item: (-item.visits, -item.relays, item.page.title, item.language))
    return result


def relayed_by(partner: Any, limit: int = 10) -> list[dict[str, Any]]:
    """What a partner organisation relayed through the share kits, newest first: each page once (in
    the reader's language where translated), with the networks and the last date (two queries)."""
    rows = (
        Relay.objects.filter(partner=partner, page__live=True)
        .values("page_id", "network")
        .annotate(last=Max("created_at"))
        .order_by("-last")
    )
    pages: dict[int, dict[str, Any]] = {}
    for row in rows:
        entry = pages.setdefault(row["page_id"], {"networks": [], "last": row["last"]})
        entry["networks"].append(Network(row["network"]).label)
    chosen = list(pages.items())[:limit]
    shown = localized_pages_by_id([page_id for page_id, _entry in chosen])
    return [{"page": shown[page_id], **entry} for page_id, entry in chosen if page_id in shown]
