"""Test files that are (or pretend to be) each allowed document type."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"


def pdf(name="protokoll.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx(name="konzept.docx"):
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def odt(name="konzept.odt", mimetype=b"application/vnd.oasis.opendocument.text"):
    data = zip_bytes({"mimetype": mimetype, "content.xml": b"<office:document-content/>"})
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")
