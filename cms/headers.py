"""Content-Security-Policy and Permissions-Policy headers (production settings switch them on).

Public pages get a strict policy: scripts only from the site's own static files (there is no
inline script; a template that needs one writes `<script nonce="{{ request.csp_nonce }}">`, and the
nonce is then added to `script-src` for that response only), no plugins, no framing, forms posting
only to the site (a view may name more destinations for its own response in
`response.csp_form_action`: the share kit's one-click relay redirects to the networks). The
Wagtail admin (and wagtail-localize's editor inside it) still relies on inline scripts and styles,
so `/admin/` gets `CONTENT_SECURITY_POLICY_ADMIN`, which allows them but keeps every other
restriction; the browser test `tests/e2e/test_csp.py` opens the editors under these headers and
fails on any violation reported in the console.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject

NONCE_PLACEHOLDER = "{nonce}"


def _header(policy: dict[str, list[str]], nonce: str | None) -> str:
    parts = []
    for directive, sources in policy.items():
        values = [source for source in sources if source != NONCE_PLACEHOLDER]
        if nonce and NONCE_PLACEHOLDER in sources:
            values.append(f"'nonce-{nonce}'")
        parts.append(" ".join([directive, *values]) if values else directive)
    return "; ".join(parts)


class SecurityHeadersMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        nonce: list[str] = []

        def make_nonce() -> str:
            if not nonce:
                nonce.append(secrets.token_urlsafe(18))
            return nonce[0]

        request.csp_nonce = SimpleLazyObject(make_nonce)
        response = self.get_response(request)
        admin = request.path.startswith(getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN_PREFIX", "/admin/"))
        policy = (
            getattr(settings, "CONTENT_SECURITY_POLICY_ADMIN", None)
            if admin
            else getattr(settings, "CONTENT_SECURITY_POLICY", None)
        )
        extra_form_action = getattr(response, "csp_form_action", None)
        if policy and extra_form_action:
            policy = {**policy, "form-action": [*policy.get("form-action", []), *extra_form_action]}
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = _header(policy, nonce[0] if nonce else None)
        permissions = getattr(settings, "PERMISSIONS_POLICY", None)
        if permissions and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = ", ".join(
                f"{feature}=({' '.join(allowed)})" for feature, allowed in permissions.items()
            )
        return response


# The policies production uses (cms/settings/production.py) and the tests check.
_COMMON = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    # Embedded videos (Wagtail embeds) play in frames from their providers.
    "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://www.youtube.com", "https://player.vimeo.com"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],  # the admin previews pages and newsletters in same-origin frames
}
PUBLIC_POLICY = {
    **_COMMON,
    "script-src": ["'self'", NONCE_PLACEHOLDER],
    # style attributes in a few templates (a width, a colour from the CMS): styles cannot run code.
    "style-src": ["'self'", "'unsafe-inline'"],
}
ADMIN_POLICY = {
    **_COMMON,
    # Wagtail 8's admin and wagtail-localize's editor still use inline scripts and handlers.
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
}
PERMISSIONS = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "interest-cohort": [],
    "browsing-topics": [],
    "fullscreen": ["self"],
}


def with_media_origin(policy: dict[str, list[str]], origin: str | None) -> dict[str, list[str]]:
    """Allow images and media from object storage's own domain (AWS_S3_CUSTOM_DOMAIN or endpoint)."""
    if not origin:
        return policy
    return {**policy, "img-src": [*policy["img-src"], origin], "media-src": ["'self'", origin]}
