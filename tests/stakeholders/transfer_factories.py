"""Small builders for the import/export tests: actors and upload files."""

import csv
import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from teilhabe.stakeholders.models import Actor, ActorCategory, ActorKind
from tests.factories import MunicipalityFactory

GERMAN_HEADERS = [
    "Name",
    "Typ (Organisation/Person)",
    "Kategorie",
    "Organisation",
    "Funktion",
    "E-Mail",
    "Telefon",
    "Adresse",
    "Website",
    "Sprachen",
    "Schlüsselperson (ja/nein)",
    "Stille Gruppe",
    "Beteiligung (bekannt/eingeladen/beteiligt/aktiv)",
    "Einfluss (1–5)",
    "Haltung (1–5)",
    "Notizen",
]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def category(key: str = "residents") -> ActorCategory:
    return ActorCategory.objects.get(key=key)


class TransferActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = ActorKind.ORGANISATION
    name = factory.Sequence(lambda n: f"Verein {n}")
    category = factory.LazyFunction(category)


def xlsx_bytes(rows: list[list], headers: list[str] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers if headers is not None else GERMAN_HEADERS)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_upload(rows: list[list], headers=None, name="akteure.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, xlsx_bytes(rows, headers), content_type=XLSX)


def csv_upload(
    rows: list[list],
    headers=None,
    *,
    name="akteure.csv",
    encoding="utf-8-sig",
    delimiter=";",
) -> SimpleUploadedFile:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers if headers is not None else GERMAN_HEADERS)
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding), content_type="text/csv")


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def row(**values) -> list[str]:
    """A file row in the German column order; unnamed columns stay empty."""
    order = [
        "name",
        "kind",
        "category",
        "organisation",
        "role",
        "email",
        "phone",
        "address",
        "website",
        "languages",
        "key",
        "silent",
        "involvement",
        "influence",
        "attitude",
        "notes",
    ]
    defaults = {"kind": "Organisation", "category": "residents"}
    merged = defaults | values
    return [merged.get(key, "") for key in order]
