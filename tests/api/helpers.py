"""Reading the partner API in tests, and what it may show according to the database."""

from cms.models.reviews import approved_review_exists
from events.models import AwardEditionPage, ForumEditionPage, SocialProgressDayPage
from news.models import NewsPage
from practices.models import PracticePage
from reports.models import PolicyBriefPage, ReportPage

# Content filed under themes; events (dated, not filed under themes) are tested in test_events_endpoints.py.
ENDPOINTS = ["news", "practices", "reports", "briefs"]
EVENT_ENDPOINTS = ["forum-editions", "award-editions", "social-progress-days"]
ALL_ENDPOINTS = ENDPOINTS + EVENT_ENDPOINTS


def public(endpoint: str):
    """What the API may show for an endpoint, straight from the database."""
    model = {
        "news": NewsPage,
        "practices": PracticePage,
        "reports": ReportPage,
        "briefs": PolicyBriefPage,
        "forum-editions": ForumEditionPage,
        "award-editions": AwardEditionPage,
        "social-progress-days": SocialProgressDayPage,
    }[endpoint]
    queryset = model.objects.live().public().filter(alias_of__isnull=True)
    if endpoint == "practices":
        queryset = queryset.filter(approved_review_exists())
    return queryset


def get_json(client, url: str, status: int = 200, **params):
    response = client.get(url, params)
    assert response.status_code == status, response.content.decode()
    assert response["Content-Type"] == "application/json"
    return response.json()


def all_items(client, endpoint: str, **params) -> list[dict]:
    """Every item of a listing, page after page (50 at a time)."""
    items: list[dict] = []
    while True:
        data = get_json(client, f"/api/v2/{endpoint}/", limit=50, offset=len(items), **params)
        items += data["items"]
        if not data["items"] or len(items) >= data["meta"]["total_count"]:
            assert len(items) == data["meta"]["total_count"]
            return items
