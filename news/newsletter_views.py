"""Views of the weekly digest: the public subscription pages and the "Newsletter" admin screen.

Public (under /<lang>/newsletter/): the form, the "check your inbox" page, and the confirm and
unsubscribe links. A GET on a link only shows a button; the POST acts, so mail scanners that follow
links neither confirm nor unsubscribe anybody. The unsubscribe URL also takes the RFC 8058
one-click POST that mail clients send by themselves, hence its CSRF exemption.

Admin (under /admin/newsletter/): subscribers per language, preview, send with a confirmation step.
Only users with `news.send_newsletterissue` (Editors and Moderators) get past the door; others get 403.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from cms import ratelimit
from cms.forms import ProtectedFormMixin
from cms.public_forms import protected_form_response, renderer
from news import newsletter
from news.models import NewsletterIssue, NewsletterSubscription

SUBSCRIPTION_LIMIT = ratelimit.Limit("newsletter-subscription", limit=5, window=3600)
SEND_PERMISSION = "news.send_newsletterissue"


# --- Public pages --------------------------------------------------------------------------------


class SubscriptionForm(ProtectedFormMixin, forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send you a link to confirm. Your address is used for the digest only and never published."),
    )
    consent = forms.BooleanField(
        label=_(
            "I would like to receive the Panel's weekly digest in this language by e-mail. "
            "I can unsubscribe at any time with the link in every message."
        )
    )


def _language() -> str:
    language = get_language()
    if language not in dict(settings.LANGUAGES):
        raise Http404
    return language


@never_cache
def subscribe(request: HttpRequest) -> HttpResponse:
    language = _language()
    # The same answer whether the address was new, pending, confirmed or cancelled.
    return protected_form_response(
        request,
        SubscriptionForm(request.POST or None),
        limit=SUBSCRIPTION_LIMIT,
        render=renderer(request, "news/newsletter/subscribe.html", {}),
        save=lambda form: newsletter.subscribe(form.cleaned_data["email"], language),
        done_url=reverse("newsletter_thanks"),
    )


def subscribe_thanks(request: HttpRequest) -> HttpResponse:
    _language()
    return TemplateResponse(request, "news/newsletter/subscribe_thanks.html", {})


@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    subscription = get_object_or_404(NewsletterSubscription, token=token)
    state = "pending"
    if subscription.is_unsubscribed:
        state = "cancelled"
    elif request.method == "POST":
        newsletter.confirm(subscription)
        state = "confirmed"
    elif subscription.is_confirmed:
        state = "already-confirmed"
    context = {"subscription": subscription, "state": state, "token": token}
    return TemplateResponse(request, "news/newsletter/confirm.html", context)


# Mail clients send the RFC 8058 one-click POST themselves, without a CSRF token or cookie. The
# secret token in the URL is what authorises it; at worst a forged POST unsubscribes someone.
@csrf_exempt
@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription = get_object_or_404(NewsletterSubscription, token=token)
    done = subscription.is_unsubscribed
    if request.method == "POST":
        newsletter.unsubscribe(subscription)
        done = True
    context = {"subscription": subscription, "done": done, "token": token}
    return TemplateResponse(request, "news/newsletter/unsubscribe.html", context)


# --- Admin ---------------------------------------------------------------------------------------


def _language_names() -> dict[str, str]:
    english_names = getattr(settings, "LANGUAGE_NAMES_EN", {})
    return {
        code: f"{name} ({english_names[code]})" if code in english_names else name for code, name in settings.LANGUAGES
    }


class SendPermissionMixin:
    """A 403 page for signed-in staff without the permission (Wagtail's own denial would redirect)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(SEND_PERMISSION):
            return TemplateResponse(request, "news/newsletter/admin/forbidden.html", {}, status=403)
        return super().dispatch(request, *args, **kwargs)

    def checked_language(self, language: str) -> str:
        if language not in dict(settings.LANGUAGES):
            raise Http404
        return language


class NewsletterAdminMixin(SendPermissionMixin, WagtailAdminTemplateMixin):
    header_icon = "mail"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": reverse("newsletter_admin"), "label": _("Newsletter")}]


class NewsletterIndexView(NewsletterAdminMixin, TemplateView):
    """Every language with its confirmed subscribers, a preview link, a send button and the last issues."""

    template_name = "news/newsletter/admin/index.html"
    page_title = _("Newsletter")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Newsletter")}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = newsletter.confirmed_counts()
        latest = NewsletterIssue.objects.order_by().values("language").annotate(latest=Max("pk")).values("latest")
        last_issues = {issue.language: issue for issue in NewsletterIssue.objects.filter(pk__in=latest)}
        names = _language_names()
        context["languages"] = [
            {"code": code, "name": names[code], "count": counts.get(code, 0), "last_issue": last_issues.get(code)}
            for code, _name in settings.LANGUAGES
        ]
        context["issues"] = NewsletterIssue.objects.select_related("created_by")[:20]
        return context


@method_decorator(xframe_options_sameorigin, name="dispatch")
class NewsletterPreviewView(SendPermissionMixin, View):
    """The digest of one language as today's issue would be sent (with a placeholder unsubscribe link)."""

    def get(self, request, language: str):
        html, _text = newsletter.render_digest(newsletter.build_digest(self.checked_language(language)))
        return HttpResponse(html)


class NewsletterSendView(NewsletterAdminMixin, TemplateView):
    """GET: what is about to go out, to how many people; POST: send it."""

    template_name = "news/newsletter/admin/send.html"
    page_title = _("Send the newsletter")

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_subtitle()}]

    def get_page_subtitle(self):
        return _language_names().get(self.kwargs["language"], "")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = self.checked_language(self.kwargs["language"])
        digest = newsletter.build_digest(language)
        last_issue = NewsletterIssue.objects.filter(language=language).order_by("-created_at", "-id").first()
        context.update(
            {
                "language": language,
                "language_name": _language_names()[language],
                "digest": digest,
                "count": newsletter.confirmed_counts()[language],
                "last_issue": last_issue,
                "last_issue_id": last_issue.pk if last_issue else "",
                "preview_url": reverse("newsletter_admin_preview", args=[language]),
            }
        )
        return context

    def post(self, request, language: str):
        language = self.checked_language(language)
        last_issue = NewsletterIssue.objects.filter(language=language).order_by("-created_at", "-id").first()
        # The confirmation page names the last issue it saw: a second click, or a colleague sending
        # in the meantime, would otherwise send the same digest twice.
        if request.POST.get("last_issue_id", "") != (str(last_issue.pk) if last_issue else ""):
            messages.warning(
                request, _("Another issue in this language was sent meanwhile; nothing was sent. Check below.")
            )
            return redirect("newsletter_admin")
        if not newsletter.confirmed_counts()[language]:
            messages.warning(request, _("Nobody has confirmed a subscription in this language yet; nothing was sent."))
            return redirect("newsletter_admin")
        issue = newsletter.send_issue(language, request.user)
        messages.success(
            request,
            _("“%(subject)s” is being sent to %(count)s subscriber(s).")
            % {"subject": issue.subject, "count": issue.recipient_count},
        )
        return redirect("newsletter_admin")


@method_decorator(xframe_options_sameorigin, name="dispatch")
class NewsletterIssueView(SendPermissionMixin, View):
    """The HTML of a past issue, exactly as stored when it was sent."""

    def get(self, request, pk: int):
        issue = get_object_or_404(NewsletterIssue, pk=pk)
        return HttpResponse(issue.html)
