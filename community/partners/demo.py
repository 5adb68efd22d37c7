"""Demo partner organisations (called by community.demo): the partners page and twenty partner
pages in every language, translated through wagtail-localize (the organisations' names as they
write them, their profiles in each language), their countries, themes and practices, a few
confirmed affiliations of demo members, one waiting, and the demo partner administrator.

Idempotent: pages, partners, the account and affiliations are created only when missing.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from cms.demo import (
    SeedContext,
    TranslationCatalogue,
    ensure_index,
    load,
    publish,
    translate_missing,
)
from cms.models import Country, Theme
from community.models import Affiliation, AffiliationStatus, Partner, PartnerIndexPage, PartnerPage
from home.models import HomePage

catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")
content = load(__file__)


def _partner(index: PartnerIndexPage, data: dict, context: SeedContext) -> PartnerPage:
    page = PartnerPage.objects.child_of(index).filter(slug=data["slug"]).select_related("partner").first()
    if page is not None:
        return page
    from django.apps import apps

    practice_model = apps.get_model("practices", "PracticePage")
    partner = Partner.objects.create(name=data["title"], kind=data["kind"], website=data["website"])
    page = PartnerPage(title=data["title"], slug=data["slug"], partner=partner, introduction=data["introduction"])
    page.locale = index.locale
    page.countries = list(Country.objects.filter(code__in=data["countries"]))
    page.themes = list(Theme.objects.filter(locale=index.locale, slug__in=data["themes"]))
    page.practices = list(practice_model.objects.filter(locale=index.locale, slug__in=data["practices"]))
    index.add_child(instance=page)
    publish(page, context.admin)
    context.created += 1
    return page


def _administrator(context: SeedContext):
    data = content["administrator"]
    User = get_user_model()
    user = User.objects.filter(username=data["username"]).first()
    if user is None:
        first, last = data["name"]
        user = User.objects.create(
            username=data["username"],
            email=data["email"],
            first_name=first,
            last_name=last,
            password=context.password(),
            is_active=True,
        )
        context.created += 1
    return user


def _people(partner: Partner, data: dict, users: dict, administrator=None) -> None:
    if partner.affiliations.exists():
        return
    now = timezone.now()
    rows = []
    if administrator is not None:
        rows.append(
            Affiliation(
                partner=partner,
                user=administrator,
                status=AffiliationStatus.CONFIRMED,
                is_administrator=True,
                confirmed_at=now,
            )
        )
    for username in [*data["members"], *data["pending"]]:
        user = users.get(username)
        if user is None:
            continue
        confirmed = username in data["members"]
        rows.append(
            Affiliation(
                partner=partner,
                user=user,
                status=AffiliationStatus.CONFIRMED if confirmed else AffiliationStatus.PENDING,
                confirmed_at=now if confirmed else None,
            )
        )
    Affiliation.objects.bulk_create(rows)


def seed(context: SeedContext) -> None:
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        context.log("No English home page; skipping partner organisations.")
        return
    index = ensure_index(home, PartnerIndexPage, content["index"], context, show_in_menus=False)
    pages = [_partner(index, data, context) for data in content["partners"]]
    translate_missing((index, *pages), context, catalogue)
    usernames = {name for data in content["partners"] for key in ("members", "pending") for name in data[key]}
    users = {user.username: user for user in get_user_model().objects.filter(username__in=usernames)}
    administrator = _administrator(context)
    for number, (page, data) in enumerate(zip(pages, content["partners"], strict=True)):
        _people(page.partner, data, users, administrator if number == 0 else None)
