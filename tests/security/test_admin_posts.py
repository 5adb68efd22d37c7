"""Finding 11 of the audit: staff POSTs with missing or malformed fields to the platform's own admin
views answer with a message or a 4xx, never a server error.

Wagtail's own page edit view answers 500 to a POST without its StreamField counts (for example only
`action-cancel-workflow`): that is Wagtail's code, reported upstream (see the security report).
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms.factories import UserFactory
from community.factories import CommentFactory, MemberProfileFactory, TopicProposalFactory
from events.models import Nomination
from home.models import StandardPage

pytestmark = pytest.mark.django_db

BAD_BODIES = [
    {},
    {"action": ""},
    {"action": "no-such-action"},
    {"action": "approve", "state": "nonsense", "reason": "x" * 5000},
    {"language": "xx", "score": "abc", "pk": "[]"},
]


@pytest.fixture
def superuser_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    client.raise_request_exception = False
    return client


def _our_admin_post_urls(locales) -> list[str]:
    from community.comments.admin import CommentModerationViewSet  # noqa: F401 - registers the URLs

    proposal = TopicProposalFactory()
    comment = CommentFactory(proposal=proposal)
    profile = MemberProfileFactory()
    nomination = Nomination.objects.order_by("pk").first()
    french_about = StandardPage.objects.get(slug="about", locale=locales["fr"])
    urls = [
        reverse("comment-moderation:inspect", args=(comment.pk,)),
        reverse("topic-proposals:change_state", args=(proposal.pk,)),
        reverse("community-members:moderate", args=(profile.pk,)),
        reverse("submit_translation_for_review", args=(french_about.pk,)),
        reverse("newsletter_admin_send", args=("en",)),
        reverse("newsletter_admin_send", args=("xx",)),
        "/admin/localize/translate/999999/pofile/upload/",
    ]
    if nomination is not None:
        urls.append(reverse("awards_nomination", args=(nomination.pk,)))
    return urls


def test_staff_posts_with_missing_fields_never_give_a_server_error(superuser_client, locales):
    urls = _our_admin_post_urls(locales)
    assert len(urls) >= 8
    answers = {(url, str(body)): superuser_client.post(url, body).status_code for url in urls for body in BAD_BODIES}
    errors = {key: status for key, status in answers.items() if status >= 500}
    assert errors == {}
