"""The living style page, /<lang>/styleguide/: staff only, never cached, valid and accessible, in a
left-to-right and a right-to-left language, and linked from the admin's menu."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings

from community.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_a_reader_who_is_not_logged_in_is_sent_to_the_admin_login(client):
    response = client.get("/en/styleguide/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/en/styleguide/"


def test_a_member_without_admin_access_is_refused(client):
    client.force_login(ParticipantFactory())
    assert client.get("/fr/styleguide/").status_code == 403


def test_an_editor_sees_tokens_contrast_scripts_and_components(client, editor):
    client.force_login(editor)
    response = client.get("/en/styleguide/")
    assert response.status_code == 200
    assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    content = response.content.decode()
    ratios = [float(ratio) for ratio in re.findall(r'class="styleguide__ratio">([\d.]+):1<', content)]
    assert len(ratios) > 20 and min(ratios) >= 4.5
    assert "--color-theme-6" in content and 'class="theme-chip theme-chip--theme-' in content
    # A sample in each of the ten languages, in its own script, with lang and dir.
    for code, direction, sample in [
        ("ur", "rtl", "سماجی ترقی"),
        ("ar", "rtl", "للتقدم الاجتماعي"),
        ("hi", "ltr", "सामाजिक प्रगति"),
        ("zh-hans", "ltr", "社会进步"),
        ("ru", "ltr", "социальн"),
    ]:
        section = re.search(rf'<section lang="{code}" dir="{direction}".*?</section>', content, re.S)
        assert section and sample in section.group(0), code
    assert content.count('<section lang="') == 10
    # The shared components: a form with its errors (error summary, field errors), pagination, messages.
    assert 'id="form-errors"' in content and content.count('class="form-field__error"') >= 2
    assert 'class="pagination"' in content and 'rel="prev"' in content
    assert "message--success" in content and "message--error" in content
    assert '<aside class="layout__aside"' in content


@override_settings(PAGE_CACHE_ENABLED=True)
def test_the_page_cache_never_stores_it(client, editor):
    client.force_login(editor)
    first = client.get("/en/styleguide/")
    client.logout()
    assert first.status_code == 200
    assert client.get("/en/styleguide/").status_code == 302  # not the editor's page from the cache


def test_the_admin_menu_links_to_it_in_the_admin_language(client, editor):
    client.force_login(editor)
    admin = client.get("/admin/").content.decode()
    assert "/en/styleguide/" in admin


def rendered(client, editor) -> dict[str, bytes]:
    client.force_login(editor)
    pages = {f"/{language}/styleguide/": client.get(f"/{language}/styleguide/") for language in ("en", "ur")}
    assert all(response.status_code == 200 for response in pages.values())
    return {name: response.content for name, response in pages.items()}


def test_the_style_page_has_no_html_errors(client, editor):
    from tests.tooling import html_errors

    assert html_errors(rendered(client, editor)) == []


@pytest.mark.browser
def test_the_style_page_has_no_accessibility_violations(client, editor):
    from tests.tooling import axe_violations

    assert axe_violations(rendered(client, editor)) == {}
