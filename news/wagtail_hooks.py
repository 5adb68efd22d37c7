"""The "Newsletter" admin screen: subscribers per language, preview and sending of the weekly digest."""

from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from news import newsletter_views as views


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.SEND_PERMISSION)


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("newsletter/", views.NewsletterIndexView.as_view(), name="newsletter_admin"),
        path(
            "newsletter/<str:language>/preview/", views.NewsletterPreviewView.as_view(), name="newsletter_admin_preview"
        ),
        path("newsletter/<str:language>/send/", views.NewsletterSendView.as_view(), name="newsletter_admin_send"),
        path("newsletter/issues/<int:pk>/", views.NewsletterIssueView.as_view(), name="newsletter_admin_issue"),
    ]


@hooks.register("register_admin_menu_item")
def register_newsletter_menu_item():
    return NewsletterMenuItem(_("Newsletter"), reverse_lazy("newsletter_admin"), icon_name="mail", order=450)
