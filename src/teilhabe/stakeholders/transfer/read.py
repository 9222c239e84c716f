"""Reading an uploaded .xlsx or .csv file into plain rows of strings."""

import codecs
import csv
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from teilhabe.stakeholders.transfer.columns import (
    COLUMN_KEYS,
    FORMULA_START,
    HEADERS,
    column_headers,
    normalise,
)

MAX_ROWS = 2000
# Rows read, empty ones included, before the reading stops: the work is bounded by
# what the file holds, not by the rows kept. A sheet with one cell in row 1,048,576
# (1.4 KB) or a million empty rows (5 MB) would otherwise keep a worker busy for up to
# a minute. The margin leaves room for a title above the header and blank lines.
MAX_READ_ROWS = MAX_ROWS + 200
# Uncompressed size of all parts of an uploaded workbook: a small ZIP can unpack to
# gigabytes, and openpyxl would try.
MAX_XLSX_UNPACKED_BYTES = 50 * 1024 * 1024
# Only this many columns are read; the layout has 16.
MAX_COLUMNS = 60


@dataclass
class ParsedFile:
    """What `parse_upload` read: rows of strings, plus the headers it did not know.

    Each row is `{"row": <row number in the spreadsheet, header = 1>, "values":
    {<column key>: <string>}}`; plain data, so it can be stored as JSON (`ImportPreview.rows`).
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


def _too_many_rows() -> ValidationError:
    return _error(
        _(
            "The file has more than %(max)s rows (empty rows included). Please delete "
            "the empty rows at the end or split the list into smaller files."
        ),
        max=MAX_READ_ROWS,
    )


def _bounded(lines: Iterator[list[str]]) -> Iterator[list[str]]:
    """The rows of `lines`, refusing the file as soon as more than MAX_READ_ROWS are read."""
    for count, cells in enumerate(lines, start=1):
        if count > MAX_READ_ROWS:
            close = getattr(lines, "close", None)
            if close is not None:
                close()  # the reader's finally closes the workbook
            raise _too_many_rows()
        yield cells


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
        # A declared size above the limit is refused before any row is read...
        if (sheet.max_row or 0) > MAX_READ_ROWS:
            raise _too_many_rows()
        # ...but it may also be wrong (too small, or missing): read what is there, and
        # stop one row after the limit. openpyxl fills gaps between rows with empty
        # rows, so a lone cell far down costs as many rows as an empty sheet that long.
        sheet.reset_dimensions()
        for row in sheet.iter_rows(
            max_col=MAX_COLUMNS, max_row=MAX_READ_ROWS + 1, values_only=True
        ):
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

    lines = _bounded(lines)
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
            keys = [HEADERS.get(normalise(cell)) for cell in cells]
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
