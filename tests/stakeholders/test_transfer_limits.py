"""The import reads a bounded number of rows, however large the sheet claims or is.

An audit found that a 1.4 KB workbook with one cell in row 1,048,576 kept a worker busy
for 4 to 9 s and a 5 MB one with a million empty rows for 50 s: the importer counted only
the rows it kept. These tests count the rows the reader hands over (not wall time).
"""

import io
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from teilhabe.stakeholders import transfer
from teilhabe.stakeholders.transfer import read
from tests.stakeholders.transfer_factories import row, upload, xlsx_bytes

LAST_EXCEL_ROW = 1_048_576


def _workbook_with_sheet_data(sheet_data: bytes, dimension: str | None) -> bytes:
    """An openpyxl-made workbook whose first sheet holds `sheet_data` as its rows."""
    source = zipfile.ZipFile(io.BytesIO(xlsx_bytes([])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                content = re.sub(rb"<dimension [^>]*/>", b"", content)
                if dimension is not None:
                    content = content.replace(
                        b"<sheetPr", f'<dimension ref="{dimension}"/><sheetPr'.encode(), 1
                    )
                    if b"<dimension" not in content:  # no sheetPr: after the root tag
                        content = re.sub(
                            rb"(<worksheet[^>]*>)",
                            rb'\1<dimension ref="' + dimension.encode() + rb'"/>',
                            content,
                        )
                content = re.sub(
                    rb"<sheetData>.*</sheetData>|<sheetData\s*/>",
                    b"<sheetData>" + sheet_data + b"</sheetData>",
                    content,
                    flags=re.DOTALL,
                )
                info = zipfile.ZipInfo(info.filename, info.date_time)
                info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return out.getvalue()


HEADER_ROW = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c></row>'


@pytest.fixture
def rows_read(monkeypatch):
    """How many rows the XLSX and CSV readers handed to `parse_upload`."""
    counter = {"rows": 0}

    def counting(reader):
        def wrapped(upload):
            for cells in reader(upload):
                counter["rows"] += 1
                yield cells

        return wrapped

    monkeypatch.setattr(read, "_read_xlsx", counting(read._read_xlsx))
    monkeypatch.setattr(read, "_read_csv", counting(read._read_csv))
    return counter


def _refused(file) -> str:
    with translation.override("en"), pytest.raises(ValidationError) as exc_info:
        transfer.parse_upload(file)
    (message,) = exc_info.value.messages
    return message


def test_one_cell_in_the_last_row_is_refused_by_its_declared_size(rows_read):
    far = (
        f'<row r="{LAST_EXCEL_ROW}"><c r="A{LAST_EXCEL_ROW}" t="inlineStr">'
        "<is><t>Verein</t></is></c></row>"
    ).encode()
    data = _workbook_with_sheet_data(HEADER_ROW + far, dimension=f"A1:A{LAST_EXCEL_ROW}")
    assert len(data) < 10_000
    message = _refused(upload("akteure.xlsx", data))
    assert f"mehr als {read.MAX_READ_ROWS} Zeilen (leere Zeilen mitgezählt)" in message
    assert rows_read["rows"] == 0


def test_one_cell_in_the_last_row_with_a_false_small_size_stops_at_the_limit(rows_read):
    far = (
        f'<row r="{LAST_EXCEL_ROW}"><c r="A{LAST_EXCEL_ROW}" t="inlineStr">'
        "<is><t>Verein</t></is></c></row>"
    ).encode()
    data = _workbook_with_sheet_data(HEADER_ROW + far, dimension="A1:A2")
    message = _refused(upload("akteure.xlsx", data))
    assert "leere Zeilen mitgezählt" in message
    assert rows_read["rows"] <= read.MAX_READ_ROWS + 1


def test_a_hundred_thousand_empty_rows_without_a_declared_size_stop_at_the_limit(rows_read):
    empty_rows = b"".join(b'<row r="%d"/>' % n for n in range(2, 100_002))
    data = _workbook_with_sheet_data(HEADER_ROW + empty_rows, dimension=None)
    message = _refused(upload("akteure.xlsx", data))
    assert "leere Zeilen mitgezählt" in message
    assert rows_read["rows"] <= read.MAX_READ_ROWS + 1


def test_a_csv_of_empty_lines_stops_at_the_limit(rows_read):
    data = b"Name;Kategorie\r\n" + b";\r\n" * 100_000
    message = _refused(upload("akteure.csv", data))
    assert "leere Zeilen mitgezählt" in message
    assert rows_read["rows"] <= read.MAX_READ_ROWS + 1


def test_the_limit_leaves_room_for_blank_rows_around_a_full_file(rows_read):
    lines = [";"] * 50 + ["Name"] + [f"Verein {n}" for n in range(read.MAX_ROWS)] + [";"] * 100
    parsed = transfer.parse_upload(upload("akteure.csv", "\r\n".join(lines).encode()))
    assert len(parsed.rows) == read.MAX_ROWS
    assert rows_read["rows"] == len(lines)


def test_a_workbook_at_the_limit_is_read(rows_read):
    data = xlsx_bytes([row(name=f"Verein {n}") for n in range(read.MAX_ROWS)])
    parsed = transfer.parse_upload(upload("akteure.xlsx", data))
    assert len(parsed.rows) == read.MAX_ROWS
