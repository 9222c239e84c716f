"""Import and export of a municipality's actor list as XLSX or CSV.

One fixed column layout (`COLUMNS`) serves both directions, so an exported file
re-imports unchanged. Headers and values are written in the current UI language
(German or English); the importer accepts both languages in any mix, case-insensitive.

Importing takes three steps, so nothing is ever half-imported:

1. `parse_upload` (read.py) reads the file into plain rows of strings (JSON-serialisable, so a
   view can keep them in an `ImportPreview` between preview and confirmation);
2. `validate` (validation.py) checks every row with the forms of a hand entry (`ActorForm`,
   `AssessmentForm`) and against the municipality's current actors, and returns a
   `Preview` with an unsaved actor and the error messages per row and column;
3. `import_rows` (write.py) saves all rows in one transaction through `services.import_actors`,
   and refuses a preview that has any error.

Duplicates of existing actors are errors, not silently skipped: the person importing
sees them and removes them from the file, so no actor is imported twice.

The layout lives in columns.py, the export in export.py; the names below are the
package's interface.
"""

from teilhabe.stakeholders.transfer.columns import (
    COLUMN_KEYS,
    COLUMNS,
    HEADERS,
    Column,
    column_headers,
    current_language,
)
from teilhabe.stakeholders.transfer.export import (
    CSV_CONTENT_TYPE,
    XLSX_CONTENT_TYPE,
    export_csv,
    export_rows,
    export_xlsx,
)
from teilhabe.stakeholders.transfer.read import MAX_ROWS, ParsedFile, parse_upload
from teilhabe.stakeholders.transfer.validation import Preview, PreviewRow, RowError, validate
from teilhabe.stakeholders.transfer.write import import_rows

__all__ = [
    "COLUMNS",
    "COLUMN_KEYS",
    "CSV_CONTENT_TYPE",
    "HEADERS",
    "MAX_ROWS",
    "XLSX_CONTENT_TYPE",
    "Column",
    "ParsedFile",
    "Preview",
    "PreviewRow",
    "RowError",
    "column_headers",
    "current_language",
    "export_csv",
    "export_rows",
    "export_xlsx",
    "import_rows",
    "parse_upload",
    "validate",
]
