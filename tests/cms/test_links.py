"""Every absolute address the site gives out comes from one setting (cms.links): with the public
host set to https://ipsp.example, no mail, citation, feed, API item, sitemap or calendar file says
`localhost` (the Site's hostname in a fresh database and in these tests)."""

import pytest
from django.core import mail
from django.core.cache import cache

from cms.links import absolute_url, page_url

pytestmark = pytest.mark.django_db

PUBLIC = "https://ipsp.example"
REPORT = "/en/reports/rethinking-society/"
DHAKA = "/en/events/forum/2027-dhaka/"


@pytest.fixture(autouse=True)
def public_host(settings):
    cache.clear()
    settings.WAGTAILADMIN_BASE_URL = PUBLIC
    yield
    cache.clear()


def test_absolute_url_joins_the_setting_and_a_path_and_keeps_absolute_addresses():
    assert absolute_url("/en/practices/") == f"{PUBLIC}/en/practices/"
    assert absolute_url("en/practices/") == f"{PUBLIC}/en/practices/"
    assert absolute_url("https://bucket.example/image.jpg") == "https://bucket.example/image.jpg"
    assert absolute_url("") == ""


def test_a_page_url_carries_its_language_prefix_on_the_public_host(locales):
    from reports.models import ReportPage

    report = ReportPage.objects.get(slug="rethinking-society", locale=locales["ar"])
    assert page_url(report) == f"{PUBLIC}/ar/reports/rethinking-society/"


def test_the_forum_confirmation_mail_links_to_the_public_host(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{DHAKA}register/",
            {
                "name": "Ana Quispe",
                "email": "ana@example.org",
                "organisation": "Comedores",
                "country": "PE",
                "consent": "on",
                "homepage": "",
            },
            REMOTE_ADDR="198.51.100.7",
        )
    assert response.status_code == 302
    (message,) = [message for message in mail.outbox if message.to == ["ana@example.org"]]
    assert f"{PUBLIC}{DHAKA}" in message.body
    assert "localhost" not in message.body


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (REPORT + "chapter-3/", f"{PUBLIC}{REPORT}chapter-3/"),  # the citation meta tags and canonical link
        (REPORT + "chapter-3/cite/bibtex/", f"{PUBLIC}{REPORT}chapter-3/"),
        (REPORT + "chapter-3/cite/ris/", f"{PUBLIC}{REPORT}chapter-3/"),
        ("/en/practices/feed/rss/", f"{PUBLIC}/en/practices/"),
        ("/en/news/feed/atom/", f"{PUBLIC}/en/news/"),
        ("/sitemap.xml", f"{PUBLIC}/en/"),
        (DHAKA + "ics/", f"{PUBLIC}{DHAKA}"),
        ("/api/v2/practices/?language=en&limit=1", f"{PUBLIC}/en/practices/"),
        ("/api/v2/openapi.json", f"{PUBLIC}/api/v2"),
    ],
)
def test_each_kind_of_output_uses_the_public_host(client, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    content = b"".join(response) if response.streaming else response.content
    text = content.decode().replace("\\/", "/").replace("\r\n ", "")  # JSON escapes, folded iCalendar lines
    assert expected in text
    assert "localhost" not in text
