"""Writing a municipality's actors as XLSX or CSV, in the layout of `columns`."""

import csv
import io
from collections.abc import Iterable

from teilhabe.stakeholders.models import Actor, Involvement
from teilhabe.stakeholders.transfer.columns import (
    COLUMN_KEYS,
    COLUMNS,
    DELETED_PERSON,
    FORMULA_START,
    HARMLESS_SIGNED,
    INVOLVEMENT_LABELS,
    KIND_LABELS,
    NO,
    SHEET_TITLE,
    YES,
    column_headers,
    current_language,
)

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


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
