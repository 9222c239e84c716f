"""Checks on uploaded documents: size, extension and what the bytes really are.

The extension alone proves nothing, so the first bytes (and for office formats the
ZIP directory) must match it. Files are later served only as downloads with
`X-Content-Type-Options: nosniff`, never from a public URL.
"""

import codecs
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

PDF = "application/pdf"
OOXML = {
    ".docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "word/"),
    ".xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xl/"),
    ".pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", "ppt/"),
}
ODF = {
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".odp": "application/vnd.oasis.opendocument.presentation",
}
TEXT = {".txt": "text/plain", ".csv": "text/csv", ".md": "text/markdown"}
IMAGES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}
ALLOWED_EXTENSIONS = frozenset({".pdf", *OOXML, *ODF, *TEXT, *IMAGES})

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"
ZIP_SIGNATURE = b"PK\x03\x04"
CHUNK = 64 * 1024


def _mismatch(extension: str) -> ValidationError:
    return ValidationError(
        _("The content of this file does not match its file type %(extension)s."),
        code="content_mismatch",
        params={"extension": extension},
    )


def _check_zip(upload, extension: str) -> str:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if extension in OOXML:
                content_type, folder = OOXML[extension]
                if "[Content_Types].xml" not in names or not any(
                    name.startswith(folder) for name in names
                ):
                    raise _mismatch(extension)
                return content_type
            content_type = ODF[extension]
            if "mimetype" not in names:
                raise _mismatch(extension)
            with archive.open("mimetype") as member:
                declared = member.read(100).decode("ascii", errors="replace").strip()
            if declared != content_type:
                raise _mismatch(extension)
            return content_type
    except (zipfile.BadZipFile, OSError, EOFError, KeyError) as exc:
        raise _mismatch(extension) from exc


def _check_text(upload, extension: str) -> str:
    decoder = codecs.getincrementaldecoder("utf-8")()
    upload.seek(0)
    try:
        for chunk in iter(lambda: upload.read(CHUNK), b""):
            if b"\x00" in chunk:
                raise _mismatch(extension)
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise ValidationError(
            _("Text files must be saved as UTF-8. Please save the file as UTF-8 and try again."),
            code="not_utf8",
        ) from exc
    return TEXT[extension]


def check_upload(upload) -> str:
    """Validate an uploaded file and return its real content type.

    Also sets `upload.checked_content_type`, which `services.add_document` stores.
    Raises ValidationError with a message for the person uploading.
    """
    max_mb = settings.MAX_UPLOAD_MB
    if upload.size > max_mb * 1024 * 1024:
        raise ValidationError(
            _("The file is too large: at most %(max)s MB are allowed."),
            code="too_large",
            params={"max": max_mb},
        )
    if not upload.size:
        raise ValidationError(_("The file is empty."), code="empty")
    extension = PurePath(upload.name or "").suffix.lower()
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _(
                "Files of this type cannot be uploaded. Allowed are PDF, PNG, JPEG, "
                "Word, Excel and PowerPoint (docx, xlsx, pptx), OpenDocument (odt, ods, "
                "odp) and text files (txt, csv, md)."
            ),
            code="extension",
        )
    upload.seek(0)
    head = upload.read(8)
    if extension == ".pdf":
        if not head.startswith(b"%PDF-"):
            raise _mismatch(extension)
        content_type = PDF
    elif extension == ".png":
        if not head.startswith(PNG_SIGNATURE):
            raise _mismatch(extension)
        content_type = IMAGES[extension]
    elif extension in (".jpg", ".jpeg"):
        if not head.startswith(JPEG_SIGNATURE):
            raise _mismatch(extension)
        content_type = IMAGES[extension]
    elif extension in OOXML or extension in ODF:
        if not head.startswith(ZIP_SIGNATURE):
            raise _mismatch(extension)
        upload.seek(0)
        content_type = _check_zip(upload, extension)
    else:
        content_type = _check_text(upload, extension)
    upload.seek(0)
    upload.checked_content_type = content_type
    return content_type
