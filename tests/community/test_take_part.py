"""Taking part is one click away in every language: menu, footer, home page, and one page listing every way."""

import datetime
import re

import pytest
from django.conf import settings

from community.models import ConsultationIndexPage, ConsultationPage

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def test_menu_and_footer_of_every_language_lead_to_take_part(client):
    for code in LANGUAGES:
        content = client.get(f"/{code}/").content.decode()
        nav = content[content.find('<nav class="site-nav"') : content.find("</nav>", content.find('class="site-nav"'))]
        footer = content[content.find("<footer") :]
        assert f'href="/{code}/take-part/"' in nav, code
        assert f'href="/{code}/take-part/"' in footer, code


def test_take_part_page_lists_consultations_open_first_and_every_way_in(client):
    content = client.get("/bn/take-part/").content.decode()
    assert '<html lang="bn"' in content
    states = re.findall(r'class="consultation-card consultation-card--(\w+)"', content)
    assert states and states == sorted(states, key=["open", "upcoming", "closed"].index)
    for link in ('href="/bn/members/"', 'href="/bn/account/signup/"', 'href="/bn/practices/share/"'):
        assert link in content, link
    assert re.search(r'href="/bn/[^"]+/">[^<]+</a></li>', content)  # topic proposals


def test_an_open_consultation_is_featured_on_every_home_page_while_open(client, locales):
    index = ConsultationIndexPage.objects.get(locale=locales["en"])
    consultation = index.add_child(
        instance=ConsultationPage(
            title="Aaa open question for every language",
            slug="open-question-everywhere",
            opens_at=datetime.datetime(2026, 11, 1, tzinfo=datetime.UTC),
            closes_at=datetime.datetime(2026, 12, 31, tzinfo=datetime.UTC),
        )
    )
    consultation.save_revision().publish()
    for code in LANGUAGES:
        content = client.get(f"/{code}/").content.decode()
        # Once: as the panel's title (its button repeats the link), never twice as fallback and original.
        link = f'href="/{code}/consultations/open-question-everywhere/"'
        featured = rf'<(?:h3 class="home-panel__title"[^>]*><a|li><a) {link}'
        assert len(re.findall(featured, content)) == 1, code


def test_home_page_call_to_action_leads_to_take_part(client):
    content = client.get("/fr/").content.decode()
    start = content.find('<section class="hero')
    hero = content[start : content.find("</section>", start)]
    assert '<a class="home-button-secondary" href="/fr/take-part/">Participer</a>' in hero
