"""Production's Content-Security-Policy and Permissions-Policy on every page type, the API and
the admin; and no public page carries an inline script that the policy would block."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cms import headers

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)


def one_live_page_per_type() -> list[Page]:
    pages = []
    for content_type in ContentType.objects.filter(pk__in=Page.objects.live().values("content_type")).order_by("pk"):
        page = (
            Page.objects.live()
            .public()
            .filter(content_type=content_type, depth__gte=2)
            .order_by("locale_id", "path")
            .first()
        )
        if page is not None:
            pages.append(page)
    return pages


def test_every_public_page_type_has_the_strict_policy_and_no_inline_script(client):
    pages = one_live_page_per_type()
    assert len(pages) >= 10, [page.specific_class.__name__ for page in pages]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
        assert "object-src 'none'" in policy and "frame-ancestors 'self'" in policy
        assert "camera=()" in response["Permissions-Policy"]
        assert INLINE_SCRIPT.findall(response.content.decode()) == [], page.url


@pytest.mark.parametrize("url", ["/en/search/?q=housing", "/en/newsletter/", "/api/v2/practices/", "/sitemap.xml"])
def test_other_public_responses_carry_the_headers_too(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'self'")
    assert "geolocation=()" in response["Permissions-Policy"]


def test_the_admin_gets_its_own_policy(client, editor):
    client.force_login(editor)
    for url in ("/admin/", f"/admin/pages/{Page.objects.filter(depth=2).first().pk}/edit/"):
        response = client.get(url)
        assert response.status_code == 200
        policy = response["Content-Security-Policy"]
        assert "script-src 'self' 'unsafe-inline'" in policy and "object-src 'none'" in policy


def test_a_nonce_is_added_only_when_a_template_uses_it():
    policy = {"script-src": ["'self'", headers.NONCE_PLACEHOLDER]}
    assert headers._header(policy, None) == "script-src 'self'"
    assert headers._header(policy, "abc") == "script-src 'self' 'nonce-abc'"
