import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from teilhabe.processes.forms import DocumentForm
from teilhabe.processes.uploads import check_upload
from tests.processes.uploads import PDF_BYTES, docx, odt, pdf, zip_bytes

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


@pytest.mark.parametrize(
    ("upload", "content_type"),
    [
        (pdf(), "application/pdf"),
        (SimpleUploadedFile("foto.PNG", PNG), "image/png"),
        (SimpleUploadedFile("foto.jpg", JPEG), "image/jpeg"),
        (SimpleUploadedFile("foto.jpeg", JPEG), "image/jpeg"),
        (
            docx(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (odt(), "application/vnd.oasis.opendocument.text"),
        (SimpleUploadedFile("liste.csv", "Name;Ort\nMüller;Bruchsal\n".encode()), "text/csv"),
        (SimpleUploadedFile("notiz.md", b"# Ergebnisse\n"), "text/markdown"),
        (SimpleUploadedFile("notiz.txt", "Grüße".encode()), "text/plain"),
    ],
    ids=lambda value: getattr(value, "name", value),
)
def test_accepts_real_files(upload, content_type):
    assert check_upload(upload) == content_type
    assert upload.checked_content_type == content_type
    assert upload.tell() == 0


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("setup.exe", b"MZ\x90\x00" + b"\x00" * 32),
        SimpleUploadedFile("seite.html", b"<html><script>alert(1)</script></html>"),
        SimpleUploadedFile("bild.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"),
        SimpleUploadedFile("ohne-endung", PDF_BYTES),
    ],
    ids=["exe", "html", "svg", "no-extension"],
)
def test_refuses_other_types(upload):
    with pytest.raises(ValidationError) as info:
        check_upload(upload)
    assert info.value.code == "extension"


@pytest.mark.parametrize(
    "upload",
    [
        pdf(content=zip_bytes({"a.txt": b"x"})),  # a ZIP named .pdf
        SimpleUploadedFile("foto.png", JPEG),
        SimpleUploadedFile("foto.jpg", PNG),
        SimpleUploadedFile("konzept.docx", PDF_BYTES),
        SimpleUploadedFile("konzept.docx", zip_bytes({"word/document.xml": b""})),
        SimpleUploadedFile("tabelle.xlsx", zip_bytes({"[Content_Types].xml": b"", "word/x": b""})),
        odt(mimetype=b"application/vnd.oasis.opendocument.spreadsheet"),
        SimpleUploadedFile("konzept.odt", zip_bytes({"content.xml": b""})),
        SimpleUploadedFile("konzept.odt", b"PK\x03\x04 this is no zip"),
        SimpleUploadedFile("notiz.txt", b"abc\x00def"),
    ],
    ids=[
        "zip-as-pdf",
        "jpeg-as-png",
        "png-as-jpg",
        "pdf-as-docx",
        "docx-without-content-types",
        "docx-as-xlsx",
        "ods-as-odt",
        "odt-without-mimetype",
        "broken-zip",
        "txt-with-nul",
    ],
)
def test_refuses_content_that_does_not_match(upload):
    with pytest.raises(ValidationError) as info:
        check_upload(upload)
    assert info.value.code == "content_mismatch"


def test_refuses_text_that_is_not_utf8():
    with pytest.raises(ValidationError) as info:
        check_upload(SimpleUploadedFile("notiz.txt", "Grüße".encode("latin-1")))
    assert info.value.code == "not_utf8"


def test_refuses_oversized_and_empty_files(settings):
    settings.MAX_UPLOAD_MB = 1
    big = pdf(content=PDF_BYTES + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError) as info:
        check_upload(big)
    assert info.value.code == "too_large"
    with pytest.raises(ValidationError) as info:
        check_upload(SimpleUploadedFile("leer.pdf", b""))
    assert info.value.code in {"empty", "content_mismatch"}


def test_form_puts_the_error_on_the_file_field(db):
    from django.utils import translation

    with translation.override("de"):
        form = DocumentForm(data={"title": "x"}, files={"file": SimpleUploadedFile("a.exe", b"MZ")})
        assert not form.is_valid()
    assert list(form.errors) == ["file"]
