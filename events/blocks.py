"""StreamField blocks of events: the Forum's programme and partners, award categories and criteria,
and the addressees of the annual declaration."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.blocks import SynchronisedCharBlock

SESSION_FORMATS = [
    ("plenary", _("Plenary")),
    ("panel", _("Panel discussion")),
    ("workshop", _("Workshop")),
    ("dialogue", _("Dialogue")),
    ("ceremony", _("Ceremony")),
]
LANGUAGE_CHOICES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("hi", "हिन्दी"),
    ("es", "Español"),
    ("fr", "Français"),
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("pt", "Português"),
    ("ru", "Русский"),
    ("ur", "اردو"),
]
ADDRESSEES = [
    ("international", _("International organisations")),
    ("governments", _("National governments")),
    ("business", _("Business leaders")),
]


class SessionBlock(blocks.StructBlock):
    """A session of the programme. Times are local to the venue (the edition's time zone)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    start = blocks.TimeBlock(label=_("Starts"))
    end = blocks.TimeBlock(label=_("Ends"))
    room = blocks.CharBlock(label=_("Room"), max_length=100, required=False)
    format = blocks.ChoiceBlock(choices=SESSION_FORMATS, label=_("Format"), default="panel")
    languages = blocks.MultipleChoiceBlock(choices=LANGUAGE_CHOICES, label=_("Spoken in"), required=False)
    interpretation = blocks.MultipleChoiceBlock(
        choices=LANGUAGE_CHOICES, label=_("Interpretation into"), required=False
    )
    speakers = blocks.ListBlock(SnippetChooserBlock("cms.Person"), label=_("Speakers"), required=False)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "time"
        label = _("Session")


class ProgrammeDayBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    title = blocks.CharBlock(label=_("Title of the day"), max_length=120, required=False)
    sessions = blocks.ListBlock(SessionBlock(), label=_("Sessions"))

    class Meta:
        icon = "date"
        label = _("Day")
        description = _("A day of the programme with its sessions, in the venue's local time.")
        preview_value = {
            "title": "Opening day",
            "sessions": [{"title": "Opening plenary", "format": "plenary", "languages": ["en", "fr"]}],
        }


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    url = blocks.URLBlock(label=_("Website"), required=False)
    logo = ImageChooserBlock(label=_("Logo"), required=False)

    class Meta:
        icon = "group"
        label = _("Partner")
        description = _("An organisation that partners in the event, with its logo and website.")
        preview_value = {"name": "University of Dhaka", "url": "https://example.org/"}


class AwardCategoryBlock(blocks.StructBlock):
    slug = SynchronisedCharBlock(label=_("Identifier"), max_length=40, help_text=_("e.g. practice, organisation"))
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "pick"
        label = _("Category")
        description = _("A category of the Awards and what it rewards.")
        preview_value = {"slug": "practice", "name": "Inspiring practice", "description": "A practice with results."}


class CriterionBlock(blocks.StructBlock):
    slug = SynchronisedCharBlock(label=_("Identifier"), max_length=40)
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    description = blocks.TextBlock(label=_("What the jury looks for"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Criterion")
        description = _("A criterion the jury scores, with what it looks for.")
        preview_value = {"slug": "evidence", "name": "Evidence of results", "description": "Measured, lasting change."}


class AddresseeBlock(blocks.StructBlock):
    addressee = blocks.ChoiceBlock(choices=ADDRESSEES, label=_("Addressed to"))
    asks = blocks.ListBlock(blocks.TextBlock(label=_("Ask")), label=_("The Panel's asks"))

    class Meta:
        icon = "openquote"
        label = _("Addressees and asks")
        description = _("Those the declaration addresses and what the Panel asks of them.")
        preview_value = {"addressee": "governments", "asks": ["Publish a social progress report every year."]}
