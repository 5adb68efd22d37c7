from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

# The five UN M49 regions (codes as in cms.geography.REGIONS).
REGION_CHOICES = [
    ("002", _("Africa")),
    ("019", _("Americas")),
    ("142", _("Asia")),
    ("150", _("Europe")),
    ("009", _("Oceania")),
]


class User(AbstractUser):
    """Everyone who logs in: staff in the Wagtail admin and, later, community participants."""

    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        blank=True,
        choices=settings.LANGUAGES,
        help_text=_("Language for e-mails and the admin; empty means the site default."),
    )

    region = models.CharField(
        _("world region"),
        max_length=3,
        blank=True,
        choices=REGION_CHOICES,
        help_text=_(
            "UN M49 region the person works from. Expert review needs an expert from outside a practice's region."
        ),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
