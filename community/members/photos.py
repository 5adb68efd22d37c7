"""Profile photos: checked to be what they claim, then re-encoded on the server.

The upload must be a real JPEG, PNG or WebP image (Pillow reads it, the extension is ignored), at
most 2 MB and 4000 × 4000 pixels. What is stored is a new file Pillow writes: at most 800 pixels
a side, turned upright, without EXIF or other metadata (no camera GPS position leaks), under a
random name. Anything hidden in the original file is left behind.
"""

from __future__ import annotations

import io
import uuid

from django import forms
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000
STORED_SIDE = 800
# Pillow format -> (stored format, extension)
FORMATS = {"JPEG": ("JPEG", "jpg"), "PNG": ("PNG", "png"), "WEBP": ("WEBP", "webp")}


def _open(upload) -> Image.Image:
    upload.seek(0)
    try:
        image = Image.open(upload)
        image.verify()  # structure check; the image must be opened again to be used
        upload.seek(0)
        return Image.open(upload)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise forms.ValidationError(
            _("This file is not a JPEG, PNG or WebP image we can read."), code="invalid_image"
        ) from None


def check_photo(upload) -> None:
    """Raise ValidationError unless `upload` is a JPEG/PNG/WebP of at most 2 MB and 4000 × 4000 px."""
    if upload.size > MAX_BYTES:
        raise forms.ValidationError(_("The photo is larger than 2 MB; please send a smaller one."), code="too_big")
    image = _open(upload)  # reads the header only: the size is known before any pixel is decoded
    if image.format not in FORMATS:
        raise forms.ValidationError(_("Please send a JPEG, PNG or WebP image."), code="format")
    width, height = image.size
    if width > MAX_SIDE or height > MAX_SIDE:
        raise forms.ValidationError(
            _("The photo is larger than 4000 × 4000 pixels; please send a smaller one."), code="too_large"
        )


def reencode_photo(upload) -> ContentFile:
    """A new, metadata-free file at most STORED_SIDE pixels a side, in the upload's format."""
    image = _open(upload)
    stored_format, extension = FORMATS[image.format]
    image = ImageOps.exif_transpose(image)
    image.thumbnail((STORED_SIDE, STORED_SIDE))
    if stored_format == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGBA")
    output = io.BytesIO()
    options = {"quality": 85, "optimize": True} if stored_format in ("JPEG", "WEBP") else {"optimize": True}
    image.save(output, format=stored_format, **options)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")
