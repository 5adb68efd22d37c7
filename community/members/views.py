"""The member directory (/<lang>/members/...): listing with filters, profiles, a member's own
profile form, "Contact this member" and the theme pages with their recognized voices."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from cms.blocks import localized_pages
from cms.models import Theme
from cms.public_forms import protected_form_response, renderer
from community.accounts.protection import CONTACT_MEMBER_LIMIT, PROFILE_EDIT_LIMIT
from community.members import listing, services
from community.members.forms import ContactMemberForm, DirectoryFilterForm, ProfileForm
from community.models import MemberLanguage, MemberProfile

PER_PAGE = 24
THEME_PAGE_OTHERS = 24
TEMPLATES = "community/members/"


def _render(request: HttpRequest, name: str, context: dict, status: int = 200) -> TemplateResponse:
    return TemplateResponse(request, TEMPLATES + name, context, status=status)


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    language = get_language()
    names = services.theme_names(language)
    public = MemberProfile.objects.public().order_by()
    form = DirectoryFilterForm(
        request.GET or None,
        language=language,
        theme_choices=names.items(),
        country_codes=public.exclude(country=None).values_list("country_id", flat=True).distinct(),
        language_codes=MemberLanguage.objects.filter(profile__in=public.values("pk"))
        .order_by()
        .values_list("code", flat=True)
        .distinct(),
    )
    filters = form.filters() if request.GET else {}
    profiles = listing.filter_profiles(listing.public_cards(), filters).order_by("name", "pk")
    page = Paginator(profiles, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "form": form,
        "filters": filters,
        "page_obj": page,
        "members": listing.describe(page.object_list, language, names),
    }
    return _render(request, "directory.html", context)


@require_safe
def member(request: HttpRequest, pk: int) -> HttpResponse:
    profile = get_object_or_404(listing.with_card_relations(MemberProfile.objects.select_related("user")), pk=pk)
    is_own = request.user.is_authenticated and profile.user_id == request.user.pk
    if not profile.is_public and not is_own:
        raise Http404
    language = get_language()
    [profile] = listing.describe([profile], language, services.theme_names(language))
    context = {
        "profile": profile,
        "is_own": is_own,
        # Validated when saved; checked again here because an old row might predate the check.
        "links": [link for link in profile.links or [] if str(link).lower().startswith(("https://", "http://"))],
        "practices": [page for page in localized_pages(list(profile.practices.live().public())) if page.live],
        "chapters": [page for page in localized_pages(list(profile.chapters.live().public())) if page.live],
        "can_contact": profile.is_public and profile.accepts_messages and not is_own,
    }
    return _render(request, "member.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    """Always the logged-in member's own profile: there is no id in the address to change."""
    profile = MemberProfile.objects.filter(user=request.user).first() or MemberProfile(user=request.user)
    language = get_language()
    options = {"language": language, "theme_choices": list(services.theme_names(language).items())}

    def save(form: ProfileForm) -> None:
        was_public = profile.is_public if profile.pk else False
        services.save_own_profile(profile, form)
        if was_public:
            messages.success(request, _("Your profile is saved; the changes are public."))
        else:
            messages.success(
                request,
                _("Your profile is saved and sent for review. We will tell you by e-mail when it is public."),
            )

    return protected_form_response(
        request,
        ProfileForm(request.POST or None, request.FILES or None, instance=profile, **options),
        limit=PROFILE_EDIT_LIMIT,
        render=renderer(request, TEMPLATES + "profile_edit.html", {"profile": profile}),
        save=save,
        done_url=reverse("community:account"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_member(request: HttpRequest, pk: int) -> HttpResponse:
    recipient = get_object_or_404(MemberProfile.objects.public().select_related("user"), pk=pk)
    if not recipient.accepts_messages or recipient.user_id == request.user.pk:
        raise Http404

    def spam(form: ContactMemberForm) -> None:
        messages.success(request, _("Your message is sent. The member's reply will come to your e-mail address."))

    def save(form: ContactMemberForm) -> None:
        data = form.cleaned_data
        services.send_member_message(
            request, sender=request.user, recipient=recipient, subject=data["subject"], body=data["body"]
        )
        spam(form)  # the same answer

    return protected_form_response(
        request,
        ContactMemberForm(request.POST or None),
        limit=CONTACT_MEMBER_LIMIT,
        render=renderer(request, TEMPLATES + "contact.html", {"recipient": recipient}),
        save=save,
        spam=spam,
        done_url=reverse("community:member", kwargs={"pk": recipient.pk}),
    )


@require_safe
def theme(request: HttpRequest, slug: str) -> HttpResponse:
    language = get_language()
    themes = {t.locale.language_code: t for t in Theme.objects.filter(slug=slug).select_related("locale")}
    current = themes.get(language) or themes.get(settings.LANGUAGE_CODE)
    if current is None:
        raise Http404
    names = services.theme_names(language)
    voices = listing.describe(listing.recognized_on([slug]).order_by("name", "pk"), language, names)
    others = (
        listing.filter_profiles(listing.public_cards(), {"theme": slug})
        .exclude(pk__in=[voice.pk for voice in voices])
        .order_by("name", "pk")
    )
    context = {
        "theme": current,
        "theme_language": current.locale.language_code,
        "voices": voices,
        "others": listing.describe(others[:THEME_PAGE_OTHERS], language, names),
        "others_count": others.count(),
    }
    return _render(request, "theme.html", context)
