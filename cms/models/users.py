from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """Everyone who logs in: staff in the Wagtail admin and, later, community participants."""

    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        blank=True,
        help_text=_("Language for e-mails and the admin; empty means the site default."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
