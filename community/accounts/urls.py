from django.urls import path
from django.views.generic import TemplateView

# Placeholders until the accounts views land; the names are the contract other areas use.
urlpatterns = [
    path("login/", TemplateView.as_view(template_name="base.html"), name="login"),
    path("", TemplateView.as_view(template_name="base.html"), name="account"),
]
