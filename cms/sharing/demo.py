"""Demo share kits (called by community.demo, after the reports, practices and partners exist):
editors' kits for the flagship report and three practices, translated into the nine other
languages through wagtail-localize, and a few relays by the demo participant and the demo partner
administrator with the visits they brought, so the multiplier report has something to show.

Idempotent: kits, translations and relays are created only when missing.
"""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model

from cms.demo import SeedContext, TranslationCatalogue, has_real_translation, load, translate_missing
from cms.sharing import services
from cms.sharing.models import Relay, ShareKit, ShareVisit

catalogue = TranslationCatalogue(Path(__file__).parent / "demo_translations")
content = load(__file__)
PARTICIPANT = "participant@demo.ipsp.org"
PARTNER_ADMIN = "partner-admin@demo.ipsp.org"


def _page(data: dict, language: str):
    model = apps.get_model(data["model"])
    return model.objects.filter(slug=data["slug"], locale__language_code=language, alias_of=None).first()


def seed(context: SeedContext) -> None:
    for data in content["kits"]:
        page = _page(data, "en")
        if page is None:
            continue
        kit = ShareKit.objects.filter(page=page).first()
        if kit is None:
            kit = ShareKit.objects.create(
                page=page, locale=page.locale, key_message=data["key_message"], x_text=data["x_text"]
            )
            context.created += 1
        # Kit by kit, each followed by its translations (the order the admin lists them in).
        translate_missing([kit], context, catalogue, translated=_translated_or_page_is_not)
    _seed_relays(context)


def _translated_or_page_is_not(kit: ShareKit, locale) -> bool:
    """A kit is translated with its page: into the languages its page is translated into."""
    return has_real_translation(kit, locale) or kit.page.get_translation_or_none(locale) is None


def _seed_relays(context: SeedContext) -> None:
    if Relay.objects.exists():
        return
    users = {user.email: user for user in get_user_model().objects.filter(email__in=[PARTICIPANT, PARTNER_ADMIN])}
    participant, administrator = users.get(PARTICIPANT), users.get(PARTNER_ADMIN)
    if participant is None or administrator is None:
        return
    partners = services.partners_administered(administrator)
    for index, language, network, who, visits in content["relays"]:
        page = _page(content["kits"][index], language)
        if page is None or (who == "partner" and not partners):
            continue
        if who == "partner":
            relay, _kit = services.relay(page, network, administrator, partners[0])
        else:
            relay, _kit = services.relay(page, network, participant)
        ShareVisit.objects.bulk_create([ShareVisit(link=relay.link) for _ in range(visits)])
        context.created += 1
