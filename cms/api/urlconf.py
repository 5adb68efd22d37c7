"""The API's URLs alone, as the urlconf middleware consults for the API's responses.

Django's LocaleMiddleware answers any 404 outside a language prefix with a redirect to the same
path under /en/, where Wagtail's catch-all pattern always matches: a partner asking for a missing
item would get a redirect to an HTML page. The API's views point `request.urlconf` here, where
there are no language prefixes, so their JSON 404s reach the client as they are.
"""

from django.urls import include, path

urlpatterns = [path("api/", include("cms.api.urls"))]
