"""Finding 9 of the audit: the PO upload parses what was uploaded as text, never as a path (polib
reads a server file when given the path of one, so a translator could probe for files)."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.factories import UserFactory
from cms.roles import translators_group_name
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translation(english_home):
    page = StandardPageFactory(parent=english_home, slug="po-probe", title="Care work counts")
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="fr"))
    translation.save_target(publish=False)
    return translation


def _upload(client, translation, content: bytes) -> list[str]:
    file = SimpleUploadedFile("agency.po", content, content_type="text/x-gettext-translation")
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/", {"file": file, "next": "/admin/"}
    )
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_uploading_a_server_path_does_not_read_that_file(client, translation, tmp_path):
    translator = UserFactory(groups=[translators_group_name("fr")])
    client.force_login(translator)
    # A PO file on the server that would be accepted for this translation if it were read.
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Lu sur le serveur"
    on_server = tmp_path / "secret.po"
    on_server.write_text(str(po), encoding="utf-8")

    existing = _upload(client, translation, str(on_server).encode())
    missing = _upload(client, translation, str(tmp_path / "nothing-here.po").encode())
    assert not StringTranslation.objects.filter(data="Lu sur le serveur").exists()
    # The answer is the same whether the path exists or not: nothing can be learnt about files.
    assert set(existing) == set(missing) == {"Please upload a valid PO file."}
    assert not any("applied" in message and not message.startswith("0") for message in existing)


def test_a_real_po_upload_still_works(client, translation):
    client.force_login(UserFactory(groups=[translators_group_name("fr")]))
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Le travail de soin compte"
    messages = _upload(client, translation, str(po).encode())
    assert StringTranslation.objects.filter(data="Le travail de soin compte").exists(), messages
