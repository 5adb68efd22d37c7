from django.urls import path

from community.engagement import views

urlpatterns = [
    path("connect/<int:practice_id>/", views.engage, name="engage"),
]
