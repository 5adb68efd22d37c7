"""/<lang>/members/...: the directory, profiles, a member's own profile form and the theme pages."""

from django.urls import path

from community.members import views

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:pk>/", views.member, name="member"),
    path("<int:pk>/contact/", views.contact_member, name="contact_member"),
    path("my-profile/", views.profile_edit, name="profile_edit"),
    path("themes/<slug:slug>/", views.theme, name="theme"),
]
