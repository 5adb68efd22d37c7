from django.urls import path

from reports import views

urlpatterns = [path("authors/<str:slug>/", views.author, name="author")]
