"""The read-only partner API: live, public content for partners and syndicated press.

Wagtail API v2 endpoints under `/api/v2/` (`news/`, `practices/`, `reports/`, `briefs/`), each a
`PartnerPagesAPIViewSet` in `cms.api.views` that declares its model (by label, so `cms` imports no
domain app), its fields with their JSON schema, its date and its filters. The OpenAPI 3.0
description at `/api/v2/openapi.json` is built from the same declarations (`cms.api.openapi`), so
the two cannot drift apart. Adding an endpoint is one viewset appended to `ENDPOINTS`.

What is never exposed: drafts, private pages (any view restriction), aliases, practices without an
approved expert review, and any field not declared on a viewset (a practice's contact e-mail).
Clients are rate limited per address (`cms.api.throttling`).
"""
