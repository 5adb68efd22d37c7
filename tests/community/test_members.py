"""Member profiles through HTTP: a member edits only their own, moderation in the admin, photos,
links and biography shown safely, "Contact this member", theme pages with recognized voices."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from cms.models import Theme
from community.factories import MemberProfileFactory, ParticipantFactory
from community.models import MemberMessage, MemberProfile, ProfileStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_rate_limits")]

EDIT = "/en/members/my-profile/"


def profile_data(**overrides) -> dict:
    data = {
        "name": "Amina Yusuf",
        "role": "researcher",
        "organisation": "University of Nairobi",
        "country": "KE",
        "languages": ["sw", "en"],
        "themes": ["cities", "health"],
        "bio": "Works on informal settlements.",
        "links": "https://example.org/amina",
        "accepts_messages": "on",
        "preferred_language": "en",
    }
    return {**data, **overrides}


def image_file(name="photo.png", size=(1200, 900), image_format="PNG", exif: bool = False) -> SimpleUploadedFile:
    image = Image.new("RGB", size, (200, 120, 40))
    output = io.BytesIO()
    options = {}
    if exif:
        metadata = Image.Exif()
        metadata[0x010F] = "SecretCameraMaker"  # Make
        options["exif"] = metadata.tobytes()
    image.save(output, format=image_format, **options)
    return SimpleUploadedFile(name, output.getvalue(), content_type=f"image/{image_format.lower()}")


def noise_png(width: int, height: int) -> SimpleUploadedFile:
    """A real PNG that cannot be compressed: random pixels, about 3 bytes each."""
    output = io.BytesIO()
    Image.frombytes("RGB", (width, height), os.urandom(width * height * 3)).save(output, format="PNG")
    return SimpleUploadedFile("noise.png", output.getvalue(), content_type="image/png")


# --- editing one's own profile --------------------------------------------------------------------


def test_profile_edit_needs_login(client):
    response = client.get(EDIT)
    assert response.status_code == 302 and response["Location"].startswith("/en/account/login/?next=")


def test_a_member_edits_their_own_profile_and_it_goes_to_review(client, participant, media_root):
    profile = participant.member_profile
    profile.status = ProfileStatus.DRAFT
    profile.save()
    client.force_login(participant)
    assert client.get(EDIT).status_code == 200
    response = client.post(EDIT, profile_data())
    assert response.status_code == 302 and response["Location"] == "/en/account/"
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.PENDING
    assert (profile.name, profile.country_id, profile.region) == ("Amina Yusuf", "KE", "002")
    assert sorted(profile.themes.values_list("slug", flat=True)) == ["cities", "health"]
    assert set(profile.themes.values_list("locale__language_code", flat=True)) == {"en"}
    assert sorted(profile.languages.values_list("code", flat=True)) == ["en", "sw"]
    assert profile.links == ["https://example.org/amina"]
    participant.refresh_from_db()
    assert participant.region == "002"


def test_editing_an_approved_profile_keeps_it_public_and_flags_it(client, participant):
    client.force_login(participant)
    client.post(EDIT, profile_data(bio="New biography."))
    profile = MemberProfile.objects.get(user=participant)
    assert profile.status == ProfileStatus.APPROVED and profile.changed_since_review
    assert client.get(f"/en/members/{profile.pk}/").status_code == 200


def test_nobody_can_edit_another_members_profile(client, participant, other_participant):
    other = other_participant.member_profile
    before = (other.name, other.bio, other.organisation)
    client.force_login(participant)
    hostile = profile_data(name="Hacked", user=other_participant.pk, pk=other.pk, id=other.pk)
    for url in (f"/en/members/{other.pk}/", f"/en/members/{other.pk}/?pk={other.pk}", f"{EDIT}?pk={other.pk}"):
        client.post(url, hostile)
    other.refresh_from_db()
    assert (other.name, other.bio, other.organisation) == before
    assert MemberProfile.objects.get(user=participant).name == "Hacked"  # only their own changed
    assert client.post(f"/en/members/{other.pk}/", hostile).status_code == 405


def test_staff_without_a_profile_can_create_one(client, editor):
    client.force_login(editor)
    assert client.post(EDIT, profile_data(name="Editor Person")).status_code == 302
    assert MemberProfile.objects.get(user=editor).status == ProfileStatus.PENDING


def test_links_must_be_web_addresses(client, participant):
    client.force_login(participant)
    response = client.post(EDIT, profile_data(links="javascript:alert(1)\nhttps://ok.example"))
    assert response.status_code == 400 and "links" in response.context["form"].errors
    too_many = "\n".join(f"https://example.org/{number}" for number in range(6))
    assert client.post(EDIT, profile_data(links=too_many)).status_code == 400


def test_profile_edit_form_keeps_values_on_error(client, participant):
    client.force_login(participant)
    response = client.post(EDIT, profile_data(name="", organisation="Kept Organisation"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Kept Organisation"' in html and 'href="#id_name"' in html


# --- photos ---------------------------------------------------------------------------------------


def test_photo_is_checked_reencoded_and_stripped(client, participant, media_root, django_capture_on_commit_callbacks):
    client.force_login(participant)
    upload = image_file("me.jpg", size=(1600, 1200), image_format="JPEG", exif=True)
    assert client.post(EDIT, {**profile_data(), "photo": upload}).status_code == 302
    profile = MemberProfile.objects.get(user=participant)
    assert profile.photo.name.startswith("members/") and profile.photo.name.endswith(".jpg")
    assert "me" not in profile.photo.name.rsplit("/", 1)[-1]
    with Image.open(profile.photo.path) as stored:
        assert stored.format == "JPEG" and max(stored.size) == 800
        assert not stored.getexif()
    old_path = Path(profile.photo.path)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(EDIT, {**profile_data(), "photo": image_file("new.webp", image_format="WEBP")})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.photo.name.endswith(".webp")
    assert not old_path.exists()  # the replaced file is removed


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (lambda: SimpleUploadedFile("fake.jpg", b"<?php echo 1; ?>" * 20, content_type="image/jpeg"), "invalid_image"),
        (lambda: image_file("anim.gif", size=(40, 40), image_format="GIF"), "format"),
        (lambda: image_file("wide.png", size=(4001, 10)), "too_large"),
        (lambda: noise_png(1000, 1000), "too_big"),
    ],
)
def test_bad_photos_are_refused(client, participant, media_root, upload, code):
    client.force_login(participant)
    response = client.post(EDIT, {**profile_data(), "photo": upload()})
    assert response.status_code == 400
    errors = response.context["form"].errors.as_data()["photo"]
    assert code in {error.code for error in errors}
    assert not MemberProfile.objects.get(user=participant).photo


# --- public pages ---------------------------------------------------------------------------------


def test_pending_profile_is_404_to_everyone_but_its_owner(client, participant, other_participant):
    profile = participant.member_profile
    profile.status = ProfileStatus.PENDING
    profile.save()
    url = f"/en/members/{profile.pk}/"
    assert client.get(url).status_code == 404
    client.force_login(other_participant)
    assert client.get(url).status_code == 404
    client.force_login(participant)
    response = client.get(url)
    assert response.status_code == 200 and b'id="not-public"' in response.content


def test_profile_of_a_deactivated_account_is_404(client, participant):
    participant.is_active = False
    participant.save()
    assert client.get(f"/en/members/{participant.member_profile.pk}/").status_code == 404


def test_biography_is_escaped_with_paragraphs_and_links_are_marked(client, participant):
    profile = participant.member_profile
    profile.bio = "<script>alert(1)</script> First.\n\nSecond <b>para</b>."
    profile.links = ["https://example.org/work", "javascript:alert(2)"]
    profile.save()
    html = client.get(f"/en/members/{profile.pk}/").content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; First.</p>" in html
    assert "<p>Second &lt;b&gt;para&lt;/b&gt;.</p>" in html
    assert '<a href="https://example.org/work" rel="nofollow ugc noopener" dir="ltr">' in html
    assert "javascript:alert(2)" not in html


def test_profile_shows_country_region_languages_and_themes_in_the_visitors_language(client, participant):
    profile = participant.member_profile
    profile.country_id = "BR"
    profile.save()
    profile.languages.create(code="pt")
    profile.themes.set(Theme.objects.filter(slug="cities", locale__language_code="en"))
    html = client.get(f"/ar/members/{profile.pk}/").content.decode()
    assert "البرازيل" in html and "الأمريكتان" in html  # Brazil, Americas (CLDR)
    assert "البرتغالية" in html  # Portuguese
    assert Theme.objects.get(slug="cities", locale__language_code="ar").name in html
    assert 'href="/ar/members/themes/cities/"' in html


def test_no_member_email_appears_on_public_pages(client, participant, other_participant):
    Theme_cities = Theme.objects.filter(slug="cities", locale__language_code="en")
    for user in (participant, other_participant):
        user.member_profile.themes.set(Theme_cities)
    emails = list(get_user_model().objects.exclude(email="").values_list("email", flat=True))
    client.force_login(participant)
    pages = [
        "/en/members/",
        "/ar/members/",
        "/en/members/?theme=cities",
        f"/en/members/{other_participant.member_profile.pk}/",
        f"/en/members/{participant.member_profile.pk}/",
        f"/en/members/{other_participant.member_profile.pk}/contact/",
        "/en/members/themes/cities/",
    ] + [f"/en/members/{pk}/" for pk in MemberProfile.objects.public().values_list("pk", flat=True)[:10]]
    for url in pages:
        html = client.get(url).content.decode().lower()
        leaked = [email for email in emails if email.lower() in html]
        assert leaked == [], url


# --- contacting a member --------------------------------------------------------------------------


def test_contact_needs_login(client, other_participant):
    url = f"/en/members/{other_participant.member_profile.pk}/contact/"
    response = client.get(url)
    assert response.status_code == 302 and response["Location"] == f"/en/account/login/?next={url}"
    profile_html = client.get(f"/en/members/{other_participant.member_profile.pk}/").content.decode()
    assert "/en/account/login/?next=/en/members/" in profile_html


def test_contact_member_sends_through_the_site_with_reply_to(
    client, participant, other_participant, django_capture_on_commit_callbacks, mailoutbox
):
    other_participant.preferred_language = "es"
    other_participant.save()
    recipient = other_participant.member_profile
    client.force_login(participant)
    form_page = client.get(f"/en/members/{recipient.pk}/contact/")
    assert b"Reply-To" in form_page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/members/{recipient.pk}/contact/",
            {"subject": "Your work\non cities", "body": "Could we talk about your housing research?"},
        )
    assert response.status_code == 302 and response["Location"] == f"/en/members/{recipient.pk}/"
    message = MemberMessage.objects.get(recipient=recipient)
    assert message.sender == participant and message.subject == "Your work on cities"
    [email] = mailoutbox
    assert email.to == [other_participant.email] and email.reply_to == [participant.email]
    assert "Could we talk about your housing research?" in email.body
    assert "/es/members/my-profile/" in email.body  # links in the recipient's language


def test_contact_respects_accepts_messages_and_public_status(client, participant, other_participant):
    recipient = other_participant.member_profile
    recipient.accepts_messages = False
    recipient.save()
    client.force_login(participant)
    assert client.get(f"/en/members/{recipient.pk}/contact/").status_code == 404
    assert b'id="contact"' not in client.get(f"/en/members/{recipient.pk}/").content
    recipient.accepts_messages = True
    recipient.status = ProfileStatus.PENDING
    recipient.save()
    assert client.post(f"/en/members/{recipient.pk}/contact/", {"subject": "s", "body": "b"}).status_code == 404
    assert client.get(f"/en/members/{participant.member_profile.pk}/contact/").status_code == 404  # oneself
    assert not MemberMessage.objects.exists()


def test_contact_honeypot_and_rate_limit(client, participant, other_participant, django_capture_on_commit_callbacks):
    url = f"/en/members/{other_participant.member_profile.pk}/contact/"
    client.force_login(participant)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url, {"subject": "s", "body": "b", "homepage": "x"}).status_code == 302
    assert not MemberMessage.objects.exists() and mail.outbox == []
    for _number in range(4):
        assert client.post(url, {"subject": "Hello", "body": "A message"}).status_code == 302
    response = client.post(url, {"subject": "Kept subject", "body": "Kept body"})
    assert response.status_code == 429
    assert b'id="rate-limited"' in response.content and b"Kept body" in response.content
    assert MemberMessage.objects.count() == 4


# --- moderation in the admin ----------------------------------------------------------------------


def test_moderator_approves_a_pending_profile_in_the_admin(
    client, moderator, django_capture_on_commit_callbacks, mailoutbox
):
    profile = MemberProfileFactory(status=ProfileStatus.PENDING, user=ParticipantFactory(preferred_language="fr"))
    client.force_login(moderator)
    listing = client.get("/admin/community-members/?status=pending")
    assert listing.status_code == 200 and profile.name.encode() in listing.content
    assert f"/admin/community-members/moderate/{profile.pk}/".encode() in listing.content
    assert client.get(f"/admin/community-members/moderate/{profile.pk}/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/community-members/moderate/{profile.pk}/", {"decision": "approve"})
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.APPROVED and profile.moderated_by == moderator
    [message] = mailoutbox
    assert message.to == [profile.user.email] and f"/fr/members/{profile.pk}/" in message.body
    with translation.override("fr"):
        assert message.subject == translation.gettext("Your profile is public in the IPSP member directory")
    assert client.get(f"/en/members/{profile.pk}/").status_code == 200


def test_rejection_needs_a_reason_which_the_member_receives(
    client, editor, django_capture_on_commit_callbacks, mailoutbox
):
    profile = MemberProfileFactory(status=ProfileStatus.PENDING)
    client.force_login(editor)
    url = f"/admin/community-members/moderate/{profile.pk}/"
    assert client.post(url, {"decision": "reject", "reason": ""}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"decision": "reject", "reason": "Please describe your work in a sentence or two."})
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.REJECTED
    assert profile.moderation_reason == "Please describe your work in a sentence or two."
    assert "Please describe your work in a sentence or two." in mailoutbox[0].body
    assert client.get(f"/en/members/{profile.pk}/").status_code == 404


def test_changed_since_review_filter_and_reapproval_clears_it(client, moderator, participant):
    profile = participant.member_profile
    profile.changed_since_review = True
    profile.save()
    client.force_login(moderator)
    flagged = client.get("/admin/community-members/?changed_since_review=true")
    assert profile.name.encode() in flagged.content
    client.post(f"/admin/community-members/moderate/{profile.pk}/", {"decision": "approve"})
    profile.refresh_from_db()
    assert not profile.changed_since_review


def test_only_moderators_and_editors_moderate(client, participant, reviewer):
    profile = MemberProfileFactory(status=ProfileStatus.PENDING)
    url = f"/admin/community-members/moderate/{profile.pk}/"
    client.force_login(participant)
    assert client.post(url, {"decision": "approve"}).status_code == 302  # to the admin login
    client.force_login(reviewer)  # an expert reviewer has admin access but not this permission
    response = client.post(url, {"decision": "approve"})
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "permission denied"
    profile.refresh_from_db()
    assert profile.status == ProfileStatus.PENDING


def test_editor_marks_a_recognized_voice_and_links_practices(client, editor, participant):
    profile = participant.member_profile
    health = Theme.objects.get(slug="health", locale__language_code="en")
    client.force_login(editor)
    edit_url = f"/admin/community-members/edit/{profile.pk}/"
    response = client.get(edit_url)
    assert response.status_code == 200
    choices = response.context["form"].fields["recognized_themes"].queryset
    assert set(choices.values_list("locale__language_code", flat=True)) == {"en"}
    response = client.post(edit_url, {"recognized_themes": [health.pk], "practices": [], "chapters": []})
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    assert list(profile.recognized_themes.all()) == [health]
    assert client.get("/admin/community-members/new/").status_code in (302, 403, 404)


def test_moderator_cannot_change_profiles_only_moderate(client, moderator, participant):
    client.force_login(moderator)
    assert client.get(f"/admin/community-members/edit/{participant.member_profile.pk}/").status_code in (302, 403)


# --- theme pages ----------------------------------------------------------------------------------


def test_theme_page_shows_recognized_voices_then_other_members(client, participant, other_participant):
    cities = Theme.objects.filter(slug="cities", locale__language_code="en")
    participant.member_profile.recognized_themes.set(cities)
    participant.member_profile.themes.set(cities)
    other_participant.member_profile.themes.set(cities)
    pending = MemberProfileFactory(status=ProfileStatus.PENDING)
    pending.themes.set(cities)
    for language in ("en", "ar"):
        response = client.get(f"/{language}/members/themes/cities/")
        assert response.status_code == 200
        assert response.context["theme"].locale.language_code == language
        voices = [member.pk for member in response.context["voices"]]
        others = [member.pk for member in response.context["others"]]
        assert participant.member_profile.pk in voices and participant.member_profile.pk not in others
        assert other_participant.member_profile.pk in others
        assert pending.pk not in voices + others
    arabic = client.get("/ar/members/themes/cities/").content.decode()
    assert Theme.objects.get(slug="cities", locale__language_code="ar").name in arabic


def test_unknown_theme_is_404(client):
    assert client.get("/en/members/themes/no-such-theme/").status_code == 404


def test_moderators_dashboard_counts_profiles_to_review(client, moderator, reviewer):
    pending_before = MemberProfile.objects.filter(status=ProfileStatus.PENDING).count()
    MemberProfileFactory(status=ProfileStatus.PENDING)
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert 'id="member-profiles-awaiting-content"' in html
    assert f"{pending_before + 1} profiles awaiting moderation" in html
    client.force_login(reviewer)
    assert b'id="member-profiles-awaiting-content"' not in client.get("/admin/").content
