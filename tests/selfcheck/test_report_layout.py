"""The PDF report checked as a layout, not only as text (issue 9).

WeasyPrint lays the report out in boxes and the PDF draws exactly these boxes, so
the boxes show what a reader sees: text of one table cell running over the next,
headers broken into syllables ("Ver-wal-tung"), and a table whose last rows sit
alone on a page. The report here is as crowded as a real one: nine fields of action
with long German names, every perspective, a baseline and long statements.
"""

from collections import defaultdict

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint.formatting_structure import boxes

from teilhabe.selfcheck import exports, services
from teilhabe.selfcheck.models import Item, ItemKind, Perspective
from teilhabe.selfcheck.results import PERSPECTIVE_ABBREVIATIONS, round_results
from tests.selfcheck.results_fixtures import build_round, build_version, respond

FIELDS = [
    ("attitude", "Haltung und Leitbild", "Attitude and mission statement"),
    (
        "administration",
        "Kultur und Struktur der Verwaltung",
        "Culture and structure of the administration",
    ),
    ("opening", "Interkulturelle Öffnung und Antirassismus", "Intercultural opening"),
    ("measures", "Maßnahmen und Projekte", "Measures and projects"),
    (
        "cooperation",
        "Zusammenarbeit mit Politik, Wirtschaft und Zivilgesellschaft",
        "Cooperation with politics, business and civil society",
    ),
    (
        "migrant-organisations",
        "Zusammenarbeit mit Migrant*innenselbstorganisationen",
        "Cooperation with migrant self-organisations",
    ),
    ("participation", "Beteiligung und Engagement", "Participation and volunteering"),
    ("communication", "Kommunikation und sprachlicher Zugang", "Communication and language"),
    ("resources", "Ressourcen und Zuständigkeiten", "Resources and responsibilities"),
]
# Hyphens a layout puts at the end of a line it broke inside a word.
HYPHENS = ("-", "\u2010", "\u00ad")
# Rounding of the layout: boxes that touch are not overlapping.
TOLERANCE = 0.5


@pytest.fixture
def crowded(process, municipality, db):
    base_version, _ = build_version(1, fields=FIELDS, items_per_field=6)
    baseline = build_round(municipality, base_version, title="Selbstcheck 2021")
    respond(baseline)
    version, fields = build_version(2, fields=FIELDS, items_per_field=6)
    Item.objects.filter(field__version=version, kind=ItemKind.LIKERT).update(
        text=(
            "Die Verwaltungsspitze spricht sich regelmäßig öffentlich für ein "
            "gleichberechtigtes Zusammenleben in Vielfalt aus."
        )
    )
    round_ = build_round(municipality, version, title="Selbstcheck 2024", baseline=baseline)
    # The perspectives disagree, so the discussion points fill a table too.
    for index, perspective in enumerate(Perspective.values):
        values = {f"{key}-{n}": 1 + (index + n) % 5 for key, *_names in FIELDS for n in (1, 2)}
        respond(round_, perspective, values={**values, "resources-text": "Mehr Personal."})
    for number in range(14):
        services.add_first_step(
            round_,
            fields[FIELDS[number % len(FIELDS)][0]],
            text=f"Schritt {number}: Beirat und Migrant*innenselbstorganisationen einladen",
            responsible="Integrationsbeauftragte",
            by=None,
        )
    return round_


def walk(box, ancestors=()):
    """Every box below `box` with the boxes above it."""
    yield box, ancestors
    for child in getattr(box, "children", ()):
        yield from walk(child, (*ancestors, box))


def rect(box) -> tuple[float, float, float, float]:
    return (box.position_x, box.position_y, box.position_x + box.width, box.position_y + box.height)


def overlap(a, b) -> bool:
    ax0, ay0, ax1, ay1 = rect(a)
    bx0, by0, bx1, by1 = rect(b)
    return min(ax1, bx1) - max(ax0, bx0) > TOLERANCE and min(ay1, by1) - max(ay0, by0) > TOLERANCE


def texts(page):
    """(text box, its table cell or None, whether it is in a table header) of a page."""
    found = []
    for box, ancestors in walk(page._page_box):
        if isinstance(box, boxes.TextBox) and box.text.strip():
            cells = [a for a in ancestors if isinstance(a, boxes.TableCellBox)]
            header = any(isinstance(a, boxes.TableRowGroupBox) and a.is_header for a in ancestors)
            found.append((box, cells[-1] if cells else None, header))
    return found


def table_parts(document):
    """table element -> [number of body rows on each page the table is on]."""
    parts = defaultdict(list)
    for page in document.pages:
        for box, _ancestors in walk(page._page_box):
            if isinstance(box, boxes.TableBox):
                rows = sum(
                    len(group.children)
                    for group in box.children
                    if isinstance(group, boxes.TableRowGroupBox)
                    and not group.is_header
                    and not group.is_footer
                )
                parts[box.element].append(rows)
    return parts


def overlapping_texts(document):
    for number, page in enumerate(document.pages, start=1):
        found = [box for box, _cell, _header in texts(page)]
        for index, box in enumerate(found):
            for other in found[index + 1 :]:
                if overlap(box, other):
                    yield f"page {number}: “{box.text}” overlaps “{other.text}”"


def texts_out_of_their_cells(document):
    for number, page in enumerate(document.pages, start=1):
        for box, cell, _header in texts(page):
            if cell is None:
                continue
            left = cell.content_box_x()
            if box.position_x < left - TOLERANCE or (
                box.position_x + box.width > left + cell.width + TOLERANCE
            ):
                yield f"page {number}: “{box.text}” is wider than its column"


def hyphenated_headers(document):
    for number, page in enumerate(document.pages, start=1):
        for box, _cell, header in texts(page):
            if header and box.text.rstrip().endswith(HYPHENS):
                yield f"page {number}: a header broken into syllables: “{box.text}”"


def lonely_table_rows(document):
    # A table that needs more than a page breaks where at least four rows stay
    # together on either side; a short table is not split at all.
    for rows in table_parts(document).values():
        if len(rows) > 1 and (sum(rows) <= 6 or min(rows) <= 3):
            yield f"a table of {sum(rows)} rows split as {rows} over pages"


def pages_ending_with_a_heading(document):
    for number, page in enumerate(document.pages[:-1], start=1):
        body = [
            (box, ancestors)
            for box, ancestors in walk(page._page_box)
            if isinstance(box, boxes.TextBox)
            and box.text.strip()
            and not any(isinstance(a, boxes.MarginBox) for a in ancestors)
        ]
        last, ancestors = max(body, key=lambda entry: entry[0].position_y)
        if {a.element_tag for a in ancestors} & {"h2", "h3", "h4"}:
            yield f"page {number} ends with the heading “{last.text}”"


def unexplained_abbreviations(document):
    legend = "".join(
        box.text
        for page in document.pages
        for box, ancestors in walk(page._page_box)
        if isinstance(box, boxes.TextBox)
        and any("legend" in (a.element.get("class") or "") for a in ancestors if a.element)
    )
    legend = " ".join(legend.split())
    headers = {box.text.strip() for page in document.pages for box, _c, h in texts(page) if h}
    for value, label in Perspective.choices:
        short = str(PERSPECTIVE_ABBREVIATIONS[value])
        if short not in headers:
            yield f"“{short}” is no column header"
        if f"{short} = {label}" not in legend:
            yield f"the legend does not explain “{short}”"
    if str(Perspective.MIGRANT_ORGANISATIONS.label) in headers:
        yield "a header holds the full “Migrant organisations”"


CHECKS = [
    overlapping_texts,
    texts_out_of_their_cells,
    hyphenated_headers,
    lonely_table_rows,
    pages_ending_with_a_heading,
    unexplained_abbreviations,
]


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_report_layout(crowded, language):
    # Rendered once per language (a few seconds each), then every check reads it.
    with translation.override(language):
        document = exports.report_document(round_results(crowded))
        problems = [problem for check in CHECKS for problem in check(document)]
    assert not problems, "\n".join(problems)


def test_the_checks_see_the_problems_of_the_old_stylesheet(crowded):
    """The checks would have caught the reported report: hyphenated, fixed-width
    headers with the full perspective names, and tables split anywhere."""
    from weasyprint import CSS, HTML

    from teilhabe.selfcheck.radar import radar_for

    results = round_results(crowded)
    context = {"results": results, "round": crowded, "radar": radar_for(results)}
    html = render_to_string("selfcheck/report_pdf.html", {**context, "LANGUAGE_CODE": "de"})
    old = """
        @page { size: A4; margin: 22mm 18mm 20mm 18mm; }
        html { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; }
        table { width: 100%; border-collapse: collapse; }
        th, td { padding: 1.2mm 1.5mm; }
        thead th { font-size: 8pt; hyphens: auto; }
        .scores-table, .items-table { table-layout: fixed; font-size: 8.5pt; }
        .scores-table th:first-child, .items-table th:first-child { width: 34%; }
        .visually-hidden { display: none; }
    """
    document = HTML(string=html).render(stylesheets=[CSS(string=old)])
    assert list(overlapping_texts(document))
    assert list(texts_out_of_their_cells(document))
    assert list(hyphenated_headers(document))
