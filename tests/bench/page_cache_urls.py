"""The site's URLs plus `/__bench/plain/`, a view that does nothing (tests/bench/page_cache_settings.py)."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import handler404, handler500  # noqa: F401
from cms.urls import urlpatterns as site_urlpatterns

BODY = b"ok " * 1000  # a fixed ~3 kB body, as the perf harness's plain view


def plain(request):
    return HttpResponse(BODY, content_type="text/plain")


urlpatterns = [path("__bench/plain/", plain), *site_urlpatterns]
