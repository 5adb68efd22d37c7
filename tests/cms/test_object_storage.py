"""Media in S3-compatible object storage (django-storages), against moto's S3 server on loopback:
an image uploaded through Wagtail's admin lands privately in the bucket, its renditions publicly;
documents are only reachable through Django's view (then a short signed URL); the declaration
PDF is kept privately, and the embargoed one is never stored."""

import io

import boto3
import pytest
from django.core.cache import cache
from django.core.files.storage import storages
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.factories import UserFactory
from cms.roles import ACCREDITED_JOURNALISTS
from cms.settings import env
from events.models import SocialProgressDayPage
from tests.mailserver import free_port

pytestmark = pytest.mark.django_db

BUCKET = "ipsp-media"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    variables = {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": s3_endpoint,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",  # moto accepts any key
        "AWS_S3_REGION_NAME": "us-east-1",
    }
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    object_storage = env.object_storage()
    settings.STORAGES = {**settings.STORAGES, **object_storage}
    settings.OBJECT_STORAGE = object_storage
    settings.WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
    # The rendition field resolved its storage when the model was defined: point it at the bucket.
    rendition_field = get_image_model().get_rendition_model()._meta.get_field("file")
    monkeypatch.setattr(rendition_field, "storage", storages["renditions"])
    yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def keys(client) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


def is_public(client, key: str) -> bool:
    grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


def png() -> io.BytesIO:
    data = io.BytesIO()
    PILImage.new("RGB", (640, 480), (30, 120, 200)).save(data, "PNG")
    data.seek(0)
    data.name = "harbour.png"
    return data


def test_an_image_uploaded_in_the_admin_is_private_and_its_renditions_public(client, bucket, editor):
    client.force_login(UserFactory(is_superuser=True))
    response = client.post(
        "/admin/images/add/", {"title": "Harbour", "file": png(), "collection": Collection.get_first_root_node().pk}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = get_image_model().objects.get(title="Harbour")
    original = f"media/{image.file.name}"
    assert original in keys(bucket) and not is_public(bucket, original)
    assert "X-Amz-Signature=" in image.file.url  # the original is only reachable with a signed URL

    rendition = image.get_rendition("fill-200x100")
    key = f"renditions/{rendition.file.name}"
    assert key in keys(bucket) and is_public(bucket, key)
    assert rendition.url.startswith(f"{bucket.meta.endpoint_url}/{BUCKET}/renditions/")
    assert "Signature" not in rendition.url
    assert bucket.head_object(Bucket=BUCKET, Key=key)["ContentLength"] > 0


def test_a_document_is_served_through_django_then_a_short_signed_url(client, bucket):
    document = get_document_model().objects.create(title="Report", file=_uploaded("report.pdf", b"%PDF-1.4 test"))
    key = f"media/{document.file.name}"
    assert key in keys(bucket) and not is_public(bucket, key)
    response = client.get(document.url)  # /documents/<id>/report.pdf: Django checks privacy first
    assert response.status_code == 302
    assert "X-Amz-Signature=" in response["Location"] and "X-Amz-Expires=600" in response["Location"]


def test_the_declaration_pdf_is_kept_privately_and_the_embargoed_one_never_stored(client, bucket):
    cache.clear()
    response = client.get("/en/events/day-2026/declaration/pdf/")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    stored = [key for key in keys(bucket) if key.startswith("media/declarations/")]
    assert len(stored) == 1 and not is_public(bucket, stored[0])
    cache.clear()  # another web node, or an emptied cache: the stored copy is served
    assert client.get("/en/events/day-2026/declaration/pdf/").content == response.content

    client.force_login(UserFactory(groups=[ACCREDITED_JOURNALISTS]))
    embargoed = SocialProgressDayPage.objects.get(locale__language_code="en", slug="day-2027")
    pdf = client.get(f"/en/events/press-room/declaration/{embargoed.pk}/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")
    assert [key for key in keys(bucket) if key.startswith("media/declarations/")] == stored


def _uploaded(name: str, content: bytes):
    from django.core.files.base import ContentFile

    return ContentFile(content, name=name)
