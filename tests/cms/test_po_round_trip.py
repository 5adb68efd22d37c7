"""PO round trip with a translation agency: download, translate, upload; bad entries are reported
with their line and reason, and the good ones are applied."""

import polib
import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.factories import UserFactory
from cms.po_import import entry_problem
from cms.roles import translators_group_name
from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translation(english_home):
    page = StandardPageFactory(
        parent=english_home,
        slug="care-work-po",
        title="Care work counts",
        introduction="Unpaid care sustains every society.",
        body=[("paragraph", RichText("<p>Care is <b>work</b>, and work deserves <i>pay</i>.</p>"))],
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=Locale.objects.get(language_code="fr"))
    translation.save_target(publish=False)
    return translation


def download(client, user, translation) -> polib.POFile:
    client.force_login(user)
    response = client.get(reverse("wagtail_localize:download_pofile", args=(translation.pk,)))
    assert response.status_code == 200
    return polib.pofile(response.content.decode("utf-8"))


def upload(client, translation, po: polib.POFile):
    file = SimpleUploadedFile("agency.po", str(po).encode("utf-8"), content_type="text/x-gettext-translation")
    url = f"/admin/localize/translate/{translation.pk}/pofile/upload/"
    return client.post(url, {"file": file, "next": "/admin/"})


def translated_texts(translation) -> set[str]:
    return set(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=translation.source.object_id
        ).values_list("data", flat=True)
    )


def test_good_entries_are_applied_and_bad_ones_reported(client, translation):
    translator = UserFactory(groups=[translators_group_name("fr")])
    po = download(client, translator, translation)
    for entry in po:
        if entry.msgid == "Care work counts":
            entry.msgstr = "Le travail de soin compte"
        elif entry.msgid == "Unpaid care sustains every society.":
            entry.msgstr = "Le soin non rémunéré fait vivre <b>chaque société."  # broken markup
        elif "deserves" in entry.msgid:
            entry.msgstr = "Le soin est un <b>travail</b>, et le travail mérite un salaire."  # lost the <i>
    po.append(
        polib.POEntry(msgid="A sentence the page no longer has", msgstr="Une phrase disparue", msgctxt="introduction")
    )

    response = upload(client, translation, po)

    assert response.status_code == 302
    texts = translated_texts(translation)
    assert "Le travail de soin compte" in texts
    assert not any("chaque société" in text or "salaire" in text for text in texts)
    notes = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("1 translation applied" in note for note in notes)
    assert any("the markup is broken" in note and "Line " in note for note in notes)
    assert any("the markup differs from the source text" in note for note in notes)
    assert any("no longer" in note for note in notes)


def test_a_po_file_for_another_translation_is_refused(client, translation, english_home):
    other_page = StandardPageFactory(parent=english_home, slug="other-po")
    other_source, _created = TranslationSource.get_or_create_from_instance(other_page)
    other = Translation.objects.create(source=other_source, target_locale=translation.target_locale)
    other.save_target(publish=False)
    translator = UserFactory(groups=[translators_group_name("fr")])
    po = download(client, translator, other)
    response = upload(client, translation, po)
    assert any("different translation" in str(m) for m in get_messages(response.wsgi_request))
    assert translated_texts(translation) == set()


def test_translators_cannot_upload_to_another_locale(client, translation):
    client.force_login(UserFactory(groups=[translators_group_name("ar")]))
    po = polib.POFile()
    po.metadata = {"X-WagtailLocalize-TranslationID": str(translation.uuid)}
    response = upload(client, translation, po)
    assert response.status_code in (302, 403)
    assert translated_texts(translation) == set()


@pytest.mark.parametrize(
    ("msgid", "msgstr", "problem"),
    [
        ("Hello %(name)s", "Bonjour", "the placeholders differ from the source text"),
        ('See <a id="a1">this</a>', "Voir ceci", "the markup differs from the source text"),
        ("Plain", "<b>Gras", "the markup is broken"),
        ('See <a id="a1">this</a>', 'Voir <a id="a1">ceci</a>', None),
    ],
)
def test_entry_checks(msgid, msgstr, problem):
    assert entry_problem(polib.POEntry(msgid=msgid, msgstr=msgstr)) == problem
