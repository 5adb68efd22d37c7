"""Public URLs of the news app outside the page tree: the weekly digest's subscription pages.

Included inside `i18n_patterns`, so each path is /<lang>/newsletter/... and the page's language is
the subscription's language.
"""

from django.urls import path

from news import newsletter_views as views

urlpatterns = [
    path("newsletter/", views.subscribe, name="newsletter_subscribe"),
    path("newsletter/thanks/", views.subscribe_thanks, name="newsletter_thanks"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
]
