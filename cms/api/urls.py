"""URLs of the partner API, included under /api/ (outside the language prefix)."""

from django.urls import path, re_path
from wagtail.api.v2.router import WagtailAPIRouter

from cms.api.openapi import openapi_json
from cms.api.views import ENDPOINTS, not_found

api_router = WagtailAPIRouter("partner_api")
for viewset in ENDPOINTS:
    api_router.register_endpoint(viewset.endpoint_name, viewset)

urlpatterns = [
    path("v2/openapi.json", openapi_json, name="partner_api_openapi"),
    path("v2/", api_router.urls),
    # Any other address ending in a slash; without one, CommonMiddleware first redirects to it.
    re_path(r"^[\s\S]*/$", not_found),  # [\s\S]: an id may carry an encoded newline
]
