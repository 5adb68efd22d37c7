from django.urls import path

from community.adaptations import views

urlpatterns = [
    path("connect/<int:practice_id>/adapted/", views.adapted, name="adapted"),
]
