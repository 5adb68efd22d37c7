"""Public URLs for comments outside the page tree (consultation pages post through their own routes).

Flagging and editing work the same for comments on consultations and on topic proposals, so they
are plain views: /<lang>/comments/<id>/flag/ and /<lang>/comments/<id>/edit/.
"""

from django.urls import path

from community.comments import views

urlpatterns = [
    path("comments/<int:comment_id>/flag/", views.flag, name="comment_flag"),
    path("comments/<int:comment_id>/edit/", views.edit, name="comment_edit"),
]
