"""The share kit page, its card image, the one-click relay and our short links."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse, HttpResponseForbidden, HttpResponseNotAllowed
from django.http.response import HttpResponseRedirectBase
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cms.ratelimit import Decision
from cms.sharing import cards, services
from cms.sharing.models import Network, ShareLink

CARD_MAX_AGE = 24 * 3600


class IntentRedirect(HttpResponseRedirectBase):
    """A 303 to the network's posting page, or to the reader's mail program."""

    status_code = 303
    allowed_schemes = ["https", "mailto"]


def share_kit(request, page):
    user = request.user
    partners = services.partners_administered(user)
    kit = services.share_kit(page, user=user if user.is_authenticated else None)
    context = page.get_context(request)
    context.update(
        {
            "kit": kit,
            "card_url": page.url + page.reverse_subpage("share_card"),
            "relay_url": page.url + page.reverse_subpage("share_relay"),
            "is_member": user.is_authenticated,
            "own_counts": services.member_counts(page, user) if user.is_authenticated else None,
            "partners": [
                {"partner": partner, **counts}
                for partner, counts in zip(partners, services.partner_counts(page, partners).values(), strict=True)
            ],
        }
    )
    response = TemplateResponse(request, "cms/sharing/share_kit.html", context)
    if user.is_authenticated:  # the relay forms redirect to the networks' posting pages
        response.csp_form_action = services.INTENT_ORIGINS
    return response


def card(request, page):
    data = cards.card_png(page, _("International Panel on Social Progress"))
    response = HttpResponse(data, content_type="image/png")
    patch_cache_control(response, public=True, max_age=CARD_MAX_AGE)
    return response


def relay(request, page):
    """One click: the relay is counted for the member who clicked (or their partner organisation),
    and the member goes on to the network with the text and their own link."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    share_url = page.url + page.reverse_subpage("share_kit")
    if not request.user.is_authenticated:
        return redirect_to_login(share_url)
    network = request.POST.get("network", "")
    if network not in Network.values:
        raise Http404
    partner = None
    if request.POST.get("partner"):
        partner = next(
            (p for p in services.partners_administered(request.user) if str(p.pk) == request.POST["partner"]), None
        )
        if partner is None:
            return HttpResponseForbidden(_("You may relay only for the partner organisations you administer."))
    decision: Decision = services.RELAY_LIMIT.hit(request)
    if not decision:
        messages.error(request, decision.message)
        return redirect(share_url)
    _relay, kit = services.relay(page, network, request.user, partner)
    item = next(item for item in kit.networks if item["code"] == network)
    return IntentRedirect(item["intent_url"])


@require_GET
def short_link(request, code: str):
    """`/s/<code>/`: count the visit (readers only, once an hour) and land on the page, tagged."""
    link = get_object_or_404(ShareLink.objects.select_related("page", "partner"), code=code)
    page = link.page
    if not page.live or page.get_view_restrictions().exists():
        raise Http404
    services.count_visit(request, link)
    response = redirect(services.landing_url(link))
    patch_cache_control(response, private=True, no_store=True)
    return response
