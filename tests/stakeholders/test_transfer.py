"""Actor import and export: file reading, row checks, saving, and round trips."""

import io
import os
import re
from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation
from openpyxl import load_workbook

from teilhabe.stakeholders import services, transfer
from teilhabe.stakeholders.forms import ActorForm
from teilhabe.stakeholders.models import Actor, ActorKind, Assessment, Involvement
from teilhabe.stakeholders.transfer.columns import normalise
from tests.factories import MunicipalityFactory, UserFactory
from tests.processes.uploads import PDF_BYTES, zip_bytes
from tests.stakeholders.transfer_factories import (
    GERMAN_HEADERS,
    TransferActorFactory,
    category,
    csv_upload,
    row,
    upload,
    xlsx_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return UserFactory()


@pytest.fixture
def target():
    return MunicipalityFactory(name="Zielstadt")


@pytest.fixture
def actors(municipality, user):
    """A small actor list using every column, plus a deleted person."""
    verein = TransferActorFactory(
        municipality=municipality,
        name="Türkischer Elternverein Neckarbrück e. V.",
        category=category("migrant-organisations"),
        email="info@elternverein.example",
        phone="+49 7121 123-45",
        address="Hauptstraße 1\n72000 Neckarbrück",
        website="https://elternverein.example",
        languages="Deutsch, Türkisch",
        notes="=SUMME(A1:A2) ist kein Formel-Auftrag",
        is_key_person=True,
        involvement=Involvement.ACTIVE,
    )
    services.assess(verein, influence=4, attitude=5, by=user)
    person = TransferActorFactory(
        municipality=municipality,
        kind=ActorKind.PERSON,
        name="Ayşe Öztürk",
        organisation=verein,
        category=category("migrant-organisations"),
        role="Vorsitzende",
        email="ayse@example.org",
        represents_silent_group=True,
        silent_group="Mütter mit Fluchtgeschichte",
        involvement=Involvement.INVITED,
    )
    services.assess(person, influence=1, attitude=2, by=user)
    services.assess(person, influence=2, attitude=3, by=user)  # the current one
    TransferActorFactory(
        municipality=municipality,
        name="Gemeinderat",
        category=category("politics"),
        represents_silent_group=True,
    )
    deleted = TransferActorFactory(
        municipality=municipality,
        kind=ActorKind.PERSON,
        name="Max Geheim",
        email="max@example.org",
        category=category("residents"),
    )
    services.delete_actor(deleted, by=user)
    return Actor.objects.filter(municipality=municipality)


def _export_queryset(municipality):
    return (
        Actor.objects.filter(municipality=municipality)
        .with_current_assessment()
        .select_related("category", "organisation")
        .order_by("kind", "name", "pk")
    )


def _snapshot(municipality) -> set[tuple]:
    result = set()
    for actor in _export_queryset(municipality).filter(anonymised_at__isnull=True):
        result.add(
            (
                actor.kind,
                actor.name,
                actor.category.key,
                actor.organisation.name if actor.organisation else "",
                actor.role,
                actor.email,
                actor.phone,
                actor.address,
                actor.website,
                actor.languages,
                actor.notes,
                actor.is_key_person,
                actor.represents_silent_group,
                actor.silent_group,
                actor.involvement,
                actor.influence,
                actor.attitude,
            )
        )
    return result


def _import(file, municipality, user, now=None):
    parsed = transfer.parse_upload(file)
    preview = transfer.validate(parsed.rows, municipality)
    assert not preview.has_errors, [r.errors for r in preview.rows if r.errors]
    return transfer.import_rows(preview, municipality, by=user, now=now)


def _preview(file, municipality):
    return transfer.validate(transfer.parse_upload(file).rows, municipality)


def _errors(preview) -> dict[int, list[tuple[str, str]]]:
    """Per row number: (column header, message); the header is "" for the whole row."""
    return {r.row: [(e.column, e.message) for e in r.errors] for r in preview.rows if r.errors}


# --- Layout --------------------------------------------------------------------------


def test_every_header_means_one_column():
    for column in transfer.COLUMNS:
        for header in (column.de, column.en, *column.aliases):
            assert transfer.HEADERS[normalise(header)] == column.key
    assert [column.de for column in transfer.COLUMNS] == GERMAN_HEADERS


# --- Round trips ---------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_round_trip(actors, municipality, target, user, language, fmt):
    with translation.override(language):
        if fmt == "xlsx":
            file = upload("export.xlsx", transfer.export_xlsx(_export_queryset(municipality)))
        else:
            data = transfer.export_csv(_export_queryset(municipality)).encode("utf-8")
            file = upload("export.csv", data)
        parsed = transfer.parse_upload(file)
        preview = transfer.validate(parsed.rows, target)
    assert parsed.ignored_columns == []
    assert not preview.has_errors
    assert preview.skipped_count == 1  # the deleted person does not come back
    created = transfer.import_rows(preview, target, by=user)

    assert len(created) == 3
    assert _snapshot(target) == _snapshot(municipality)
    person = Actor.objects.get(municipality=target, kind=ActorKind.PERSON)
    assert person.organisation.municipality == target
    assert person.assessments.get().assessed_by == user
    assert person.created_by == user
    assert not Actor.objects.filter(municipality=target, name__icontains="Person").exists()


def test_exported_xlsx_layout(actors, municipality):
    with translation.override("de"):
        data = transfer.export_xlsx(_export_queryset(municipality))
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "Akteure"
    assert [cell.value for cell in sheet[1]] == GERMAN_HEADERS
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:P5"
    assert sheet.column_dimensions["A"].width == 32
    assert sheet.max_row == 5

    rows = {r[0].value: [cell.value for cell in r] for r in sheet.iter_rows(min_row=2)}
    verein = rows["Türkischer Elternverein Neckarbrück e. V."]
    assert verein[1] == "Organisation"
    assert verein[2] == "Migrant*innen-Organisationen"
    assert verein[6] == "+49 7121 123-45"
    assert verein[10] == "ja"
    assert verein[12] == "aktiv"
    assert verein[13:15] == [4, 5]
    assert verein[15] == "=SUMME(A1:A2) ist kein Formel-Auftrag"
    # Stored as text, not as a formula.
    assert sheet.cell(row=list(rows).index(verein[0]) + 2, column=16).data_type == "s"
    person = rows["Ayşe Öztürk"]
    assert person[3] == "Türkischer Elternverein Neckarbrück e. V."
    assert person[11] == "Mütter mit Fluchtgeschichte"
    assert person[12:15] == ["eingeladen", 2, 3]
    deleted = rows["Gelöschte Person"]
    assert deleted[1] == "Person"
    assert deleted[3:10] == [None] * 7  # no contact data at all
    assert "Max Geheim" not in str(list(rows.values()))


def test_english_export_uses_english_headers_and_values(actors, municipality):
    with translation.override("en"):
        data = transfer.export_xlsx(_export_queryset(municipality))
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A1"].value == "Name"
    assert sheet["C1"].value == "Category"
    assert sheet["N1"].value == "Influence (1–5)"
    values = [[cell.value for cell in r] for r in sheet.iter_rows(min_row=2)]
    assert [v[0] for v in values if v[0] == "Deleted person"] == ["Deleted person"]
    verein = next(v for v in values if v[0].startswith("Türkischer"))
    assert verein[2] == "Migrant organisations"
    assert verein[10] == "yes"
    assert verein[12] == "active"


def test_empty_template_has_only_the_header():
    with translation.override("de"):
        sheet = load_workbook(io.BytesIO(transfer.export_xlsx([]))).active
        text = transfer.export_csv([])
    assert sheet.max_row == 1
    assert [cell.value for cell in sheet[1]] == GERMAN_HEADERS
    assert text == "\ufeff" + ";".join(GERMAN_HEADERS) + "\r\n"


def test_csv_export_is_excel_friendly(actors, municipality):
    with translation.override("de"):
        text = transfer.export_csv(_export_queryset(municipality))
    assert text.startswith("\ufeffName;Typ (Organisation/Person);Kategorie;")
    assert "Ayşe Öztürk" in text
    assert "'=SUMME(A1:A2)" in text  # no formula when Excel opens it
    assert ";+49 7121 123-45;" in text  # a phone number is not touched
    assert "Max Geheim" not in text and "max@example.org" not in text


def test_windows_1252_csv_from_german_excel(municipality, user):
    file = csv_upload(
        [
            row(
                name="Förderverein Grundschule Süd",
                category="Bildung (Kita, Schule, Ausbildung, Hochschule)",
            ),
            row(name="Jürgen Weiß", kind="Person", organisation="Förderverein Grundschule Süd"),
        ],
        encoding="cp1252",
        delimiter=";",
    )
    created = _import(file, municipality, user)
    assert {actor.name for actor in created} == {"Förderverein Grundschule Süd", "Jürgen Weiß"}
    person = Actor.objects.get(name="Jürgen Weiß")
    assert person.organisation.name == "Förderverein Grundschule Süd"
    assert person.organisation.category.key == "education"


def test_utf8_csv_without_bom_and_with_commas(municipality, user):
    headers = [" name ", "TYPE", "category", "e-mail", "Influence", "attitude", "Key person"]
    file = csv_upload(
        [["Çiğdem Yıldız", "person", "Residents", "c@example.org", "3", "4", "x"]],
        headers=headers,
        encoding="utf-8",
        delimiter=",",
    )
    (actor,) = _import(file, municipality, user)
    assert actor.name == "Çiğdem Yıldız"
    assert actor.kind == ActorKind.PERSON
    assert actor.is_key_person
    assert (actor.assessments.get().influence, actor.assessments.get().attitude) == (3, 4)


def test_values_in_both_languages(municipality, user):
    file = xlsx_upload(
        [
            row(
                name="A",
                kind="organization",
                category="Trade unions",
                key="yes",
                involvement="Involved",
            ),
            row(
                name="B",
                kind="ORGANISATION",
                category="Gewerkschaften",
                key="nein",
                involvement="beteiligt",
            ),
            row(name="C", kind="Organisation", category="unions", key="1", silent="ja"),
            row(name="D", kind="Organisation", category=" gewerkschaften ", key="0", silent="no"),
        ]
    )
    created = {actor.name: actor for actor in _import(file, municipality, user)}
    assert all(actor.category.key == "unions" for actor in created.values())
    assert [created[n].is_key_person for n in "ABCD"] == [True, False, True, False]
    assert created["A"].involvement == created["B"].involvement == Involvement.INVOLVED
    assert created["C"].involvement == Involvement.KNOWN
    assert created["C"].represents_silent_group and not created["D"].represents_silent_group
    assert not created["A"].assessments.exists()


def test_person_can_belong_to_an_existing_organisation(municipality, user):
    caritas = TransferActorFactory(
        municipality=municipality, name="Caritas", category=category("welfare")
    )
    file = xlsx_upload(
        [row(name="Lena Berg", kind="Person", organisation="caritas", category="welfare")]
    )
    (person,) = _import(file, municipality, user)
    assert person.organisation == caritas


def test_persons_are_saved_after_their_organisation(municipality, user):
    file = xlsx_upload(
        [
            row(name="Lena Berg", kind="Person", organisation="Sportverein"),
            row(name="Sportverein", category="civil-society", website="www.sv.example"),
        ]
    )
    _import(file, municipality, user)
    person = Actor.objects.get(name="Lena Berg")
    assert person.organisation.name == "Sportverein"
    assert person.organisation.website == "https://www.sv.example"


# --- Row errors ----------------------------------------------------------------------


def test_bad_rows_are_reported_per_row_and_nothing_is_saved(municipality, user):
    file = xlsx_upload(
        [
            row(name="Gut"),
            row(name=""),
            row(name="Unbekannt", category="Feuerwehr"),
            row(name="Mail", email="kein-at-zeichen"),
            row(name="Zu stark", influence=7, attitude=3),
            row(name="Was", kind="Firma"),
            row(name="Org mit Org", organisation="Gut"),
            row(name="Person ohne Org", kind="Person", organisation="Gibt es nicht"),
            row(name="Halb", influence=3),
            row(name="Stufe", involvement="vielleicht"),
            row(name="Schlüssel", key="vielleicht"),
            row(name="Web", website="http://"),
        ]
    )
    with translation.override("en"):
        preview = _preview(file, municipality)
    errors = _errors(preview)
    assert 2 not in errors
    assert errors[3] == [("Name", "This field is required.")]
    ((column, message),) = errors[4]
    assert column == "Category"
    assert message.startswith("Unknown category “Feuerwehr”. Valid categories: Residents,")
    assert "Politics (council)" in message
    assert errors[5] == [("E-mail", "Enter a valid email address.")]
    assert errors[6] == [
        ("Influence (1–5)", "Select a valid choice. 7 is not one of the available choices.")
    ]
    assert errors[7] == [
        (
            "Type (organisation/person)",
            "Select a valid choice. Firma is not one of the available choices.",
        )
    ]
    assert errors[8] == [("Organisation", "Only a person can belong to an organisation.")]
    assert errors[9] == [
        (
            "Organisation",
            "The organisation “Gibt es nicht” is neither in this file nor one of this "
            "municipality's actors.",
        )
    ]
    assert errors[10] == [("Attitude (1–5)", "This field is required.")]
    assert errors[11] == [
        (
            "Involvement (known/invited/involved/active)",
            "Select a valid choice. vielleicht is not one of the available choices.",
        )
    ]
    assert errors[12] == [("Key person (yes/no)", "Enter yes or no instead of “vielleicht”.")]
    assert errors[13] == [("Website", "Enter a valid URL.")]
    assert (preview.ok_count, preview.error_count) == (1, 11)

    with pytest.raises(ValidationError):
        transfer.import_rows(preview, municipality, by=user)
    assert not Actor.objects.exists()


def test_missing_category_is_required_and_an_unknown_one_lists_the_valid_ones(municipality):
    file = xlsx_upload([row(name="X", category=""), row(name="Y", category="Feuerwehr")])
    with translation.override("de"):
        errors = _errors(_preview(file, municipality))
    assert errors[2] == [("Kategorie", "Dieses Feld ist zwingend erforderlich.")]
    ((column, message),) = errors[3]  # not also "required": one message per column
    assert column == "Kategorie"
    assert message.startswith("Unbekannte Kategorie „Feuerwehr“. Gültige Kategorien:")
    assert "Bürger*innen" in message


def test_errors_are_in_the_language_of_the_person_importing(municipality):
    file = xlsx_upload([row(name="N" * 201, phone="1" * 41)])
    with translation.override("de"):
        errors = _errors(_preview(file, municipality))
    assert errors == {
        2: [
            (
                "Name",
                "Bitte sicherstellen, dass der Wert aus höchstens 200 Zeichen besteht. "
                "(Er besteht aus 201 Zeichen.)",
            ),
            (
                "Telefon",
                "Bitte sicherstellen, dass der Wert aus höchstens 40 Zeichen besteht. "
                "(Er besteht aus 41 Zeichen.)",
            ),
        ]
    }


def test_rows_count_like_the_spreadsheet(municipality):
    file = xlsx_upload([row(name="A"), ["", "", ""], row(name="B", kind="?")])
    preview = _preview(file, municipality)
    assert [r.row for r in preview.rows] == [2, 4]
    assert list(_errors(preview)) == [4]


# --- The actor form and the model decide what is valid --------------------------------

# Columns read as they are into a text field of Actor, with the header in English.
TEXT_COLUMNS = [
    ("name", "name", "Name"),
    ("role", "role", "Role"),
    ("phone", "phone", "Phone"),
    ("languages", "languages", "Languages"),
    ("silent", "silent_group", "Silent group"),
]


def _model_message(field_name: str, value: str) -> str:
    with pytest.raises(ValidationError) as error:
        Actor._meta.get_field(field_name).clean(value, None)
    (message,) = error.value.messages
    return message


@pytest.mark.parametrize(("column", "field_name", "header"), TEXT_COLUMNS)
def test_a_value_longer_than_the_model_field_gets_the_models_message(
    municipality, column, field_name, header
):
    limit = Actor._meta.get_field(field_name).max_length
    too_long, just_right = "x" * (limit + 1), "y" * limit
    file = xlsx_upload(
        [
            row(**{"name": "Gut", column: just_right}),
            row(**{"name": "Zu lang", column: too_long}),
        ]
    )
    with translation.override("en"):
        errors = _errors(_preview(file, municipality))
        expected = _model_message(field_name, too_long)
    assert expected == f"Ensure this value has at most {limit} characters (it has {limit + 1})."
    assert errors == {3: [(header, expected)]}  # row 3 of the spreadsheet, nothing else


@pytest.mark.parametrize(
    ("values", "field_name", "header", "typed"),
    [
        ({"kind": "Firma"}, "kind", "Type (organisation/person)", "Firma"),
        (
            {"involvement": "vielleicht"},
            "involvement",
            "Involvement (known/invited/involved/active)",
            "vielleicht",
        ),
    ],
)
def test_an_invalid_choice_gets_the_forms_message(municipality, values, field_name, header, typed):
    with translation.override("en"):
        errors = _errors(_preview(xlsx_upload([row(name="X", **values)]), municipality))
        form_field = ActorForm(instance=Actor(municipality=municipality)).fields[field_name]
        expected = form_field.error_messages["invalid_choice"] % {"value": typed}
    assert errors == {2: [(header, expected)]}


def test_a_row_valid_by_hand_entry_is_valid_in_the_import(municipality, user):
    """The values a person may type into the actor form import unchanged."""
    form_data = {
        "kind": ActorKind.PERSON,
        "name": "N" * 200,
        "category": category("volunteer-groups").pk,
        "role": "R" * 200,
        "email": "hand@example.org",
        "phone": "1" * 40,
        "address": "Marktplatz 1",
        "website": "www.ehrenamt.example",  # the form adds https://
        "languages": "Deutsch, Arabisch",
        "notes": "Kommt donnerstags.",
        "silent_group": "S" * 200,
        "involvement": Involvement.ACTIVE,
    }
    by_hand = ActorForm(form_data, instance=Actor(municipality=municipality))
    assert by_hand.is_valid(), by_hand.errors
    file = xlsx_upload(
        [
            row(
                name=form_data["name"],
                kind="Person",
                category="volunteer-groups",
                role=form_data["role"],
                email=form_data["email"],
                phone=form_data["phone"],
                address=form_data["address"],
                website=form_data["website"],
                languages=form_data["languages"],
                notes=form_data["notes"],
                silent=form_data["silent_group"],
                involvement="aktiv",
            )
        ]
    )
    (imported,) = _import(file, municipality, user)
    fields = [*ActorForm._meta.fields, "represents_silent_group"]
    assert {name: getattr(imported, name) for name in fields} == {
        name: getattr(by_hand.instance, name) for name in fields
    }
    assert imported.website == "https://www.ehrenamt.example"


def test_a_too_long_value_in_one_row_saves_nothing(municipality, user):
    limit = Actor._meta.get_field("phone").max_length
    file = xlsx_upload(
        [
            row(name="Verein A", influence=3, attitude=3),
            row(name="Lena Berg", kind="Person", organisation="Verein A"),
            row(name="Verein B", phone="1" * (limit + 1)),
        ]
    )
    preview = _preview(file, municipality)
    assert preview.error_rows == [4]
    with pytest.raises(ValidationError):
        transfer.import_rows(preview, municipality, by=user)
    assert not Actor.objects.exists()
    assert not Assessment.objects.exists()


def test_a_person_of_an_organisation_in_the_file_is_checked_by_the_model(municipality):
    file = xlsx_upload(
        [
            row(name="Sportverein"),
            row(name="Jugendabteilung", organisation="Sportverein"),  # not a person
            row(name="Lena Berg", kind="Person", organisation="sportverein"),
        ]
    )
    with translation.override("en"):
        preview = _preview(file, municipality)
    assert _errors(preview) == {
        3: [("Organisation", "Only a person can belong to an organisation.")]
    }
    lena = preview.rows[2].actor
    assert lena.organisation is preview.rows[0].actor  # linked before anything is saved


# --- Duplicates ----------------------------------------------------------------------


def test_duplicates_within_the_file(municipality):
    file = xlsx_upload(
        [
            row(name="Helferkreis Asyl"),
            row(name="helferkreis  asyl "),
            row(name="Helferkreis Asyl", kind="Person"),  # a person may share the name
            row(name="Maria Yilmaz", kind="Person", email="maria@a.example"),
            row(name="Maria Yilmaz", kind="Person", email="maria@b.example"),  # someone else
            row(name="maria yilmaz", kind="Person", email="MARIA@a.example"),
            row(name="Jan Roth", kind="Person"),
            row(name="Jan Roth", kind="Person", email="jan@example.org"),
        ]
    )
    errors = _errors(_preview(file, municipality))
    assert errors == {
        3: [("", "Diese Organisation oder Person steht schon in Zeile 2.")],
        7: [("", "Diese Organisation oder Person steht schon in Zeile 5.")],
        9: [("", "Diese Organisation oder Person steht schon in Zeile 8.")],
    }


def test_duplicates_of_existing_actors(municipality, user):
    TransferActorFactory(municipality=municipality, name="Helferkreis Asyl")
    TransferActorFactory(
        municipality=municipality, kind=ActorKind.PERSON, name="Maria Yilmaz", email="m@a.example"
    )
    gone = TransferActorFactory(municipality=municipality, kind=ActorKind.PERSON, name="Tom Alt")
    services.delete_actor(gone, by=user)
    TransferActorFactory(name="Nur woanders")  # another municipality's actor
    file = xlsx_upload(
        [
            row(name="HELFERKREIS ASYL"),
            row(name="Maria Yilmaz", kind="Person", email="m@a.example"),
            row(name="Maria Yilmaz", kind="Person", email="m@b.example"),
            row(name="Maria Yilmaz", kind="Person"),
            row(name="Tom Alt", kind="Person"),
            row(name="Nur woanders"),
        ]
    )
    errors = _errors(_preview(file, municipality))
    assert set(errors) == {2, 3, 5}
    assert errors[2] == [
        (
            "",
            "Diese Organisation oder Person gibt es in dieser Kommune schon. Entfernen Sie "
            "die Zeile oder ändern Sie stattdessen den vorhandenen Eintrag.",
        )
    ]


# --- Files that cannot be used -------------------------------------------------------

DOCX = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
BROKEN_XLSX = zip_bytes({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<nope"})


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("akteure.xlsx", PDF_BYTES, "not an Excel workbook"),
        ("akteure.xlsx", os.urandom(2048), "not an Excel workbook"),
        ("akteure.xlsx", b"PK\x03\x04" + os.urandom(500), "not an Excel workbook"),
        ("akteure.xlsx", DOCX, "not an Excel workbook"),
        ("akteure.xlsx", BROKEN_XLSX, "not an Excel workbook"),
        ("akteure.xlsx", b"", "The file is empty."),
        ("akteure.csv", b"", "The file is empty."),
        ("akteure.docx", DOCX, "Only Excel workbooks (.xlsx) and CSV files"),
        ("akteure.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "Only Excel workbooks"),
        ("akteure.pdf", PDF_BYTES, "Only Excel workbooks"),
        ("akteure", b"Name\nX\n", "Only Excel workbooks"),
        ("akteure.csv", b"\x00\x01\x02" + os.urandom(300), "not a CSV text file"),
        ("akteure.csv", b"Vorname;Nachname\nA;B\n", "at least a column “Name”"),
        ("akteure.csv", b"Name;Kategorie\n", "only the header row (row 1)"),
        ("akteure.csv", b"\r\n \r\n", "contains no data"),
        ("akteure.csv", b"Name;Name\nA;B\n", "The column “Name” appears twice."),
    ],
)
def test_unusable_files_give_one_clear_error(municipality, name, content, message):
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc_info:
            transfer.parse_upload(upload(name, content))
        (text,) = exc_info.value.messages
    assert message in text
    assert not Actor.objects.exists()


def test_file_size_limit(settings):
    settings.MAX_UPLOAD_MB = 1
    big = csv_upload([row(name="X", notes="x" * 1024 * 1024)])
    with translation.override("en"), pytest.raises(ValidationError, match="at most 1 MB"):
        transfer.parse_upload(big)


def test_row_limit(monkeypatch):
    monkeypatch.setattr(transfer.read, "MAX_ROWS", 3)
    transfer.parse_upload(csv_upload([row(name=str(n)) for n in range(3)]))
    with translation.override("en"), pytest.raises(ValidationError, match="more than 3 rows"):
        transfer.parse_upload(xlsx_upload([row(name=str(n)) for n in range(4)]))


def test_unknown_columns_are_reported_and_ignored(municipality, user):
    file = csv_upload(
        [["Verein", "Organisation", "residents", "egal"]],
        headers=["Name", "Typ", "Kategorie", "Farbe"],
    )
    parsed = transfer.parse_upload(file)
    assert parsed.ignored_columns == ["Farbe"]
    assert parsed.rows[0]["values"]["name"] == "Verein"


# --- Saving --------------------------------------------------------------------------


def test_import_is_all_or_nothing(municipality, user, monkeypatch):
    file = xlsx_upload(
        [row(name="A", influence=3, attitude=3), row(name="B", influence=4, attitude=4)]
    )
    preview = _preview(file, municipality)

    def failing_bulk_create(objs, *args, **kwargs):
        raise IntegrityError("FOREIGN KEY constraint failed")  # e.g. a category deleted

    # The actors are inserted, then the assessments fail: the actors go too.
    monkeypatch.setattr(Assessment.objects, "bulk_create", failing_bulk_create)
    with translation.override("en"), pytest.raises(ValidationError, match="nothing was imported"):
        transfer.import_rows(preview, municipality, by=user)
    assert not Actor.objects.exists()
    assert not Assessment.objects.exists()


def test_import_writes_in_one_short_transaction(municipality, user):
    """All reading and checking happens before the write transaction; inside it only
    the bulk inserts run, however many rows the file has (SQLite's write lock is held
    for the whole transaction)."""
    from django.db import connection

    rows = [row(name=f"Verein {n}", influence=3, attitude=4) for n in range(150)]
    rows += [row(name=f"Person {n}", kind="Person", organisation="Verein 1") for n in range(150)]
    preview = _preview(xlsx_upload(rows), municipality)
    queries: list[str] = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        created = transfer.import_rows(preview, municipality, by=user)
    assert len(created) == 300
    assert Actor.objects.get(name="Person 7").organisation.name == "Verein 1"
    assert Assessment.objects.count() == 150
    # From the first insert to the end (the commit) nothing but the inserts runs:
    # the checks with their look-ups ran before.
    first_insert = next(n for n, sql in enumerate(queries) if sql.startswith("INSERT"))
    in_transaction = [
        sql for sql in queries[first_insert:] if not sql.startswith(("SAVEPOINT", "RELEASE"))
    ]
    assert all(sql.startswith("INSERT") for sql in in_transaction), in_transaction
    # Three bulk inserts; SQLite splits them into batches of about 50 rows.
    assert len(in_transaction) <= 300 / 25


def test_a_preview_imports_only_where_it_was_checked(municipality, target, user):
    preview = _preview(xlsx_upload([row(name="A")]), municipality)
    with pytest.raises(ValueError):
        transfer.import_rows(preview, target, by=user)
    assert not Actor.objects.exists()


def test_workbook_with_a_wrong_declared_size_is_read_fully():
    import zipfile

    data = xlsx_upload([row(name=f"Verein {n}") for n in range(5)]).read()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(
                    rb'<dimension ref="[^"]+"\s*/>', b'<dimension ref="A1:A1"/>', content
                )
            archive.writestr(info, content)
    parsed = transfer.parse_upload(upload("akteure.xlsx", out.getvalue()))
    assert [r["values"]["name"] for r in parsed.rows] == [f"Verein {n}" for n in range(5)]


def test_imported_assessments_are_dated_at_the_given_moment(actors, municipality, target, user):
    file = upload("export.xlsx", transfer.export_xlsx(_export_queryset(municipality)))
    moment = datetime(2023, 9, 1, 14, 0, tzinfo=UTC)
    _import(file, target, user, now=moment)
    dates = set(
        Assessment.objects.filter(actor__municipality=target).values_list("assessed_at", flat=True)
    )
    assert dates == {moment}
