"""Demo "adapted elsewhere" reports (called by community.demo): two published reports from demo
members on two practices. A report that exists (same member and practice) is left as it is."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.demo import SeedContext, load
from community.models import Adaptation, CommentStatus

content = load(__file__)


def seed(context: SeedContext) -> None:
    users = dict(
        get_user_model()
        .objects.filter(username__in={row[0] for row in content["adaptations"]})
        .values_list("username", "id")
    )
    practice_model = Adaptation._meta.get_field("practice").related_model
    practices = {
        page.slug: page
        for page in practice_model.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, slug__in={row[1] for row in content["adaptations"]}
        ).only("id", "slug", "translation_key")
    }
    for username, slug, who, country, language, what_changed in content["adaptations"]:
        practice, user_id = practices.get(slug), users.get(username)
        if practice is None or user_id is None:
            continue
        if Adaptation.objects.filter(user_id=user_id, practice_key=practice.translation_key).exists():
            continue
        Adaptation.objects.create(
            practice=practice,
            practice_key=practice.translation_key,
            user_id=user_id,
            organisation=who,
            country=country,
            language=language,
            what_changed=what_changed,
            status=CommentStatus.APPROVED,
            moderated_by=context.admin,
            moderated_at=timezone.now(),
        )
        context.created += 1
