"""RSS and Atom feeds of news and of newly reviewed practices, in every language, parsed by feedparser."""

import io

import feedparser
import pytest
from django.core.files.base import ContentFile
from PIL import Image

from cms.models import CustomImage
from news.models import NewsPage

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "zh-hans", "hi", "es", "fr", "ar", "bn", "pt", "ru", "ur"]


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return feed


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_news_feeds_parse_in_every_language(client, language, kind):
    feed = parse(client, f"/{language}/news/feed/{kind}/")
    if kind == "rss":
        assert feed.feed.language == language
    assert len(feed.entries) >= 3
    items = {page.title: page for page in NewsPage.objects.live().filter(locale__language_code=language)}
    for entry in feed.entries:
        page = items[entry.title]  # titles and summaries survive intact, Arabic and Urdu included
        assert entry.summary == page.summary
        assert entry.id == page.guid and entry.id.startswith("urn:uuid:")
        assert entry.link.endswith(page.url)


def test_guids_are_stable_when_an_item_is_edited_and_moved(client, locales):
    page = NewsPage.objects.get(slug="call-for-practices-2027", locale=locales["ar"])
    before = parse(client, "/ar/news/feed/rss/")
    guid = next(entry.id for entry in before.entries if entry.title == page.title)
    page.title = page.title + " ✓"
    page.slug = "renamed"
    page.save_revision().publish()
    after = parse(client, "/ar/news/feed/rss/")
    assert guid in {entry.id for entry in after.entries}
    assert all(entry.id != guid for entry in parse(client, "/ur/news/feed/rss/").entries)  # one per language


def test_feeds_per_theme_and_per_kind(client):
    health = parse(client, "/en/news/feed/rss/?theme=health")
    assert [entry.title for entry in health.entries] == ["Community health workers: what Rwanda's experience shows"]
    stories = parse(client, "/fr/news/feed/atom/?kind=story")
    assert stories.entries and all(entry.tags[0].term for entry in stories.entries)
    assert stories.feed.title.count(" · ") == 2  # the index, the kind, the Panel


def test_lead_images_are_enclosures(client, locales):
    buffer = io.BytesIO()
    Image.new("RGB", (1600, 900), "#0b5563").save(buffer, format="PNG")
    image = CustomImage.objects.create(title="Assembly", file=ContentFile(buffer.getvalue(), name="lead.png"))
    page = NewsPage.objects.get(slug="call-for-practices-2027", locale=locales["en"])
    page.lead_image = image
    page.save_revision().publish()
    feed = parse(client, "/en/news/feed/rss/")
    entry = next(entry for entry in feed.entries if entry.title == page.title)
    enclosure = entry.enclosures[0]
    assert enclosure.type == "image/jpeg" and int(enclosure.length) > 0
    rendition = image.renditions.get(filter_spec="fill-1200x630|format-jpeg|jpegquality-80")
    assert (rendition.width, rendition.height) == (1200, 630)
    assert enclosure.href.endswith(rendition.url) and int(enclosure.length) == rendition.file.size


@pytest.mark.parametrize("language", ["en", "ar", "ur", "zh-hans"])
def test_newly_reviewed_practices_feed(client, language):
    feed = parse(client, f"/{language}/practices/feed/rss/")
    assert feed.entries
    assert all(entry.id.startswith("urn:uuid:") for entry in feed.entries)
    atom = parse(client, f"/{language}/practices/feed/atom/")
    assert len(atom.entries) == len(feed.entries)


def test_feeds_are_advertised_on_the_pages_they_belong_to(client):
    index = client.get("/en/news/?theme=health").content.decode()
    assert 'type="application/rss+xml"' in index and 'href="/en/news/feed/rss/?theme=health"' in index
    article = client.get("/ar/news/call-for-practices-2027/").content.decode()
    assert 'type="application/atom+xml"' in article
    practices = client.get("/en/practices/").content.decode()
    assert 'href="/en/practices/feed/rss/"' in practices
