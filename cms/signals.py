"""Keep per-locale permissions and workflows in step with the page tree.

Translations are created by wagtail-localize (copy_for_translation), not through the admin's
create view, so admin hooks would miss them: a post_save receiver sees every new page.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page

from cms import roles


@receiver(post_save)
def apply_locale_rules_to_new_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page):
        roles.page_created(instance)
