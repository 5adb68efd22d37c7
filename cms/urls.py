from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms import admin_views, po_views, styleguide
from cms import views as cms_views
from cms.auth import AdminPasswordResetView, authenticate_with_password
from cms.sharing import views as sharing_views
from cms.sitemaps import MultilingualSitemap
from search import views as search_views

urlpatterns = [
    # Replaces wagtail-localize's PO upload (same URL) with one that reports what it skipped.
    path("admin/localize/translate/<int:translation_id>/pofile/upload/", po_views.upload_pofile),
    # Wagtail's own password reset, rate limited (cms.auth).
    path("admin/password_reset/", AdminPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    # wagtail-localize's "convert to alias", for people who may publish the page (cms.admin_views).
    path("admin/localize/page/<int:page_id>/convert_to_alias/", admin_views.convert_to_alias),
    # Wagtail's workflow action (approve / request changes) with a confirmation and a refused double approval.
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        admin_views.ConfirmedWorkflowActionView.as_view(),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("cms.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    path("healthz", cms_views.healthz, name="healthz"),
    path("s/<str:code>/", sharing_views.short_link, name="share_short_link"),
    path("readyz", cms_views.readyz, name="readyz"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language prefix; "/" redirects by Accept-Language (LocaleMiddleware).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("translation-requests/", cms_views.ask_for_translation, name="translation_request"),
    path("styleguide/", styleguide.styleguide, name="styleguide"),
    path("", include("reports.urls")),
    path("", include("news.urls")),
    path("", include("community.urls")),
    # Wagtail's own front-end login: its privacy wall uses the community login instead
    # (WAGTAIL_FRONTEND_LOGIN_URL); old links to this address land there too, `next` kept.
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="community:login", query_string=True),
        name="wagtailcore_login",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's page serving, routed in fewer queries (cms.views.serve); Wagtail's own pattern after it.
    re_path(wagtail_urls.serve_pattern, cms_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "cms.views.page_not_found"
handler500 = "cms.views.server_error"
