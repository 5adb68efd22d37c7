"""Public URLs of the community outside the page tree, inside `i18n_patterns` (/<lang>/...).

Consultations and topic proposals are pages (their URLs come from the page tree); accounts, the
member directory and engagement with practices are plain views.
"""

from django.urls import include, path

app_name = "community"

urlpatterns = [
    path("account/", include("community.accounts.urls")),
    path("members/", include("community.members.urls")),
    path("", include("community.engagement.urls")),
    path("", include("community.adaptations.urls")),
    path("", include("community.consultations.urls")),
    path("", include("community.topics.urls")),
]
