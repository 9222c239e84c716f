"""Import and export of a municipality's actor list as XLSX or CSV.

One fixed column layout (`COLUMNS`) serves both directions, so an exported file
re-imports unchanged. Headers and values are written in the current UI language
(German or English); the importer accepts both languages in any mix, case-insensitive.

Importing takes three steps, so nothing is ever half-imported:

1. `parse_upload` reads the file into plain rows of strings (JSON-serialisable, so a
   view can keep them in the session between preview and confirmation);
2. `validate` checks every row against the municipality's current actors and returns
   a `Preview` with the parsed values and per-row error messages;
3. `import_rows` saves all rows in one transaction through `services.save_actor` and
   `services.assess`, and refuses a preview that has any error.

Duplicates of existing actors are errors, not silently skipped: the person importing
sees them and removes them from the file, so no actor is imported twice.
"""

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from teilhabe.stakeholders import services
from teilhabe.stakeholders.models import Actor, ActorCategory, ActorKind, Involvement

MAX_ROWS = 2000
# Uncompressed size of all parts of an uploaded workbook: a small ZIP can unpack to
# gigabytes, and openpyxl would try.
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024
# Only this many columns are read; the layout has 16.
MAX_COLUMNS = 60

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


@dataclass(frozen=True)
class Column:
    """One column of the file layout.

    `de` and `en` are the headers written on export (data of the file format, not
    translated UI text); `aliases` are further headers the importer accepts.
    """

    key: str
    de: str
    en: str
    width: int
    help: Any  # a lazy translation, shown on the upload page
    aliases: tuple[str, ...] = ()

    def header(self, english: bool) -> str:
        return self.en if english else self.de


COLUMNS: tuple[Column, ...] = (
    Column("name", "Name", "Name", 32, _("Required. Name of the organisation or person.")),
    Column(
        "kind",
        "Typ (Organisation/Person)",
        "Type (organisation/person)",
        14,
        _("Required: Organisation or Person."),
        ("Art", "Kind"),
    ),
    Column(
        "category",
        "Kategorie",
        "Category",
        34,
        _("Required: a category of the catalogue, by its German or English name or its key."),
    ),
    Column(
        "organisation",
        "Organisation",
        "Organisation",
        28,
        _(
            "Only for persons: the organisation they belong to. It must be in the same "
            "file or already be one of this municipality's actors."
        ),
        ("Organization", "gehört zu Organisation", "belongs to organisation"),
    ),
    Column(
        "role",
        "Funktion",
        "Role",
        22,
        _("Function or role, for example chair or head of office."),
        ("Function", "Rolle", "Funktion oder Rolle", "Function or role"),
    ),
    Column(
        "email",
        "E-Mail",
        "E-mail",
        28,
        _("E-mail address."),
        ("Email", "Mail", "E-Mail-Adresse", "E-mail address"),
    ),
    Column(
        "phone",
        "Telefon",
        "Phone",
        18,
        _("Phone number."),
        ("Tel.", "Tel", "Telephone", "Telefonnummer"),
    ),
    Column("address", "Adresse", "Address", 30, _("Postal address."), ("Anschrift",)),
    Column(
        "website",
        "Website",
        "Website",
        28,
        _("Web address; https:// is added when missing."),
        ("Webseite", "Homepage", "Internet"),
    ),
    Column(
        "languages",
        "Sprachen",
        "Languages",
        22,
        _("Languages in which the actor can be reached, separated by commas."),
    ),
    Column(
        "is_key_person",
        "Schlüsselperson (ja/nein)",
        "Key person (yes/no)",
        12,
        _("Key person or multiplier: yes or no (also ja/nein, x, 1/0). Empty means no."),
        ("Multiplikator*in", "Key person or multiplier"),
    ),
    Column(
        "silent_group",
        "Stille Gruppe",
        "Silent group",
        26,
        _(
            "Whether the actor represents a silent group: yes or no, or the name of the "
            "group (which means yes)."
        ),
    ),
    Column(
        "involvement",
        "Beteiligung (bekannt/eingeladen/beteiligt/aktiv)",
        "Involvement (known/invited/involved/active)",
        16,
        _("Known, invited, involved or active (German or English). Empty means known."),
    ),
    Column(
        "influence",
        "Einfluss (1–5)",
        "Influence (1–5)",
        10,
        _("Influence on the process from 1 (very low) to 5 (very high); with attitude."),
    ),
    Column(
        "attitude",
        "Haltung (1–5)",
        "Attitude (1–5)",
        10,
        _("Attitude from 1 (strongly critical) to 5 (strongly supportive); with influence."),
    ),
    Column("notes", "Notizen", "Notes", 40, _("Notes."), ("Notiz", "Note", "Bemerkungen")),
)
COLUMN_KEYS = tuple(column.key for column in COLUMNS)

# Values written on export, per language. The importer accepts every value below.
YES = {"de": "ja", "en": "yes"}
NO = {"de": "nein", "en": "no"}
KIND_LABELS = {ActorKind.ORGANISATION: "Organisation", ActorKind.PERSON: "Person"}
INVOLVEMENT_LABELS = {
    "de": {
        Involvement.KNOWN: "bekannt",
        Involvement.INVITED: "eingeladen",
        Involvement.INVOLVED: "beteiligt",
        Involvement.ACTIVE: "aktiv",
    },
    "en": {
        Involvement.KNOWN: "known",
        Involvement.INVITED: "invited",
        Involvement.INVOLVED: "involved",
        Involvement.ACTIVE: "active",
    },
}
DELETED_PERSON = {"de": "Gelöschte Person", "en": "Deleted person"}
SHEET_TITLE = {"de": "Akteure", "en": "Actors"}

TRUE_VALUES = frozenset({"ja", "j", "yes", "y", "x", "1", "true", "wahr"})
FALSE_VALUES = frozenset({"nein", "n", "no", "0", "false", "falsch", "-"})
KIND_VALUES = {
    "organisation": ActorKind.ORGANISATION,
    "organization": ActorKind.ORGANISATION,
    "org": ActorKind.ORGANISATION,
    "org.": ActorKind.ORGANISATION,
    "person": ActorKind.PERSON,
}
INVOLVEMENT_VALUES = {
    label.casefold(): value
    for labels in INVOLVEMENT_LABELS.values()
    for value, label in labels.items()
}
# A cell starting with one of these may run as a formula when a CSV opens in a
# spreadsheet program; the export puts an apostrophe in front, the import takes it away.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# ...but phone numbers such as "+49 7121 123-45" stay as they are.
HARMLESS_SIGNED = re.compile(r"[+-][\d\s()/.-]*")


def current_language() -> str:
    """The language of headers and values written by the export: "de" or "en"."""
    return "en" if (get_language() or "de").startswith("en") else "de"


def _norm(text: str) -> str:
    """Casefolded, dashes unified, inner whitespace collapsed: for comparing labels."""
    text = text.replace("–", "-").replace("—", "-")
    return " ".join(text.split()).casefold()


def _header_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for column in COLUMNS:
        for header in (column.de, column.en, column.key, *column.aliases):
            lookup[_norm(header)] = column.key
            # "Einfluss" for "Einfluss (1–5)": the hint in brackets is optional.
            lookup.setdefault(_norm(re.sub(r"\s*\(.*\)\s*$", "", header)), column.key)
    return lookup


HEADERS = _header_lookup()


# --- Reading files -------------------------------------------------------------------


@dataclass
class ParsedFile:
    """What `parse_upload` read: rows of strings, plus the headers it did not know.

    Each row is `{"row": <row number in the spreadsheet, header = 1>, "values":
    {<column key>: <string>}}`; plain data, so it can go into the session.
    """

    rows: list[dict[str, Any]]
    ignored_columns: list[str] = field(default_factory=list)


def _error(message, **params) -> ValidationError:
    return ValidationError(message, params=params or None)


def _not_a_spreadsheet() -> ValidationError:
    return _error(
        _(
            "This file is not an Excel workbook (.xlsx) that can be read. Please save "
            "it as .xlsx or as CSV and try again."
        )
    )


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _read_xlsx(upload) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # imported here: only imports need it

    upload.seek(0)
    if upload.read(4) != b"PK\x03\x04":
        raise _not_a_spreadsheet()
    upload.seek(0)
    data = io.BytesIO(upload.read())
    try:
        with zipfile.ZipFile(data) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _not_a_spreadsheet() from exc
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or not any(name.startswith("xl/") for name in names):
        raise _not_a_spreadsheet()  # e.g. a Word document renamed to .xlsx
    if sum(info.file_size for info in infos) > MAX_XLSX_UNPACKED_BYTES:
        raise _error(_("The workbook is too large to import. Please split it into smaller files."))
    data.seek(0)
    try:
        workbook = load_workbook(data, read_only=True, data_only=True)
    # openpyxl raises many kinds of errors on broken files (KeyError, XML parse
    # errors, TypeError, InvalidFileException, ...); for the person uploading they all
    # mean the same thing.
    except Exception as exc:
        raise _not_a_spreadsheet() from exc
    try:
        if not workbook.worksheets:
            raise _not_a_spreadsheet()
        sheet = workbook.worksheets[0]
        # The size a file declares may be wrong (too small or huge): read what is there.
        sheet.reset_dimensions()
        for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            yield [_cell_text(value) for value in row]
    except ValidationError:
        raise
    except Exception as exc:  # a broken sheet part, found only while reading
        raise _not_a_spreadsheet() from exc
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    """Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    German Excel saves "CSV (Trennzeichen-getrennt)" as Windows-1252; latin-1 is the
    last resort because it decodes any byte.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _not_a_text_file() from exc
    if b"\x00" in data:
        raise _not_a_text_file()
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise _not_a_text_file()  # pragma: no cover - latin-1 decodes everything


def _not_a_text_file() -> ValidationError:
    return _error(_("This file is not a CSV text file. Please save the list as CSV or .xlsx."))


def _read_csv(upload) -> Iterator[list[str]]:
    upload.seek(0)
    text = _decode(upload.read())
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for row in reader:
            yield [cell.strip() for cell in row[:MAX_COLUMNS]]
    except csv.Error as exc:
        raise _error(
            _("The CSV file could not be read (line %(line)s)."), line=reader.line_num
        ) from exc


def _unescape(value: str) -> str:
    if value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def parse_upload(upload) -> ParsedFile:
    """Read an uploaded .xlsx or .csv file into rows of strings.

    The first row holds the headers (German or English). Raises ValidationError with
    one message for the person uploading when the file cannot be used: wrong type,
    content not matching the extension, empty, too large, too many rows, no "Name"
    column or no data.
    """
    max_mb = settings.MAX_UPLOAD_MB
    if upload.size is not None and upload.size > max_mb * 1024 * 1024:
        raise _error(_("The file is too large: at most %(max)s MB are allowed."), max=max_mb)
    if not upload.size:
        raise _error(_("The file is empty."))
    extension = PurePath(upload.name or "").suffix.lower()
    if extension == ".xlsx":
        lines = _read_xlsx(upload)
    elif extension == ".csv":
        lines = _read_csv(upload)
    else:
        raise _error(
            _("Only Excel workbooks (.xlsx) and CSV files (.csv) can be imported."),
        )

    header: list[str] | None = None
    keys: list[str | None] = []
    ignored: list[str] = []
    rows: list[dict[str, Any]] = []
    for number, cells in enumerate(lines, start=1):
        if header is None:
            if not any(cells):
                continue  # blank lines above the header
            header = cells
            header_row = number
            keys = [HEADERS.get(_norm(cell)) for cell in cells]
            seen: set[str] = set()
            for cell, key in zip(cells, keys, strict=True):
                if key is None:
                    if cell:
                        ignored.append(cell)
                elif key in seen:
                    raise _error(_("The column “%(column)s” appears twice."), column=cell)
                else:
                    seen.add(key)
            if "name" not in seen:
                raise _error(
                    _(
                        "The first row must hold the column headers, with at least a "
                        "column “Name”. Expected columns: %(columns)s."
                    ),
                    columns=", ".join(column_headers()),
                )
            continue
        if not any(cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise _error(
                _("The file has more than %(max)s rows. Please split it into smaller files."),
                max=MAX_ROWS,
            )
        values = dict.fromkeys(COLUMN_KEYS, "")
        for key, cell in zip(keys, cells, strict=False):
            if key is not None:
                values[key] = _unescape(cell)
        rows.append({"row": number, "values": values})
    if header is None:
        raise _error(_("The file contains no data."))
    if not rows:
        raise _error(
            _("The file contains only the header row (row %(row)s) and no actors."), row=header_row
        )
    return ParsedFile(rows=rows, ignored_columns=ignored)


def column_headers(english: bool | None = None) -> list[str]:
    """The headers in the current (or the given) language."""
    if english is None:
        english = current_language() == "en"
    return [column.header(english) for column in COLUMNS]


# --- Checking rows -------------------------------------------------------------------


@dataclass
class PreviewRow:
    row: int
    raw: dict[str, str]
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    skipped: str = ""  # why the row is left out (not an error), e.g. a deleted person

    @property
    def cells(self) -> list[str]:
        """Raw values in column order, for the preview table."""
        return [self.raw.get(key, "") for key in COLUMN_KEYS]

    @property
    def ok(self) -> bool:
        return not self.errors and not self.skipped


@dataclass
class Preview:
    rows: list[PreviewRow]

    @property
    def has_errors(self) -> bool:
        return any(row.errors for row in self.rows)

    @property
    def ok_count(self) -> int:
        return sum(1 for row in self.rows if row.ok)

    @property
    def error_count(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def error_rows(self) -> list[int]:
        return [row.row for row in self.rows if row.errors]

    @property
    def skipped_count(self) -> int:
        return sum(1 for row in self.rows if row.skipped)


def _bool(value: str) -> bool | None:
    folded = value.strip().casefold()
    if not folded or folded in FALSE_VALUES:
        return False
    if folded in TRUE_VALUES:
        return True
    return None


def _scale(value: str) -> int | str | None:
    """1 to 5, None when empty, "invalid" otherwise."""
    value = value.strip()
    if not value:
        return None
    if value.isascii() and value.isdigit() and 1 <= int(value) <= 5:
        return int(value)
    return "invalid"


def _person_key(name: str) -> str:
    return " ".join(name.split()).casefold()


class _Catalogue:
    def __init__(self):
        self.categories = list(ActorCategory.objects.all())
        self.lookup: dict[str, ActorCategory] = {}
        for category in self.categories:
            for label in (category.key, category.name, category.name_en):
                if label:
                    self.lookup.setdefault(_norm(label), category)

    def get(self, value: str) -> ActorCategory | None:
        return self.lookup.get(_norm(value))

    def names(self) -> str:
        return ", ".join(category.display_name for category in self.categories)


def _check_length(row: PreviewRow, key: str, value: str, limit: int) -> None:
    if len(value) > limit:
        header = next(column for column in COLUMNS if column.key == key).header(
            current_language() == "en"
        )
        row.errors.append(
            gettext("Too long: at most %(max)s characters in the column “%(column)s”.")
            % {"column": header, "max": limit}
        )


def _is_deleted_person(values: dict[str, str]) -> bool:
    """A row the export wrote for a person whose data was deleted."""
    return (
        values["name"].strip() in DELETED_PERSON.values()
        and KIND_VALUES.get(values["kind"].strip().casefold()) == ActorKind.PERSON
    ) and not any(
        values[key].strip() for key in ("email", "phone", "address", "website", "organisation")
    )


def _check_row(row: PreviewRow, catalogue: _Catalogue) -> None:
    raw = row.raw
    values = row.values
    errors = row.errors

    name = " ".join(raw["name"].split())
    values["name"] = name
    if not name:
        errors.append(gettext("The name is missing."))
    _check_length(row, "name", name, 200)

    kind_text = raw["kind"].strip()
    kind = KIND_VALUES.get(kind_text.casefold())
    values["kind"] = kind
    if not kind_text:
        errors.append(gettext("The type is missing: enter Organisation or Person."))
    elif kind is None:
        errors.append(
            gettext("Unknown type “%(value)s”: enter Organisation or Person.")
            % {"value": kind_text}
        )

    category_text = raw["category"].strip()
    category = catalogue.get(category_text) if category_text else None
    values["category"] = category
    if not category_text:
        errors.append(
            gettext("The category is missing. Valid categories: %(categories)s.")
            % {"categories": catalogue.names()}
        )
    elif category is None:
        errors.append(
            gettext("Unknown category “%(value)s”. Valid categories: %(categories)s.")
            % {"value": category_text, "categories": catalogue.names()}
        )

    organisation = " ".join(raw["organisation"].split())
    values["organisation_name"] = organisation
    if organisation and kind == ActorKind.ORGANISATION:
        errors.append(
            gettext(
                "Only a person can belong to an organisation: leave the column "
                "“Organisation” empty for an organisation, or change the type to Person."
            )
        )

    for key, limit in (("role", 200), ("phone", 40), ("languages", 200)):
        values[key] = raw[key].strip()
        _check_length(row, key, values[key], limit)
    values["address"] = raw["address"].strip()
    values["notes"] = raw["notes"].strip()

    email = raw["email"].strip()
    values["email"] = email
    if email:
        try:
            EmailValidator()(email)
        except ValidationError:
            errors.append(gettext("“%(value)s” is not a valid e-mail address.") % {"value": email})

    website = raw["website"].strip()
    if website and "://" not in website:
        website = f"https://{website}"
    values["website"] = website
    if website:
        try:
            URLValidator()(website)
            if len(website) > 200:
                raise ValidationError("too long")
        except ValidationError:
            errors.append(
                gettext("“%(value)s” is not a valid web address.") % {"value": raw["website"]}
            )

    key_person = _bool(raw["is_key_person"])
    values["is_key_person"] = bool(key_person)
    if key_person is None:
        errors.append(
            gettext("Key person: enter yes or no instead of “%(value)s”.")
            % {"value": raw["is_key_person"]}
        )

    silent = raw["silent_group"].strip()
    silent_flag = _bool(silent)
    values["represents_silent_group"] = silent_flag is not False
    values["silent_group"] = silent if silent_flag is None else ""
    _check_length(row, "silent_group", values["silent_group"], 200)

    involvement_text = raw["involvement"].strip()
    if involvement_text:
        involvement = INVOLVEMENT_VALUES.get(_norm(involvement_text))
        if involvement is None:
            errors.append(
                gettext(
                    "Unknown involvement “%(value)s”: enter known, invited, involved or "
                    "active (bekannt, eingeladen, beteiligt, aktiv)."
                )
                % {"value": involvement_text}
            )
    else:
        involvement = Involvement.KNOWN
    values["involvement"] = involvement

    influence = _scale(raw["influence"])
    attitude = _scale(raw["attitude"])
    if influence == "invalid":
        errors.append(
            gettext("The influence must be a whole number from 1 to 5, not “%(value)s”.")
            % {"value": raw["influence"]}
        )
    if attitude == "invalid":
        errors.append(
            gettext("The attitude must be a whole number from 1 to 5, not “%(value)s”.")
            % {"value": raw["attitude"]}
        )
    if (influence is None) != (attitude is None):
        errors.append(gettext("Enter both influence and attitude, or neither."))
    values["influence"] = influence if isinstance(influence, int) else None
    values["attitude"] = attitude if isinstance(attitude, int) else None


def _is_duplicate(kind: str, email: str, other_email: str) -> bool:
    """Same kind and name are assumed; two persons differ only by different e-mails."""
    if kind != ActorKind.PERSON or not email or not other_email:
        return True
    return email.casefold() == other_email.casefold()


def validate(rows: Iterable[dict[str, Any]], municipality) -> Preview:
    """Check parsed rows against the catalogue and the municipality's actors.

    An actor is a duplicate when kind and name (case-insensitive) match, and for
    persons also the e-mail when both have one (two "Maria Yilmaz" with different
    e-mail addresses are two people). Duplicates within the file and of existing
    actors are errors. Rows the export wrote for deleted persons are skipped.
    Messages are in the active language.
    """
    catalogue = _Catalogue()
    existing = list(
        Actor.objects.filter(municipality=municipality, anonymised_at__isnull=True).only(
            "pk", "kind", "name", "email"
        )
    )
    existing_by_name: dict[tuple[str, str], list[Actor]] = {}
    for actor in existing:
        existing_by_name.setdefault((actor.kind, _person_key(actor.name)), []).append(actor)

    preview = Preview(rows=[])
    for data in rows:
        raw = {key: str(data["values"].get(key, "") or "") for key in COLUMN_KEYS}
        row = PreviewRow(row=int(data["row"]), raw=raw)
        preview.rows.append(row)
        if _is_deleted_person(raw):
            row.skipped = gettext("A deleted person is not imported again.")
            continue
        _check_row(row, catalogue)

    seen: dict[tuple[str, str], list[PreviewRow]] = {}
    file_organisations: dict[str, PreviewRow] = {}
    for row in preview.rows:
        if row.skipped or not row.values["name"] or row.values["kind"] is None:
            continue
        kind, email = row.values["kind"], row.values["email"]
        key = (kind, _person_key(row.values["name"]))
        for earlier in seen.get(key, []):
            if _is_duplicate(kind, email, earlier.values["email"]):
                row.errors.append(
                    gettext("Row %(row)s already contains this actor.") % {"row": earlier.row}
                )
                break
        seen.setdefault(key, []).append(row)
        for actor in existing_by_name.get(key, []):
            if _is_duplicate(kind, email, actor.email):
                row.errors.append(
                    gettext(
                        "This actor already exists in this municipality. Remove the row "
                        "or change the existing actor instead."
                    )
                )
                break
        if kind == ActorKind.ORGANISATION:
            file_organisations.setdefault(key[1], row)

    for row in preview.rows:
        organisation = row.values.get("organisation_name")
        if row.skipped or not organisation or row.values["kind"] != ActorKind.PERSON:
            continue
        key = _person_key(organisation)
        if key in file_organisations:
            row.values["organisation_row"] = file_organisations[key].row
        elif existing_by_name.get((ActorKind.ORGANISATION, key)):
            row.values["organisation_pk"] = existing_by_name[(ActorKind.ORGANISATION, key)][0].pk
        else:
            row.errors.append(
                gettext(
                    "The organisation “%(name)s” is neither in this file nor one of this "
                    "municipality's actors."
                )
                % {"name": organisation}
            )
    return preview


# --- Saving --------------------------------------------------------------------------

ACTOR_FIELDS = (
    "kind",
    "name",
    "category",
    "role",
    "email",
    "phone",
    "address",
    "website",
    "languages",
    "notes",
    "is_key_person",
    "represents_silent_group",
    "silent_group",
    "involvement",
)


@transaction.atomic
def import_rows(preview: Preview, municipality, *, by, now: datetime | None = None) -> list[Actor]:
    """Create every actor of an error-free preview, all in one transaction.

    Assessments in the file are dated `now` (default: the current time).

    Organisations come first, so persons can belong to organisations from the same
    file. Raises ValidationError (and saves nothing) when the preview has errors or
    a service rejects a row.
    """
    if preview.has_errors:
        raise ValidationError(
            _("The file has errors; nothing was imported."), code="preview_has_errors"
        )
    rows = [row for row in preview.rows if not row.skipped]
    rows.sort(key=lambda row: row.values["kind"] != ActorKind.ORGANISATION)
    created: list[Actor] = []
    by_row: dict[int, Actor] = {}
    for row in rows:
        values = row.values
        actor = Actor(municipality=municipality, **{key: values[key] for key in ACTOR_FIELDS})
        if "organisation_row" in values:
            actor.organisation = by_row[values["organisation_row"]]
        elif "organisation_pk" in values:
            actor.organisation_id = values["organisation_pk"]
        services.save_actor(actor, by=by)
        if values["influence"] is not None and values["attitude"] is not None:
            services.assess(
                actor,
                influence=values["influence"],
                attitude=values["attitude"],
                by=by,
                now=now,
            )
        by_row[row.row] = actor
        created.append(actor)
    return created


# --- Export --------------------------------------------------------------------------


def _current_assessment(actor: Actor) -> tuple[int | None, int | None]:
    if hasattr(actor, "influence") and hasattr(actor, "attitude"):
        return actor.influence, actor.attitude  # from with_current_assessment()
    latest = actor.assessments.first()
    return (latest.influence, latest.attitude) if latest else (None, None)


def export_rows(actors: Iterable[Actor], lang: str | None = None) -> list[list[str | int]]:
    """The cells of the export, one list per actor, in `COLUMNS` order.

    Pass actors from `Actor.objects.with_current_assessment().select_related(
    "category", "organisation")` to avoid a query per actor.
    """
    lang = lang or current_language()
    english = lang == "en"
    rows: list[list[str | int]] = []
    for actor in actors:
        influence, attitude = _current_assessment(actor)
        category = actor.category
        category_name = (category.name_en or category.name) if english else category.name
        anonymised = actor.is_anonymised
        if actor.represents_silent_group:
            silent = actor.silent_group if actor.silent_group and not anonymised else YES[lang]
        else:
            silent = NO[lang]
        personal = {
            "name": DELETED_PERSON[lang] if anonymised else actor.name,
            "organisation": actor.organisation.name
            if actor.organisation and not anonymised
            else "",
            "role": actor.role,
            "email": actor.email,
            "phone": actor.phone,
            "address": actor.address,
            "website": actor.website,
            "languages": actor.languages,
            "notes": actor.notes,
        }
        if anonymised:
            personal = dict.fromkeys(personal, "") | {"name": DELETED_PERSON[lang]}
        cells: dict[str, str | int] = {
            **personal,
            "kind": KIND_LABELS[actor.kind],
            "category": category_name,
            "is_key_person": YES[lang] if actor.is_key_person else NO[lang],
            "silent_group": silent,
            "involvement": INVOLVEMENT_LABELS[lang][Involvement(actor.involvement)],
            "influence": influence if influence is not None else "",
            "attitude": attitude if attitude is not None else "",
        }
        rows.append([cells[key] for key in COLUMN_KEYS])
    return rows


def export_xlsx(actors: Iterable[Actor]) -> bytes:
    """A workbook with a bold, frozen header row, column widths and an autofilter."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    lang = current_language()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE[lang]
    sheet.append(column_headers(english=lang == "en"))
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, column in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    for row_number, values in enumerate(export_rows(actors, lang), start=2):
        for column_number, value in enumerate(values, start=1):
            cell = sheet.cell(row=row_number, column=column_number, value=value)
            if isinstance(value, str):
                # Text stays text: "=..." from a note must not become a formula, and
                # "+49 711 ..." not a number.
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{max(sheet.max_row, 1)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _escape(value: str | int) -> str | int:
    if (
        isinstance(value, str)
        and value.startswith(FORMULA_START)
        and not HARMLESS_SIGNED.fullmatch(value)
    ):
        return f"'{value}"
    return value


def export_csv(actors: Iterable[Actor]) -> str:
    """Semicolon-separated text starting with a BOM, so Excel shows umlauts right.

    Encode the result as UTF-8.
    """
    lang = current_language()
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(column_headers(english=lang == "en"))
    for values in export_rows(actors, lang):
        writer.writerow([_escape(value) for value in values])
    return buffer.getvalue()
